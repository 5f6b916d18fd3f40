package dev.permafrost.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A UNIQUE constraint over one or more columns of the entity's table; repeat it for several. For one
 * column {@code @Column(unique = true)} is shorter. Unlike {@code @Index(unique = true)} it is a constraint:
 * foreign keys may reference it, and {@code validate()} compares it as one.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@Repeatable(Uniques.class)
public @interface Unique {
    /** The constraint name; by default {@code uq_<table>_<column>_<column>…}. */
    String name() default "";

    /** The columns, by column name, in constraint order. */
    String[] columns();
}
