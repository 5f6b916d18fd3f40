package dev.permafrost.processor.read;

import dev.permafrost.model.Column;
import dev.permafrost.model.ForeignKey;
import java.util.List;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;

/**
 * One entity as read from source or a class file: the table it maps and, for every part, the element
 * and annotation an error about it should point at.
 *
 * @param tableAnnotation what errors about the table point at: {@code @Table}, or JPA's {@code @Entity} or
 *        {@code @JoinTable}; {@code null} for none
 * @param renamedFrom the table's name in the newest snapshot per {@code @RenamedFrom}, or {@code null}
 * @param primaryKey the primary key's name as the entity gives it, or empty for the naming style's
 * @param implied whether the table is one an entity implies rather than maps (a JPA join or collection table):
 *        {@code type} is then the entity that implies it, and references to {@code type} mean its own table
 */
public record EntitySource(TypeElement type, AnnotationMirror tableAnnotation, String table, String renamedFrom,
                    List<ColumnSource> columns, List<IndexSource> indexes, List<IndexSource> uniques,
                    List<CheckSource> checks, String primaryKey, boolean implied) {

    public EntitySource {
        columns = List.copyOf(columns);
        indexes = List.copyOf(indexes);
        uniques = List.copyOf(uniques);
        checks = List.copyOf(checks);
    }

    /** This entity with more columns (those a JPA one-to-many of another entity puts here). */
    public EntitySource withColumns(List<ColumnSource> more) {
        List<ColumnSource> all = new java.util.ArrayList<>(columns);
        all.addAll(more);
        return new EntitySource(type, tableAnnotation, table, renamedFrom, all, indexes, uniques, checks, primaryKey,
                implied);
    }

    public String className() {
        return type.getQualifiedName().toString();
    }

    /** The field of the entity whose join or collection table this is, or {@code null} for an entity's own table. */
    public javax.lang.model.element.Element impliedBy() {
        return implied && !columns.isEmpty() ? columns.get(0).element() : null;
    }

    /** What maps this table, for people: {@code shop.Item}, or {@code the join table of shop.Item.tags}. */
    public String describe() {
        javax.lang.model.element.Element field = impliedBy();
        return field == null ? className() : "the join or collection table of " + className() + "." + field.getSimpleName();
    }

    /**
     * A field or record component and its column.
     *
     * @param reference its {@code @References}, or {@code null}
     * @param renamedFrom the column's name in the newest snapshot per {@code @RenamedFrom}, or {@code null}
     */
    public record ColumnSource(Element element, Column column, boolean id, boolean unique, ReferenceSource reference,
                        String renamedFrom) {
    }

    /**
     * A {@code @References} (or a field of entity type) before the referenced entity is resolved.
     *
     * @param name the constraint's name as {@code @References(name)} gives it, or empty
     */
    public record ReferenceSource(AnnotationMirror annotation, TypeElement target, String column, String name,
                           ForeignKey.Action onDelete, ForeignKey.Action onUpdate) {
    }

    /**
     * An {@code @Index}, or a {@code @Unique} (then {@code unique} is true).
     *
     * @param element the class it is on: the entity, or a superclass whose annotations the entity inherits
     * @param ordinal its place among the annotations of its kind on that class, for pointing at it
     */
    public record IndexSource(Element element, AnnotationMirror annotation, int ordinal, String name, List<String> columns,
                              boolean unique) {
    }

    /**
     * A {@code @Check}, with its name already prefixed and its condition canonical.
     *
     * @param ordinal its place among the {@code @Check} annotations of its element, for pointing at it
     */
    public record CheckSource(Element element, AnnotationMirror annotation, int ordinal, String name, String condition) {
    }
}
