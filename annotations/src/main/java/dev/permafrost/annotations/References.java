package dev.permafrost.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Makes the column a foreign key to another entity: to its single-column primary key, or to
 * {@link #column()} when that names a primary-key or unique column. The constraint is named
 * {@code fk_<table>_<column>_<referenced table>}.
 *
 * <p>A field whose type is an entity ({@code Owner owner}) is such a column without this annotation: it is
 * named {@code owner_<key column>} ({@code owner_id}) and typed like the key. Add {@code @References} to it
 * only for {@link #column()}, {@link #onDelete()} or {@link #onUpdate()}.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.RECORD_COMPONENT})
public @interface References {
    /** The referenced entity (a class annotated with {@link Table}); by default the field's type, if it is one. */
    Class<?> value() default void.class;

    /**
     * The constraint's name; by default {@code fk_<table>_<column>_<referenced table>} (or as
     * {@code -Apermafrost.naming} says).
     */
    String name() default "";

    /** The referenced column; empty means the referenced entity's primary key. */
    String column() default "";

    /** What happens to this row when the referenced row is deleted. */
    ReferentialAction onDelete() default ReferentialAction.NO_ACTION;

    /** What happens to this row when the referenced key changes. */
    ReferentialAction onUpdate() default ReferentialAction.NO_ACTION;
}
