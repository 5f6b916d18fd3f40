package dev.permafrost.processor.read;

import dev.permafrost.message.Message;
import dev.permafrost.model.Column;
import dev.permafrost.model.ColumnType;
import dev.permafrost.model.ForeignKey;
import dev.permafrost.model.Names;
import dev.permafrost.model.ReservedWords;
import dev.permafrost.processor.Diagnostics;
import dev.permafrost.processor.Target;
import dev.permafrost.processor.model.Naming;
import dev.permafrost.sql.Expressions;
import dev.permafrost.sql.InvalidExpressionException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.NestingKind;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Types;

/** Reads one {@code @Table} class or record into an {@link EntitySource}, reporting what is wrong at its element. */
public final class EntityReader {


    private final Annotations annotations;
    private final Diagnostics diagnostics;
    private final Types types;
    private EntityReader quiet;

    private final Set<Target> targets;

    private final Naming naming;

    /**
     * @param targets the declared databases: only their reserved words are refused
     * @param naming how checks the entities name only in part are named
     */
    public EntityReader(Annotations annotations, Diagnostics diagnostics, Types types, Set<Target> targets, Naming naming) {
        this.annotations = annotations;
        this.diagnostics = diagnostics;
        this.types = types;
        this.targets = targets;
        this.naming = naming;
    }

    /** A reader that reports nothing, for the key a reference by object copies (its entity reports its own errors). */
    EntityReader quiet() {
        if (quiet == null) {
            quiet = new EntityReader(annotations, Diagnostics.silent(), types, targets, naming);
        }
        return quiet;
    }

    /** The entity, or {@code null} when it has errors (all reported). */
    public EntitySource read(TypeElement type) {
        int before = diagnostics.errors();
        AnnotationMirror tableAnnotation = Annotations.find(type, Annotations.TABLE);
        if (!checkKind(type, tableAnnotation)) {
            return null;
        }
        String table = name(type, tableAnnotation, "name", Names.snakeCase(type.getSimpleName().toString()),
                "table", "@Table(name = ...)");
        String renamedFrom = renamedFrom(type, "table");
        List<EntitySource.ColumnSource> columns = new ArrayList<>();
        Map<String, Element> seen = new HashMap<>();
        // The first column each field made, for the checks on that field.
        Map<Embedding.Member, String> fieldColumns = new LinkedHashMap<>();
        for (Embedding.Member member : Embedding.members(type, columnElements(type), annotations, diagnostics)) {
            Element element = member.element();
            for (EntitySource.ColumnSource column : columns(type, member, table)) {
                Element previous = seen.putIfAbsent(column.column().name(), element);
                if (previous != null) {
                    diagnostics.report(element, Message.DUPLICATE_COLUMN, column.column().name(), table,
                            previous.getSimpleName());
                } else {
                    columns.add(column);
                    fieldColumns.putIfAbsent(member, column.column().name());
                }
            }
        }
        if (columns.isEmpty() && diagnostics.errors() == before) {
            diagnostics.report(type, tableAnnotation, Message.NO_COLUMNS, type.getSimpleName());
        }
        List<EntitySource.IndexSource> indexes = new ArrayList<>();
        List<EntitySource.IndexSource> uniques = new ArrayList<>();
        List<EntitySource.CheckSource> checks = new ArrayList<>();
        for (TypeElement owner : hierarchy(type)) {
            indexes.addAll(indexSources(owner, Annotations.INDEX, Annotations.INDEXES));
            uniques.addAll(indexSources(owner, Annotations.UNIQUE, Annotations.UNIQUES));
            checks.addAll(checks(owner, table, null));
        }
        fieldColumns.forEach((member, column) -> checks.addAll(checks(member.element(), table, column)));
        if (diagnostics.errors() > before) {
            return null;
        }
        return new EntitySource(type, tableAnnotation, table, renamedFrom, columns, indexes, uniques, checks,
                annotations.string(tableAnnotation, "primaryKey").toLowerCase(Locale.ROOT), false);
    }

