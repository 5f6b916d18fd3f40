package dev.permafrost.processor.read;

import dev.permafrost.message.Message;
import dev.permafrost.processor.Diagnostics;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/**
 * The JPA converters Hibernate applies without {@code @Convert}: {@code @Converter(autoApply = true)} classes among
 * the compilation's sources and those the newest snapshot records (a compilation of a few changed files must see
 * the converters a full build saw, or it would read a column's type differently).
 *
 * @param byJavaType the attribute type's qualified name → the converter
 */
public record AutoConverters(Map<String, Converter> byJavaType) {

    /** A converter: its class, and the database type {@code Y} of its {@code AttributeConverter<X, Y>}. */
    public record Converter(TypeElement type, TypeMirror database) {
        public String name() {
            return type.getQualifiedName().toString();
        }
    }

    public static AutoConverters none() {
        return new AutoConverters(Map.of());
    }

    /** Finds them; two for one Java type are an error at the second. */
    public static AutoConverters find(Collection<? extends Element> roots, List<String> recorded, Elements elements,
                                      Types types, Annotations annotations, Diagnostics diagnostics) {
        Map<String, TypeElement> candidates = new TreeMap<>();
        for (Element root : roots) {
            collect(root, candidates);
        }
        for (String name : recorded) {
            TypeElement type = elements.getTypeElement(name);
            if (type != null) {
                candidates.putIfAbsent(name, type);
            }
        }
        Map<String, Converter> byJavaType = new TreeMap<>();
        for (TypeElement type : candidates.values()) {
            AnnotationMirror converter = Annotations.find(type, Annotations.JPA + "Converter");
            if (converter == null || !annotations.bool(converter, "autoApply")) {
                continue;
            }
            TypeMirror[] arguments = arguments(type.asType(), types);
            if (arguments == null) {
                continue; // not an AttributeConverter of concrete types: Hibernate reports it
            }
            String javaType = ((TypeElement) ((DeclaredType) arguments[0]).asElement()).getQualifiedName().toString();
            Converter previous = byJavaType.putIfAbsent(javaType, new Converter(type, arguments[1]));
            if (previous != null) {
                diagnostics.report(type, converter, Message.JPA_UNSUPPORTED, "@Converter(autoApply = true)",
                        type.getSimpleName(), "Hibernate refuses two automatic converters for " + javaType + " ("
                                + previous.name() + " is the other); keep autoApply on one");
            }
        }
        return new AutoConverters(Map.copyOf(byJavaType));
    }

    private static void collect(Element element, Map<String, TypeElement> found) {
        if (element instanceof TypeElement type) {
            found.putIfAbsent(type.getQualifiedName().toString(), type);
            ElementFilter.typesIn(type.getEnclosedElements()).forEach(nested -> collect(nested, found));
        }
    }

    /** {@code X} and {@code Y} of the {@code AttributeConverter<X, Y>} a type implements, or {@code null}. */
    static TypeMirror[] arguments(TypeMirror type, Types types) {
        for (TypeMirror parent : types.directSupertypes(type)) {
            if (parent instanceof DeclaredType declared && ((TypeElement) declared.asElement()).getQualifiedName()
                    .contentEquals(Annotations.JPA + "AttributeConverter") && declared.getTypeArguments().size() == 2) {
                TypeMirror x = declared.getTypeArguments().get(0);
                TypeMirror y = declared.getTypeArguments().get(1);
                return x.getKind() == TypeKind.DECLARED && y.getKind() == TypeKind.DECLARED ? new TypeMirror[] {x, y} : null;
            }
            TypeMirror[] found = arguments(parent, types);
            if (found != null) {
                return found;
            }
        }
        return null;
    }

    /** The converters' classes, sorted: what the next snapshot records. */
    public List<String> names() {
        return byJavaType.values().stream().map(Converter::name).sorted().toList();
    }
}
