package dev.permafrost.processor.read;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;

/**
 * Reads annotations as {@link AnnotationMirror}s: class-valued members are only readable that way,
 * and a mirror and its values are what error messages point at.
 */
public final class Annotations {

    public static final String PACKAGE = "dev.permafrost.annotations.";
    public static final String TABLE = PACKAGE + "Table";
    public static final String COLUMN = PACKAGE + "Column";
    public static final String ID = PACKAGE + "Id";
    public static final String IDENTITY = PACKAGE + "Identity";
    public static final String INDEX = PACKAGE + "Index";
    public static final String INDEXES = PACKAGE + "Indexes";
    public static final String UNIQUE = PACKAGE + "Unique";
    public static final String EMBEDDABLE = PACKAGE + "Embeddable";
    public static final String NATIVE_TYPE = PACKAGE + "NativeType";
    public static final String NATIVE_TYPES = PACKAGE + "NativeTypes";
    public static final String EMBEDDED = PACKAGE + "Embedded";
    public static final String UNIQUES = PACKAGE + "Uniques";
    public static final String REFERENCES = PACKAGE + "References";
    public static final String TRANSIENT = PACKAGE + "Transient";
    public static final String RENAMED_FROM = PACKAGE + "RenamedFrom";
    public static final String SAFETY_ASSURED = PACKAGE + "SafetyAssured";
    public static final String CHECK = PACKAGE + "Check";
    public static final String CHECKS = PACKAGE + "Checks";

    /** JPA's annotations ({@code jakarta.persistence}), read by {@link JpaReader}. */
    public static final String JPA = "jakarta.persistence.";
    public static final String JPA_ENTITY = JPA + "Entity";

    private final Elements elements;
    /** The members' defaults of each annotation type met, by the type's element. */
    private final Map<Element, Map<String, AnnotationValue>> defaults = new IdentityHashMap<>();
    /** The mirror {@link #value} read last, and the members written in it. */
    private AnnotationMirror lastMirror;
    private Map<? extends ExecutableElement, ? extends AnnotationValue> lastWritten;

    public Annotations(Elements elements) {
        this.elements = elements;
    }

    public Elements elements() {
        return elements;
    }

    /** Whether the type is an entity: Permafrost's {@code @Table} or JPA's {@code @Entity}. */
    public static boolean isEntity(Element type) {
        return find(type, TABLE) != null || find(type, JPA_ENTITY) != null;
    }

    /** Whether the type is a JPA {@code @Entity} (and not a Permafrost {@code @Table}). */
    public static boolean isJpaEntity(Element type) {
        return find(type, JPA_ENTITY) != null && find(type, TABLE) == null;
    }

    /** The annotation of that type on {@code element}, or {@code null}. */
    public static AnnotationMirror find(Element element, String type) {
        for (AnnotationMirror mirror : element.getAnnotationMirrors()) {
            TypeElement annotation = (TypeElement) mirror.getAnnotationType().asElement();
            if (annotation.getQualifiedName().contentEquals(type)) {
                return mirror;
            }
        }
        return null;
    }

    /** Every annotation of a repeatable type on {@code element}, written directly or inside its container. */
    public List<AnnotationMirror> repeated(Element element, String type, String container) {
        List<AnnotationMirror> all = new ArrayList<>();
        AnnotationMirror single = find(element, type);
        if (single != null) {
            all.add(single);
        }
        AnnotationMirror holder = find(element, container);
        if (holder != null) {
            for (AnnotationValue value : list(holder, "value")) {
                all.add((AnnotationMirror) value.getValue());
            }
        }
        return all;
    }

    /** The value as written, or {@code null} when the member was left at its default. */
    public static AnnotationValue explicit(AnnotationMirror mirror, String member) {
        return mirror == null ? null : member(mirror.getElementValues(), member);
    }

    /** The value of {@code member} among the members written, or {@code null}. */
    private static AnnotationValue member(Map<? extends ExecutableElement, ? extends AnnotationValue> written,
                                          String member) {
        for (Map.Entry<? extends ExecutableElement, ? extends AnnotationValue> entry : written.entrySet()) {
            if (entry.getKey().getSimpleName().contentEquals(member)) {
                return entry.getValue();
            }
        }
        return null;
    }

    /**
     * The value as written, or the member's default, as {@link Elements#getElementValuesWithDefaults} gives it; that
     * builds a map of every member at each call, this reads the few written and takes a default from its annotation
     * type's (once per type: a thousand entities have some 15,000 annotations).
     */
    public AnnotationValue value(AnnotationMirror mirror, String member) {
        AnnotationValue value = written(mirror, member);
        if (value == null) {
            value = defaults.computeIfAbsent(mirror.getAnnotationType().asElement(), Annotations::defaults).get(member);
        }
        if (value == null) {
            throw new IllegalArgumentException(mirror + " has no member " + member);
        }
        return value;
    }

    /**
     * {@link #explicit}, taking the members written from the mirror asked last when it is asked again: javac makes a new
     * map of them at each call, and a column's annotation is asked for several members in a row.
     */
    private AnnotationValue written(AnnotationMirror mirror, String member) {
        if (mirror != lastMirror) {
            lastWritten = mirror.getElementValues();
            lastMirror = mirror;
        }
        return member(lastWritten, member);
    }

    /** Every member's default by name, of the annotation type {@code type}. */
    private static Map<String, AnnotationValue> defaults(Element type) {
        Map<String, AnnotationValue> values = new HashMap<>();
        for (ExecutableElement member : ElementFilter.methodsIn(type.getEnclosedElements())) {
            if (member.getDefaultValue() != null) {
                values.put(member.getSimpleName().toString(), member.getDefaultValue());
            }
        }
        return values;
    }

    public String string(AnnotationMirror mirror, String member) {
        return (String) value(mirror, member).getValue();
    }

    public boolean bool(AnnotationMirror mirror, String member) {
        return (Boolean) value(mirror, member).getValue();
    }

    public int integer(AnnotationMirror mirror, String member) {
        return (Integer) value(mirror, member).getValue();
    }

    /** The simple name of an enum constant value. */
    public String enumName(AnnotationMirror mirror, String member) {
        return ((VariableElement) value(mirror, member).getValue()).getSimpleName().toString();
    }

    public TypeMirror type(AnnotationMirror mirror, String member) {
        return (TypeMirror) value(mirror, member).getValue();
    }

    @SuppressWarnings("unchecked")
    public List<? extends AnnotationValue> list(AnnotationMirror mirror, String member) {
        return (List<? extends AnnotationValue>) value(mirror, member).getValue();
    }

    public List<String> strings(AnnotationMirror mirror, String member) {
        return list(mirror, member).stream().map(v -> (String) v.getValue()).toList();
    }

    /** The member's value as written when it is not blank, else {@code null} (JPA's "" means "the default"). */
    public static AnnotationValue nonBlank(AnnotationMirror mirror, String member) {
        AnnotationValue value = explicit(mirror, member);
        return value == null || value.getValue().toString().isBlank() ? null : value;
    }

    /** The class a declared type names when {@code test} accepts it, else {@code null} (primitives, arrays, others). */
    public static TypeElement declaredAs(javax.lang.model.type.TypeMirror type, java.util.function.Predicate<TypeElement> test) {
        if (type.getKind() == javax.lang.model.type.TypeKind.DECLARED
                && ((javax.lang.model.type.DeclaredType) type).asElement() instanceof TypeElement element && test.test(element)) {
            return element;
        }
        return null;
    }
}