    private boolean checkKind(TypeElement type, AnnotationMirror tableAnnotation) {
        String problem = null;
        if (type.getKind() == ElementKind.INTERFACE) {
            problem = "an interface";
        } else if (type.getKind() == ElementKind.ENUM) {
            problem = "an enum";
        } else if (type.getKind() == ElementKind.ANNOTATION_TYPE) {
            problem = "an annotation type";
        } else if (type.getModifiers().contains(Modifier.ABSTRACT)) {
            problem = "abstract";
        } else if (type.getNestingKind() == NestingKind.MEMBER && !type.getModifiers().contains(Modifier.STATIC)) {
            problem = "an inner (non-static nested) class";
        } else if (type.getNestingKind() == NestingKind.LOCAL || type.getNestingKind() == NestingKind.ANONYMOUS) {
            problem = "a local or anonymous class";
        }
        if (problem != null) {
            diagnostics.report(type, tableAnnotation, Message.TABLE_ON_WRONG_KIND, type.getSimpleName(), problem);
            return false;
        }
        return true;
    }

    /** Record components, or the fields of the class and its superclasses (superclass fields first). */
    static List<Element> columnElements(TypeElement type) {
        if (type.getKind() == ElementKind.RECORD) {
            return type.getRecordComponents().stream()
                    .filter(c -> Annotations.find(c, Annotations.TRANSIENT) == null)
                    .map(Element.class::cast).toList();
        }
        List<Element> fields = new ArrayList<>();
        for (TypeElement owner : hierarchy(type)) {
            for (VariableElement field : ElementFilter.fieldsIn(owner.getEnclosedElements())) {
                Set<Modifier> modifiers = field.getModifiers();
                if (!modifiers.contains(Modifier.STATIC) && !modifiers.contains(Modifier.TRANSIENT)
                        && Annotations.find(field, Annotations.TRANSIENT) == null) {
                    fields.add(field);
                }
            }
        }
        return fields;
    }

    /**
     * The {@code @Index} (or {@code @Unique}, whose {@code unique} is implied) annotations on one class of the
     * entity's hierarchy, columns by name.
     */
    private List<EntitySource.IndexSource> indexSources(TypeElement owner, String annotation, String container) {
        List<EntitySource.IndexSource> sources = new ArrayList<>();
        for (AnnotationMirror mirror : annotations.repeated(owner, annotation, container)) {
            sources.add(new EntitySource.IndexSource(owner, mirror, sources.size(),
                    annotations.string(mirror, "name").toLowerCase(Locale.ROOT),
                    annotations.strings(mirror, "columns").stream().map(c -> c.toLowerCase(Locale.ROOT)).toList(),
                    annotation.equals(Annotations.UNIQUE) || annotations.bool(mirror, "unique")));
        }
        return sources;
    }

    /** The entity and its superclasses, base first: the classes whose type-level annotations the entity has. */
    static List<TypeElement> hierarchy(TypeElement type) {
        List<TypeElement> chain = new ArrayList<>();
        for (TypeElement current = type; current != null; current = superclass(current)) {
            chain.add(0, current);
        }
        return chain;
    }

    static TypeElement superclass(TypeElement type) {
        TypeMirror superclass = type.getSuperclass();
        if (superclass.getKind() != TypeKind.DECLARED) {
            return null;
        }
        TypeElement element = (TypeElement) ((DeclaredType) superclass).asElement();
        String name = element.getQualifiedName().toString();
        return name.equals("java.lang.Object") || name.equals("java.lang.Record") ? null : element;
    }

