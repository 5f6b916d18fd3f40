package dev.permafrost.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A value type whose fields (or record components) become columns of every entity that holds one: a field
 * {@code Address address} of an entity adds {@code address_street}, {@code address_city}, ... (see
 * {@link Embedded}). {@link Column}, {@link References} and {@link Check} on its fields apply in every entity;
 * embeddables may hold embeddables.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface Embeddable {
}
