package dev.permafrost.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** Declares an index on the entity's table; repeat it for several indexes. */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@Repeatable(Indexes.class)
public @interface Index {
    /** The index name; by default {@code ix_<table>_<column>_<column>…}. */
    String name() default "";

    /** The indexed columns, by column name, in index order. */
    String[] columns();

    /** Whether the index enforces uniqueness. */
    boolean unique() default false;
}
