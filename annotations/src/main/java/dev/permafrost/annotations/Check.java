package dev.permafrost.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A check constraint, for example {@code @Check(name = "positive_price", value = "price >= 0")}.
 * The condition is parsed at compile time and may only name columns of its own table.
 * The constraint is named {@code ck_<table>_<name>}.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.FIELD, ElementType.RECORD_COMPONENT})
@Repeatable(Checks.class)
public @interface Check {
    /** The constraint's own name; on a field it defaults to the column name, on a type it is required. */
    String name() default "";

    /** The SQL condition, for example {@code "price >= 0"}. */
    String value();
}