    /**
     * The column a field makes, or the columns of a reference by object to a composite key (one per key part,
     * sharing one reference); empty when the field is in error (reported).
     */
    private List<EntitySource.ColumnSource> columns(TypeElement entity, Embedding.Member member, String table) {
        int before = diagnostics.errors();
        Element element = member.element();
        AnnotationMirror column = Annotations.find(element, Annotations.COLUMN);
        String field = element.getSimpleName().toString();
        TypeMirror javaType = member.owner().equals(entity) ? memberType(entity, element) : element.asType();
        if (ObjectReference.refuseCollection(entity, element, javaType, types, diagnostics)) {
            return List.of();
        }
        TypeElement target = ObjectReference.entityOf(javaType);
        ObjectReference byObject = null;
        if (target != null) {
            AnnotationMirror references = Annotations.find(element, Annotations.REFERENCES);
            byObject = ObjectReference.of(element, target, references == null ? ""
                    : annotations.string(references, "column").toLowerCase(Locale.ROOT), references, annotations,
                    diagnostics);
            if (byObject == null) {
                return List.of();
            }
        }
        boolean composite = byObject != null && byObject.parts() > 1;
        boolean id = Annotations.find(element, Annotations.ID) != null;
        boolean nullable = nullability(element, column, javaType, id, field);
        EntitySource.ReferenceSource reference = reference(element, target);
        String renamedFrom = composite ? null : renamedFrom(element, "column");
        List<EntitySource.ColumnSource> columns = new ArrayList<>();
        for (int part = 0; part < (byObject == null ? 1 : byObject.parts()); part++) {
            String name;
            if (composite) {
                String explicit = column == null ? "" : annotations.string(column, "name");
                name = name(element, null, "name", member.prefix(), byObject.columnName(explicit.isBlank()
                        ? Names.snakeCase(field) : explicit, part), "column", "@Column(name = ...)");
            } else {
                name = name(element, column, "name", member.prefix(), byObject != null
                        ? byObject.columnName(Names.snakeCase(field), part) : Names.snakeCase(field), "column",
                        "@Column(name = ...)");
            }
            Element key = byObject == null ? null : byObject.key(part);
            ColumnType type = key != null
                    ? quiet().columnType(key, Annotations.find(key, Annotations.COLUMN), memberType(target, key),
                            fieldLabel(target, key))
                    : columnType(element, column, javaType, label(entity, member));
            type = type == null || composite ? type : nativeTypes(element, type, label(entity, member));
            String defaultValue = composite ? null : defaultValue(element, column, name, type);
            boolean unique = !composite && column != null && annotations.bool(column, "unique");
            boolean identity = !composite && identity(entity, element, id, type, defaultValue);
            if (diagnostics.errors() > before || name == null || type == null) {
                return List.of();
            }
            columns.add(new EntitySource.ColumnSource(element, new Column(name, type, nullable, defaultValue, identity), id,
                    unique, reference, renamedFrom));
        }
        return columns;
    }

    /** The column's portable type with the native types its {@code @NativeType}s give; {@code null} if one is wrong. */
    ColumnType nativeTypes(Element element, ColumnType type, String label) {
        ColumnType withNatives = type;
        int ordinal = -1;
        for (AnnotationMirror mirror : annotations.repeated(element, Annotations.NATIVE_TYPE, Annotations.NATIVE_TYPES)) {
            ordinal++;
            String database = annotations.enumName(mirror, "database");
            String value = annotations.string(mirror, "value").trim();
            String key = database.toLowerCase(Locale.ROOT);
            String problem = value.isEmpty() ? "name the type"
                    : value.contains(";") || value.contains("--") || value.contains("'")
                            ? "a type name holds no ;, -- or quotes" : withNatives.nativeFor(key) != null
                            ? "a second type for " + database + "; give one" : null;
            if (problem != null) {
                diagnostics.reportRepeated(element, "NativeType", ordinal, Message.NATIVE_TYPE, database, value, label,
                        problem);
                return null;
            }
            withNatives = withNatives.withNative(key, value);
        }
        return withNatives;
    }

    /** Whether the field is {@code @Identity}, reporting where it cannot be (not a key, not an integer, a default). */
    private boolean identity(TypeElement entity, Element element, boolean id, ColumnType type, String defaultValue) {
        AnnotationMirror identity = Annotations.find(element, Annotations.IDENTITY);
        if (identity == null) {
            return false;
        }
        String label = fieldLabel(entity, element);
        if (!id) {
            diagnostics.report(element, identity, Message.IDENTITY_NOT_KEY, label);
        } else if (type != null && !type.isInteger()) {
            diagnostics.report(element, identity, Message.IDENTITY_TYPE, label, type.sql());
        } else if (defaultValue != null) {
            diagnostics.report(element, identity, Message.IDENTITY_DEFAULT, label, defaultValue);
        }
        return true;
    }

