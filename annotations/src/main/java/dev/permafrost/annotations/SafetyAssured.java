package dev.permafrost.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Acknowledges, on the entity or the field a warning points at, that the next migration's operation locks or
 * rewrites a populated table, or breaks instances of the previous release (PF510 to PF513), on purpose: the warning is
 * not reported. Like strong_migrations' {@code safety_assured}; on an entity it covers its fields too. Once that
 * migration is written the annotation has done its work; it may stay or go.
 */
@Documented
@Retention(RetentionPolicy.SOURCE)
@Target({ElementType.TYPE, ElementType.FIELD, ElementType.RECORD_COMPONENT})
public @interface SafetyAssured {
    /** The codes acknowledged, for example {@code "PF510"}. */
    String[] value();

    /** Why it is safe here (for the reader; not checked). */
    String reason() default "";
}
