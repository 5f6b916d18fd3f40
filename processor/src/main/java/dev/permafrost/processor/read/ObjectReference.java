package dev.permafrost.processor.read;

import dev.permafrost.message.Message;
import dev.permafrost.processor.Diagnostics;
import dev.permafrost.model.Names;
import java.util.List;
import java.util.Locale;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.Types;

/**
 * A field whose type is an entity ({@code Owner owner}): a foreign-key column per referenced key column, named
 * after the field and that column ({@code owner_id}; for a composite key {@code slot_day}, {@code slot_hour}),
 * whose Java type, for mapping, is the key field's. A collection of entities is refused with how to model it.
 *
 * @param target the referenced entity
 * @param keys the referenced key fields, in key order (or the {@code @References(column)} one)
 * @param keyColumns their column names
 */
record ObjectReference(TypeElement target, List<Element> keys, List<String> keyColumns) {

    /** The {@code part}-th column's default name: {@code owner} + {@code _} + {@code id}. */
    String columnName(String base, int part) {
        return base + "_" + keyColumns.get(part);
    }

    Element key(int part) {
        return keys.get(part);
    }

    int parts() {
        return keys.size();
    }

    /** The entity a field's type names, or {@code null} when it is not an entity. */
    static TypeElement entityOf(TypeMirror type) {
        return Annotations.declaredAs(type, e -> Annotations.find(e, Annotations.TABLE) != null);
    }

    /**
     * The reference a field of entity type makes, or {@code null} when the field is not one or is in error
     * (reported at the field).
     *
     * @param referenced the {@code @References(column)}, empty for the key
     */
    static ObjectReference of(Element field, TypeElement target, String referenced, AnnotationMirror references,
                              Annotations annotations, Diagnostics diagnostics) {
        List<Element> columns = EntityReader.columnElements(target);
        if (!referenced.isEmpty()) {
            for (Element column : columns) {
                if (columnName(column, annotations).equals(referenced)) {
                    return new ObjectReference(target, List.of(column), List.of(referenced));
                }
            }
            AnnotationMirror table = Annotations.find(target, Annotations.TABLE);
            String tableName = annotations.string(table, "name");
            diagnostics.report(field, references, annotations.value(references, "column"), Message.UNKNOWN_COLUMN,
                    "@References", referenced, (tableName.isBlank() ? Names.snakeCase(target.getSimpleName().toString())
                            : tableName).toLowerCase(Locale.ROOT), "; its columns are " + String.join(", ",
                            columns.stream().map(c -> columnName(c, annotations)).toList()));
            return null;
        }
        List<Element> key = columns.stream().filter(c -> Annotations.find(c, Annotations.ID) != null).toList();
        if (key.isEmpty()) {
            diagnostics.report(field, references, Message.OBJECT_REFERENCE_KEY, field.getSimpleName(),
                    target.getSimpleName(), target.getSimpleName());
            return null;
        }
        return new ObjectReference(target, key, key.stream().map(k -> columnName(k, annotations)).toList());
    }

    /** The column name of a field: its {@code @Column(name)}, else its snake_case name. */
    private static String columnName(Element field, Annotations annotations) {
        AnnotationMirror column = Annotations.find(field, Annotations.COLUMN);
        String name = column == null ? "" : annotations.string(column, "name");
        return (name.isBlank() ? Names.snakeCase(field.getSimpleName().toString()) : name).toLowerCase(Locale.ROOT);
    }

    /** Reports a field that holds a collection (or map) of entities, with how to model it; {@code true} if it did. */
    static boolean refuseCollection(TypeElement entity, Element field, TypeMirror type, Types types,
                                    Diagnostics diagnostics) {
        // a collection of entities has a type argument: most fields (String, Long) have none, and are not looked at further
        if (type.getKind() != TypeKind.DECLARED || ((DeclaredType) type).getTypeArguments().isEmpty()
                || !isCollection(type, types)) {
            return false;
        }
        for (TypeMirror argument : ((DeclaredType) type).getTypeArguments()) {
            TypeElement element = entityOf(argument);
            if (element != null) {
                diagnostics.report(field, Message.COLLECTION_OF_ENTITIES, field.getSimpleName(), element.getSimpleName(),
                        element.getSimpleName(), entity.getSimpleName());
                return true;
            }
        }
        return false;
    }

    /**
     * Whether JDK types are collections, by name: every entity's fields are mostly {@code String}, {@code Long},
     * {@code Instant}, whose supertypes would otherwise be walked again for each field of each entity (a fifth of a
     * one-entity compile's reading in a project of 1,000 entities). Only {@code java.*} names are remembered, which
     * mean the same class in every compilation this JVM runs.
     */
    private static final java.util.Map<String, Boolean> JDK_COLLECTIONS = new java.util.concurrent.ConcurrentHashMap<>();

    private static boolean isCollection(TypeMirror type, Types types) {
        TypeMirror erased = types.erasure(type);
        if (erased.getKind() != TypeKind.DECLARED) {
            return false;
        }
        String name = ((TypeElement) types.asElement(erased)).getQualifiedName().toString();
        if (name.equals("java.lang.Iterable") || name.equals("java.util.Map")) {
            return true;
        }
        boolean jdk = name.startsWith("java.");
        Boolean known = jdk ? JDK_COLLECTIONS.get(name) : null;
        if (known != null) {
            return known;
        }
        boolean collection = false;
        for (TypeMirror parent : types.directSupertypes(erased)) {
            if (isCollection(parent, types)) {
                collection = true;
                break;
            }
        }
        if (jdk) {
            JDK_COLLECTIONS.put(name, collection);
        }
        return collection;
    }
}