    /**
     * The field's type as a member of the entity: a field {@code K id} of {@code Keyed<K>} is a {@code Long}
     * in {@code Account extends Keyed<Long>}.
     */
    TypeMirror memberType(TypeElement entity, Element element) {
        if (element.getKind() == ElementKind.FIELD && entity.asType() instanceof DeclaredType declared
                && !element.getEnclosingElement().equals(entity)) {
            try {
                return types.asMemberOf(declared, element);
            } catch (IllegalArgumentException e) {
                return element.asType();
            }
        }
        return element.asType();
    }

    /** {@code id}, or {@code id (declared in Keyed, inherited by Account)} for a field of a base class. */
    /** {@link #fieldLabel}, or the path from the entity for an embedded field: {@code address.street (embedded in Person)}. */
    private static String label(TypeElement entity, Embedding.Member member) {
        return member.owner().equals(entity) ? fieldLabel(entity, member.element())
                : member.path() + " (embedded in " + entity.getSimpleName() + ")";
    }

    private static String fieldLabel(TypeElement entity, Element element) {
        Element owner = element.getEnclosingElement();
        return owner.equals(entity) ? element.getSimpleName().toString() : element.getSimpleName() + " (declared in "
                + owner.getSimpleName() + ", inherited by " + entity.getSimpleName() + ")";
    }

    private ColumnType columnType(Element element, AnnotationMirror column, TypeMirror javaType, String field) {
        Set<ColumnType.Kind> kinds = TypeMapper.kinds(javaType);
        if (kinds.isEmpty()) {
            diagnostics.report(element, Message.UNSUPPORTED_TYPE, field, javaType, TypeMapper.hint(javaType),
                    TypeMapper.SUPPORTED);
            return null;
        }
        ColumnType.Kind kind = TypeMapper.defaultKind(kinds);
        AnnotationValue explicitType = column == null ? null : Annotations.explicit(column, "type");
        if (explicitType != null) {
            String requested = ((VariableElement) explicitType.getValue()).getSimpleName().toString();
            if (!requested.equals("AUTO")) {
                ColumnType.Kind wanted = ColumnType.Kind.valueOf(requested);
                if (!kinds.contains(wanted)) {
                    diagnostics.report(element, column, explicitType, Message.TYPE_MISMATCH, "SqlType." + requested, field,
                            javaType, TypeMapper.describe(kinds));
                    return null;
                }
                kind = wanted;
            }
        }
        AnnotationValue length = column == null ? null : Annotations.explicit(column, "length");
        AnnotationValue precision = column == null ? null : Annotations.explicit(column, "precision");
        AnnotationValue scale = column == null ? null : Annotations.explicit(column, "scale");
        String described = kind.name().toLowerCase(Locale.ROOT);
        if (kind != ColumnType.Kind.VARCHAR && length != null) {
            diagnostics.report(element, column, length, Message.NOT_APPLICABLE, "length", field, described);
            return null;
        }
        if (kind != ColumnType.Kind.DECIMAL && (precision != null || scale != null)) {
            diagnostics.report(element, column, precision != null ? precision : scale, Message.NOT_APPLICABLE,
                    precision != null ? "precision" : "scale", field, described);
            return null;
        }
        return switch (kind) {
            case VARCHAR -> {
                int n = length == null ? 255 : (Integer) length.getValue();
                if (n < 1 || n > ColumnType.MAX_VARCHAR_LENGTH) {
                    diagnostics.report(element, column, length, Message.OUT_OF_RANGE, "length", n, field,
                            "a varchar holds 1 to " + ColumnType.MAX_VARCHAR_LENGTH + " characters; use"
                                    + " @Column(type = SqlType.TEXT) for longer text");
                    yield null;
                }
                yield ColumnType.varchar(n);
            }
            case DECIMAL -> decimal(element, column, precision, scale, field);
            default -> ColumnType.simple(kind);
        };
    }

