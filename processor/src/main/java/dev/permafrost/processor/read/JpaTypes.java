package dev.permafrost.processor.read;

import dev.permafrost.message.Message;
import dev.permafrost.model.ColumnType;
import dev.permafrost.processor.Diagnostics;
import dev.permafrost.processor.Target;
import java.util.Set;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.ArrayType;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.Types;

/**
 * The column type of a JPA basic attribute as Hibernate 6+ maps it: converters ({@code @Convert} and automatic
 * ones), temporals, enums ({@code ORDINAL} {@code smallint}, {@code STRING} {@code varchar(255)}), {@code @Lob},
 * Hibernate's {@code @JdbcTypeCode}, {@code varchar(255)} and {@code decimal(38,2)} defaults, Bean Validation's
 * {@code @Size}. What Hibernate would map to a type Permafrost does not write is reported at the field.
 */
final class JpaTypes {

    private static final String P = Annotations.JPA;
    private static final String SIZE = "jakarta.validation.constraints.Size";

    private final Annotations annotations;
    private final Diagnostics diagnostics;
    private final Types types;
    private final Set<Target> targets;
    private final AutoConverters converters;

    JpaTypes(Annotations annotations, Diagnostics diagnostics, Types types, Set<Target> targets, AutoConverters converters) {
        this.annotations = annotations;
        this.diagnostics = diagnostics;
        this.types = types;
        this.targets = targets;
        this.converters = converters;
    }

    /** The column type of a basic value as Hibernate maps it, or {@code null} when it is in error (reported). */
    ColumnType of(Element field, TypeMirror declared, AnnotationMirror column, String label) {
        TypeMirror javaType = declared;
        AnnotationMirror convert = Annotations.find(field, P + "Convert");
        if (convert != null && !annotations.bool(convert, "disableConversion")
                && annotations.type(convert, "converter").getKind() == TypeKind.DECLARED) {
            javaType = converted(annotations.type(convert, "converter"));
            if (javaType == null) {
                unsupported(field, convert, "@Convert", label, "its converter does not implement"
                        + " AttributeConverter<X, Y> with a concrete database type Y");
                return null;
            }
        }
        AutoConverters.Converter automatic = convert != null || declared.getKind() != TypeKind.DECLARED ? null
                : converters.byJavaType().get(((TypeElement) ((DeclaredType) declared).asElement()).getQualifiedName()
                        .toString());
        // JPA applies an automatic converter to every basic attribute of its type but ids, versions, and
        // attributes marked @Enumerated or @Temporal.
        if (automatic != null && Annotations.find(field, P + "Id") == null && Annotations.find(field, P + "Version") == null
                && Annotations.find(field, P + "Enumerated") == null && Annotations.find(field, P + "Temporal") == null) {
            javaType = automatic.database();
        }
        if (TypeMapper.isPrimitive(javaType) || javaType.getKind() == TypeKind.DECLARED) {
            String name = javaType.getKind() == TypeKind.DECLARED
                    ? ((TypeElement) ((DeclaredType) javaType).asElement()).getQualifiedName().toString()
                    : javaType.toString();
            if (name.equals("char") || name.equals("java.lang.Character") || name.equals("byte")
                    || name.equals("java.lang.Byte")) {
                boolean isChar = name.contains("har");
                unsupported(field, null, "field " + field.getSimpleName(), label, "Hibernate maps " + javaType + " to "
                        + (isChar ? "char(1)" : "tinyint") + ", a type Permafrost does not write; use "
                        + (isChar ? "String with @Column(length = 1)" : "short"));
                return null;
            }
            ColumnType temporal = temporal(field, name);
            if (temporal != null) {
                return temporal;
            }
        }
        if (isEnum(javaType)) {
            AnnotationMirror enumerated = Annotations.find(field, P + "Enumerated");
            if (enumerated != null && annotations.enumName(enumerated, "value").equals("STRING")) {
                return varchar(field, column, label, 255);
            }
            return ColumnType.simple(ColumnType.Kind.SMALLINT);
        }
        AnnotationMirror lob = Annotations.find(field, P + "Lob");
        Set<ColumnType.Kind> kinds = TypeMapper.kinds(javaType);
        if (kinds.isEmpty() && javaType.getKind() == TypeKind.ARRAY
                && ((ArrayType) javaType).getComponentType().toString().equals("java.lang.Byte")) {
            kinds = Set.of(ColumnType.Kind.BLOB);
        }
        if (kinds.isEmpty()) {
            diagnostics.report(field, Message.UNSUPPORTED_TYPE, label, javaType, TypeMapper.hint(javaType),
                    TypeMapper.SUPPORTED + ", and for JPA java.util.Date, Calendar, java.sql.Date, Time, Timestamp"
                            + " and ZonedDateTime");
            return null;
        }
        ColumnType.Kind kind = TypeMapper.defaultKind(kinds);
        if (lob != null) {
            if (targets.contains(Target.POSTGRESQL)) {
                unsupported(field, lob, "@Lob", label, "Hibernate stores a @Lob on PostgreSQL as a large object (an oid"
                        + " column whose data lives apart and is never deleted with the row), which Permafrost does not"
                        + " create; remove @Lob and map the column as text or bytea, e.g. with Hibernate's"
                        + " @JdbcTypeCode(SqlTypes.LONG32VARCHAR) or @JdbcTypeCode(SqlTypes.LONG32VARBINARY)");
                return null;
            }
            return ColumnType.simple(kind == ColumnType.Kind.BLOB ? ColumnType.Kind.BLOB : ColumnType.Kind.TEXT);
        }
        String jdbcType = jdbcTypeCode(field);
        if (jdbcType != null) {
            return jdbcType.equals("text") ? ColumnType.simple(ColumnType.Kind.TEXT)
                    : jdbcType.equals("json") ? ColumnType.simple(ColumnType.Kind.JSON)
                    : ColumnType.simple(ColumnType.Kind.BLOB);
        }
        return switch (kind) {
            case VARCHAR -> varchar(field, column, label, 255);
            case DECIMAL -> decimal(column);
            default -> ColumnType.simple(kind);
        };
    }

