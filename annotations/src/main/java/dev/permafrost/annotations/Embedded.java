package dev.permafrost.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Embeds an {@link Embeddable}'s fields as columns of this entity, each named with a prefix and its own
 * column name ({@code address_} + {@code street}). A field whose type is {@code @Embeddable} is embedded
 * without this annotation; write it to choose the prefix.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.RECORD_COMPONENT})
public @interface Embedded {
    /** What the embedded columns' names start with; by default the field's snake_case name and {@code _}. */
    String prefix() default "";
}
