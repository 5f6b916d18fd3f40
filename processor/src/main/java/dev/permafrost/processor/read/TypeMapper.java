package dev.permafrost.processor.read;

import dev.permafrost.model.ColumnType;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.ArrayType;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;

/**
 * Maps a field's Java type to the logical column kinds it may be stored as; the first is the default.
 */
public final class TypeMapper {

    /** The declared types a field may have, in the order messages list them. */
    private static final Map<String, Set<ColumnType.Kind>> DECLARED = new java.util.LinkedHashMap<>();

    static {
        DECLARED.put("java.lang.Boolean", EnumSet.of(ColumnType.Kind.BOOLEAN));
        DECLARED.put("java.lang.Byte", EnumSet.of(ColumnType.Kind.SMALLINT, ColumnType.Kind.INTEGER, ColumnType.Kind.BIGINT));
        DECLARED.put("java.lang.Short", EnumSet.of(ColumnType.Kind.SMALLINT, ColumnType.Kind.INTEGER, ColumnType.Kind.BIGINT));
        DECLARED.put("java.lang.Integer", EnumSet.of(ColumnType.Kind.INTEGER, ColumnType.Kind.BIGINT));
        DECLARED.put("java.lang.Long", EnumSet.of(ColumnType.Kind.BIGINT));
        DECLARED.put("java.lang.Float", EnumSet.of(ColumnType.Kind.REAL, ColumnType.Kind.DOUBLE));
        DECLARED.put("java.lang.Double", EnumSet.of(ColumnType.Kind.DOUBLE));
        DECLARED.put("java.math.BigDecimal", EnumSet.of(ColumnType.Kind.DECIMAL));
        DECLARED.put("java.lang.String", EnumSet.of(ColumnType.Kind.VARCHAR, ColumnType.Kind.TEXT, ColumnType.Kind.JSON));
        DECLARED.put("java.util.UUID", EnumSet.of(ColumnType.Kind.UUID));
        DECLARED.put("java.time.LocalDate", EnumSet.of(ColumnType.Kind.DATE));
        DECLARED.put("java.time.LocalTime", EnumSet.of(ColumnType.Kind.TIME));
        DECLARED.put("java.time.LocalDateTime", EnumSet.of(ColumnType.Kind.TIMESTAMP));
        DECLARED.put("java.time.Instant", EnumSet.of(ColumnType.Kind.TIMESTAMP_TZ));
        DECLARED.put("java.time.OffsetDateTime", EnumSet.of(ColumnType.Kind.TIMESTAMP_TZ));
    }

    /** Types people reach for that have a better-suited replacement. */
    private static final Map<String, String> HINTS = Map.of(
            "java.util.Date", "; use java.time.Instant or LocalDateTime",
            "java.sql.Date", "; use java.time.LocalDate",
            "java.sql.Time", "; use java.time.LocalTime",
            "java.sql.Timestamp", "; use java.time.Instant or LocalDateTime",
            "java.util.Calendar", "; use java.time.Instant",
            "java.time.ZonedDateTime", "; use java.time.OffsetDateTime or Instant",
            "java.math.BigInteger", "; use BigDecimal with @Column(scale = 0)",
            "java.lang.Character", "; use String with @Column(length = 1)",
            "java.time.Duration", "; store a long of its milliseconds or nanoseconds (Duration.toMillis()), or its"
                    + " ISO-8601 text in a String (Duration.toString(), Duration.parse())");

    /**
     * The Java types a field may have, for messages: the primitives (their boxes alike), the declared types above
     * by simple name, the arrays {@link #kinds} maps (after String, which they stand in for) and enums.
     */
    public static final String SUPPORTED = "boolean, byte, short, int, long, float, double (and their boxes), "
            + DECLARED.keySet().stream().filter(t -> !t.startsWith("java.lang.") || t.equals("java.lang.String"))
                    .map(t -> t.equals("java.lang.String") ? "String, char[], byte[]" : t.substring(t.lastIndexOf('.') + 1))
                    .collect(Collectors.joining(", "))
            + " and enums";

