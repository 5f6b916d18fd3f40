package dev.permafrost.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Stores the column as a type Permafrost does not model on one database ({@code vector(1536)}, {@code inet},
 * {@code tsvector} on PostgreSQL); elsewhere the column has its portable type (from the Java type and
 * {@link Column}). Repeat it for several databases. The snapshot freezes it, a change of it is a migration, and
 * {@code validate()} compares it by name: write it as the database reports it ({@code format_type} on PostgreSQL).
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.RECORD_COMPONENT})
@Repeatable(NativeTypes.class)
public @interface NativeType {
    /** The database the type is for. */
    Database database();

    /** The type as that database writes it. */
    String value();
}
