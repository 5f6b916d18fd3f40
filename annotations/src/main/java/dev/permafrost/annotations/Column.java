package dev.permafrost.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Customises the column a field or record component maps to. Fields without it are columns too.
 *
 * <p>Nullability: primitives are always {@code NOT NULL}; references are nullable unless
 * {@code nullable = false} or the field is an {@link Id}.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.RECORD_COMPONENT})
public @interface Column {
    /** The column name; by default the snake_case form of the field name ({@code syncedAt} → {@code synced_at}). */
    String name() default "";

    /** Whether the column accepts {@code NULL}; ignored for primitives, which never do. */
    boolean nullable() default true;

    /** Maximum length of a {@code VARCHAR} column (strings, {@code char[]}, enums), 1 to 10485760. */
    int length() default 255;

    /** Total digits of a {@code DECIMAL} column, 1 to 1000; by default {@code DECIMAL(38, 2)}. */
    int precision() default 0;

    /** Digits after the decimal point of a {@code DECIMAL} column, 0 to {@link #precision()}. */
    int scale() default 0;

    /**
     * The column default as an SQL literal or expression, for example {@code "'new'"}, {@code "0"},
     * {@code "true"} or {@code "CURRENT_TIMESTAMP"}. It is parsed at compile time and rendered for each
     * database. Empty means no default.
     */
    String defaultValue() default "";

    /** Adds a single-column unique constraint named {@code uq_<table>_<column>}. */
    boolean unique() default false;

    /** The logical column type; {@link SqlType#AUTO} derives it from the Java type. */
    SqlType type() default SqlType.AUTO;
}