    private TypeMapper() {
    }

    /** The kinds a field of this type may be stored as, default first; empty if it cannot be stored. */
    public static Set<ColumnType.Kind> kinds(TypeMirror type) {
        return switch (type.getKind()) {
            case BOOLEAN -> EnumSet.of(ColumnType.Kind.BOOLEAN);
            case BYTE, SHORT -> EnumSet.of(ColumnType.Kind.SMALLINT, ColumnType.Kind.INTEGER, ColumnType.Kind.BIGINT);
            case INT -> EnumSet.of(ColumnType.Kind.INTEGER, ColumnType.Kind.BIGINT);
            case LONG -> EnumSet.of(ColumnType.Kind.BIGINT);
            case FLOAT -> EnumSet.of(ColumnType.Kind.REAL, ColumnType.Kind.DOUBLE);
            case DOUBLE -> EnumSet.of(ColumnType.Kind.DOUBLE);
            case ARRAY -> {
                TypeKind component = ((ArrayType) type).getComponentType().getKind();
                yield component == TypeKind.BYTE ? EnumSet.of(ColumnType.Kind.BLOB)
                        : component == TypeKind.CHAR ? EnumSet.of(ColumnType.Kind.VARCHAR, ColumnType.Kind.TEXT)
                        : EnumSet.noneOf(ColumnType.Kind.class);
            }
            case DECLARED -> {
                TypeElement element = (TypeElement) ((DeclaredType) type).asElement();
                if (element.getKind() == ElementKind.ENUM) {
                    yield EnumSet.of(ColumnType.Kind.VARCHAR, ColumnType.Kind.TEXT);
                }
                yield DECLARED.getOrDefault(element.getQualifiedName().toString(), EnumSet.noneOf(ColumnType.Kind.class));
            }
            default -> EnumSet.noneOf(ColumnType.Kind.class);
        };
    }

    /** The default kind of a storable type: the first of {@link #kinds}. */
    public static ColumnType.Kind defaultKind(Set<ColumnType.Kind> kinds) {
        return kinds.iterator().next();
    }

    /** A hint for a type that cannot be stored, starting with "; ", or empty. */
    public static String hint(TypeMirror type) {
        if (type.getKind() == TypeKind.CHAR) {
            return "; use String with @Column(length = 1)";
        }
        if (type.getKind() == TypeKind.DECLARED) {
            TypeElement element = (TypeElement) ((DeclaredType) type).asElement();
            String name = element.getQualifiedName().toString();
            if (name.startsWith("java.util.") && (name.endsWith("List") || name.endsWith("Set") || name.endsWith("Map")
                    || name.equals("java.util.Collection"))) {
                return "; a collection is a table of its own: make it an entity with a @References back to this one";
            }
            if (name.equals("java.util.Optional")) {
                return "; use the value type itself, which is nullable unless @Column(nullable = false)";
            }
            if (!name.startsWith("java.") && !name.startsWith("javax.")) {
                return "; annotate " + element.getSimpleName() + " with @Embeddable to store its fields as columns here,"
                        + " or with @Table to reference it";
            }
            return HINTS.getOrDefault(name, "");
        }
        return "";
    }

    /** The kinds for messages: {@code VARCHAR or TEXT}. */
    public static String describe(Set<ColumnType.Kind> kinds) {
        return kinds.stream().map(k -> "SqlType." + k.name()).collect(Collectors.joining(" or "));
    }

    public static boolean isPrimitive(TypeMirror type) {
        return type.getKind().isPrimitive();
    }

    /** The box of a primitive, for messages. */
    public static String box(TypeMirror type) {
        return switch (type.getKind()) {
            case BOOLEAN -> "Boolean";
            case BYTE -> "Byte";
            case SHORT -> "Short";
            case INT -> "Integer";
            case LONG -> "Long";
            case FLOAT -> "Float";
            case DOUBLE -> "Double";
            case CHAR -> "Character";
            default -> type.toString();
        };
    }
}
