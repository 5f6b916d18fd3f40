package dev.permafrost.processor.read;

import dev.permafrost.message.Message;
import dev.permafrost.model.Names;
import dev.permafrost.processor.Diagnostics;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.TypeMirror;

/**
 * An entity's columns with its embedded values spread out: a field of an {@code @Embeddable} type stands for
 * that type's fields, each with the field's prefix ({@code address_}), recursively.
 */
final class Embedding {

    /**
     * One column's element and where it sits.
     *
     * @param owner the type that declares the element's column: the entity, or the embeddable
     * @param prefix what the column's name starts with (empty for the entity's own fields)
     * @param path the fields from the entity to the element, for messages ({@code address.street})
     */
    record Member(Element element, TypeElement owner, String prefix, String path) {
    }

    private Embedding() {
    }

    /** The entity's column elements, embedded values spread out; an embedding in error is reported and left out. */
    static List<Member> members(TypeElement entity, List<Element> columns, Annotations annotations,
                                Diagnostics diagnostics) {
        List<Member> members = new ArrayList<>();
        for (Element column : columns) {
            spread(entity, column, "", "", new ArrayList<>(), members, annotations, diagnostics);
        }
        return members;
    }

    private static void spread(TypeElement owner, Element field, String prefix, String path, List<TypeElement> holding,
                               List<Member> members, Annotations annotations, Diagnostics diagnostics) {
        String name = path.isEmpty() ? field.getSimpleName().toString() : path + "." + field.getSimpleName();
        AnnotationMirror embedded = Annotations.find(field, Annotations.EMBEDDED);
        TypeElement embeddable = embeddable(field.asType());
        if (embeddable == null) {
            if (embedded != null) {
                diagnostics.report(field, embedded, Message.NOT_EMBEDDABLE, name, field.asType(), field.asType());
            } else {
                members.add(new Member(field, owner, prefix, name));
            }
            return;
        }
        if (holding.contains(embeddable)) {
            diagnostics.report(field, Message.EMBEDDING_CYCLE, name, embeddable.getSimpleName(),
                    String.join(" > ", holding.stream().map(t -> t.getSimpleName().toString()).toList()) + " > "
                            + embeddable.getSimpleName());
            return;
        }
        String own = embedded == null ? "" : annotations.string(embedded, "prefix").toLowerCase(Locale.ROOT);
        String next = prefix + (own.isEmpty() ? Names.snakeCase(field.getSimpleName().toString()) + "_" : own);
        holding.add(embeddable);
        for (Element member : EntityReader.columnElements(embeddable)) {
            spread(embeddable, member, next, name, holding, members, annotations, diagnostics);
        }
        holding.remove(holding.size() - 1);
    }

    /** The {@code @Embeddable} type a field's type is, or {@code null}. */
    private static TypeElement embeddable(TypeMirror type) {
        return Annotations.declaredAs(type, e -> Annotations.find(e, Annotations.EMBEDDABLE) != null);
    }
}
