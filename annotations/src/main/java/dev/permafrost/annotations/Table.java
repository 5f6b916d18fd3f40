package dev.permafrost.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a top-level (or static nested) class or record as an entity: one table of the schema.
 *
 * <p>Every non-static field not marked {@code transient} or {@link Transient} (every record component)
 * becomes a column, in declaration order; fields of superclasses come first.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface Table {
    /** The table name; by default the snake_case form of the simple class name ({@code SyncEvent} → {@code sync_event}). */
    String name() default "";

    /** The primary key constraint's name; by default {@code pk_<table>} (or as {@code -Apermafrost.naming} says). */
    String primaryKey() default "";
}
