package dev.permafrost.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Says that a table (on the type) or a column (on a field) had another name in the newest snapshot,
 * so the next migration renames it and keeps its data instead of dropping it and adding a new one.
 * Once that migration is written the annotation has done its work; it may stay or go.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.FIELD, ElementType.RECORD_COMPONENT})
public @interface RenamedFrom {
    /** The previous table or column name, as it appears in the newest snapshot. */
    String value();
}