    private ColumnType decimal(Element element, AnnotationMirror column, AnnotationValue precision,
                               AnnotationValue scale, String field) {
        if (precision == null && scale == null) {
            return ColumnType.decimal(38, 2);
        }
        int p = precision == null ? 38 : (Integer) precision.getValue();
        int s = scale == null ? 0 : (Integer) scale.getValue();
        if (p < 1 || p > ColumnType.MAX_DECIMAL_PRECISION) {
            diagnostics.report(element, column, precision, Message.OUT_OF_RANGE, "precision", p, field,
                    "a decimal has 1 to " + ColumnType.MAX_DECIMAL_PRECISION + " digits");
            return null;
        }
        if (s < 0 || s > p) {
            diagnostics.report(element, column, scale, Message.OUT_OF_RANGE, "scale", s, field,
                    "the scale is 0 to the precision (" + p + ")");
            return null;
        }
        return ColumnType.decimal(p, s);
    }

    private boolean nullability(Element element, AnnotationMirror column, TypeMirror javaType, boolean id, String field) {
        AnnotationValue explicit = column == null ? null : Annotations.explicit(column, "nullable");
        boolean wantsNull = explicit != null && (Boolean) explicit.getValue();
        if (TypeMapper.isPrimitive(javaType)) {
            if (wantsNull) {
                diagnostics.report(element, column, explicit, Message.PRIMITIVE_NULLABLE, field, javaType, TypeMapper.box(javaType));
            }
            return false;
        }
        if (id) {
            if (wantsNull) {
                diagnostics.report(element, column, explicit, Message.NULLABLE_KEY, field);
            }
            return false;
        }
        return column == null || annotations.bool(column, "nullable");
    }

    private String defaultValue(Element element, AnnotationMirror column, String name, ColumnType type) {
        AnnotationValue value = column == null ? null : Annotations.explicit(column, "defaultValue");
        if (value == null || ((String) value.getValue()).isBlank()) {
            return null;
        }
        String written = (String) value.getValue();
        String canonical;
        try {
            canonical = Expressions.canonicalDefault(written);
        } catch (InvalidExpressionException e) {
            diagnostics.report(element, column, value, Message.BAD_DEFAULT, written, name, e.getMessage());
            return null;
        }
        if (type != null) {
            String problem = DefaultFit.problem(canonical, type, enumConstants(element.asType()));
            if (problem != null) {
                diagnostics.report(element, column, value, Message.DEFAULT_TYPE_MISMATCH, written, name, type.sql(), problem);
                return null;
            }
        }
        return canonical;
    }

    /** The constant names of an enum type, else empty. */
    private static List<String> enumConstants(TypeMirror type) {
        if (type.getKind() != TypeKind.DECLARED) {
            return List.of();
        }
        Element element = ((DeclaredType) type).asElement();
        if (element.getKind() != ElementKind.ENUM) {
            return List.of();
        }
        return element.getEnclosedElements().stream().filter(e -> e.getKind() == ElementKind.ENUM_CONSTANT)
                .map(e -> e.getSimpleName().toString()).toList();
    }

    /**
     * The field's {@code @References}, or the reference a field of entity type makes by itself.
     *
     * @param byObject the entity the field's type is, or {@code null}
     */
    private EntitySource.ReferenceSource reference(Element element, TypeElement byObject) {
        AnnotationMirror references = Annotations.find(element, Annotations.REFERENCES);
        if (references == null) {
            return byObject == null ? null : new EntitySource.ReferenceSource(null, byObject, "", "",
                    ForeignKey.Action.NO_ACTION, ForeignKey.Action.NO_ACTION);
        }
        TypeMirror target = annotations.type(references, "value");
        TypeElement targetElement = target.getKind() == TypeKind.DECLARED
                ? (TypeElement) ((DeclaredType) target).asElement() : null;
        if (target.getKind() == TypeKind.VOID) {
            if (byObject == null) {
                diagnostics.report(element, references, Message.REFERENCE_WITHOUT_ENTITY, element.getSimpleName(),
                        element.asType());
                return null;
            }
            targetElement = byObject;
        }
        String name = annotations.string(references, "name").toLowerCase(Locale.ROOT);
        if (!name.isEmpty() && !Names.isIdentifier(name)) {
            diagnostics.report(element, references, annotations.value(references, "name"), Message.NOT_AN_IDENTIFIER,
                    "foreign key", name, "");
            return null;
        }
        return new EntitySource.ReferenceSource(references, targetElement,
                annotations.string(references, "column").toLowerCase(Locale.ROOT), name,
                ForeignKey.Action.valueOf(annotations.enumName(references, "onDelete")),
                ForeignKey.Action.valueOf(annotations.enumName(references, "onUpdate")));
    }