    /** Hibernate's {@code @JdbcTypeCode} of a long text, long binary or JSON: {@code text}, {@code blob}, {@code json}. */
    private String jdbcTypeCode(Element field) {
        AnnotationMirror code = Annotations.find(field, "org.hibernate.annotations.JdbcTypeCode");
        if (code == null) {
            return null;
        }
        int value = annotations.integer(code, "value");
        return switch (value) {
            case 4001, -16, -1 -> "text";
            case 4003, -4 -> "blob";
            case 3001 -> "json";
            default -> {
                unsupported(field, code, "@JdbcTypeCode(" + value + ")", field.getSimpleName(), "Permafrost reads"
                        + " SqlTypes.LONG32VARCHAR, LONG32VARBINARY and JSON there");
                yield "text";
            }
        };
    }

    private ColumnType temporal(Element field, String javaType) {
        AnnotationMirror temporal = Annotations.find(field, P + "Temporal");
        String kind = temporal == null ? null : annotations.enumName(temporal, "value");
        return switch (javaType) {
            case "java.util.Date", "java.util.Calendar" -> ColumnType.simple(kind == null || kind.equals("TIMESTAMP")
                    ? ColumnType.Kind.TIMESTAMP : kind.equals("DATE") ? ColumnType.Kind.DATE : ColumnType.Kind.TIME);
            case "java.sql.Date" -> ColumnType.simple(ColumnType.Kind.DATE);
            case "java.sql.Time" -> ColumnType.simple(ColumnType.Kind.TIME);
            case "java.sql.Timestamp" -> ColumnType.simple(ColumnType.Kind.TIMESTAMP);
            case "java.time.ZonedDateTime" -> ColumnType.simple(ColumnType.Kind.TIMESTAMP_TZ);
            default -> null;
        };
    }

    private ColumnType varchar(Element field, AnnotationMirror column, String label, int fallback) {
        AnnotationValue length = column == null ? null : Annotations.explicit(column, "length");
        int n = length == null ? fallback : (Integer) length.getValue();
        AnnotationMirror size = Annotations.find(field, SIZE);
        if (size != null && annotations.integer(size, "max") < Integer.MAX_VALUE) {
            n = annotations.integer(size, "max");
        }
        if (n < 1 || n > ColumnType.MAX_VARCHAR_LENGTH) {
            diagnostics.report(field, column, length, Message.OUT_OF_RANGE, "length", n, label, "a varchar holds 1 to "
                    + ColumnType.MAX_VARCHAR_LENGTH + " characters; for longer text use Hibernate's"
                    + " @JdbcTypeCode(SqlTypes.LONG32VARCHAR)");
            return null;
        }
        return ColumnType.varchar(n);
    }

    private ColumnType decimal(AnnotationMirror column) {
        int precision = column == null ? 0 : annotations.integer(column, "precision");
        int scale = column == null ? 0 : annotations.integer(column, "scale");
        if (precision <= 0) {
            return ColumnType.decimal(38, scale > 0 ? scale : 2);
        }
        return ColumnType.decimal(Math.min(precision, ColumnType.MAX_DECIMAL_PRECISION), Math.min(scale, precision));
    }

    private static boolean isEnum(TypeMirror type) {
        return type.getKind() == TypeKind.DECLARED && ((DeclaredType) type).asElement().getKind() == ElementKind.ENUM;
    }

    /** The database type {@code Y} of an {@code AttributeConverter<X, Y>}, or {@code null}. */
    private TypeMirror converted(TypeMirror converter) {
        TypeMirror[] arguments = AutoConverters.arguments(converter, types);
        return arguments == null ? null : arguments[1];
    }

    private void unsupported(Element element, AnnotationMirror annotation, String what, Object where, String why) {
        diagnostics.report(element, annotation, Message.JPA_UNSUPPORTED, what, where, why);
    }
}