    String renamedFrom(Element element, String what) {
        AnnotationMirror renamed = Annotations.find(element, Annotations.RENAMED_FROM);
        if (renamed == null) {
            return null;
        }
        String old = annotations.string(renamed, "value");
        if (!Names.isPortable(old)) {
            diagnostics.report(element, renamed, annotations.value(renamed, "value"), Message.NOT_AN_IDENTIFIER,
                    "previous " + what, old, "");
            return null;
        }
        return old.toLowerCase(Locale.ROOT);
    }

    List<EntitySource.CheckSource> checks(Element element, String table, String column) {
        List<EntitySource.CheckSource> checks = new ArrayList<>();
        int ordinal = -1;
        for (AnnotationMirror check : annotations.repeated(element, Annotations.CHECK, Annotations.CHECKS)) {
            ordinal++;
            String written = annotations.string(check, "value");
            String own = annotations.string(check, "name");
            if (own.isBlank()) {
                if (column == null) {
                    diagnostics.reportRepeated(element, "Check", ordinal, Message.CHECK_NEEDS_NAME, written);
                    continue;
                }
                own = column;
            }
            if (!Names.isPortable(own)) {
                diagnostics.reportRepeated(element, "Check", ordinal, Message.NOT_AN_IDENTIFIER, "check", own, "");
                continue;
            }
            try {
                checks.add(new EntitySource.CheckSource(element, check, ordinal, naming.check(table, own.toLowerCase(Locale.ROOT)),
                        Expressions.canonicalCondition(written)));
            } catch (InvalidExpressionException e) {
                diagnostics.reportRepeated(element, "Check", ordinal, Message.BAD_CHECK, written, table, e.getMessage());
            }
        }
        return checks;
    }

    /**
     * A table or column name: the annotation's {@code member} if given, else the derived default;
     * lower-cased, and checked to be portable and not reserved. {@code null} if it is not.
     */
    private String name(Element element, AnnotationMirror annotation, String member, String derived, String what,
                        String how) {
        return name(element, annotation, member, "", derived, what, how);
    }

    /** The name, after {@code prefix} (an embedded column's), checked as a whole. */
    private String name(Element element, AnnotationMirror annotation, String member, String prefix, String derived,
                        String what, String how) {
        AnnotationValue explicit = annotation == null ? null : Annotations.explicit(annotation, member);
        String name = prefix + (explicit == null || ((String) explicit.getValue()).isBlank() ? derived
                : (String) explicit.getValue());
        return checkedName(element, annotation, explicit, name, what, how);
    }

    /**
     * {@code name} lower-cased, or {@code null} when it is not portable (reported at {@code explicit}, or with
     * {@code how} to choose one when it was derived); a name a declared database reserves is noted.
     */
    String checkedName(Element element, AnnotationMirror annotation, AnnotationValue explicit, String name, String what,
                       String how) {
        if (!Names.isPortable(name)) {
            String fix = explicit == null ? "; choose one with " + how : "";
            report(element, annotation, explicit, Message.NOT_AN_IDENTIFIER, what, name, fix);
            return null;
        }
        String lower = name.toLowerCase(Locale.ROOT);
        Set<String> reserved = ReservedWords.reservedBy(lower);
        if (reserved.isEmpty()) {
            return lower; // most names: no set to make (a thousand entities have some 15,000)
        }
        Set<String> reservedBy = new java.util.TreeSet<>(reserved);
        reservedBy.retainAll(targets.stream().map(Target::displayName).toList());
        if (!reservedBy.isEmpty()) {
            report(element, annotation, explicit, Message.RESERVED_WORD, what, lower, String.join(", ", reservedBy), lower,
                    how);
        }
        return lower;
    }

    private void report(Element element, AnnotationMirror annotation, AnnotationValue value, Message msg, Object... args) {
        if (value != null) {
            diagnostics.report(element, annotation, value, msg, args);
        } else {
            diagnostics.report(element, msg, args);
        }
    }
}
