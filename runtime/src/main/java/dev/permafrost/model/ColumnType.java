package dev.permafrost.model;

import java.util.Locale;
import java.util.Map;

/**
 * A logical column type: what the snapshot records and every dialect renders in its own way.
 *
 * <p>{@code length} is set for {@link Kind#VARCHAR} only, {@code precision} and {@code scale} for
 * {@link Kind#DECIMAL} only; they are zero otherwise. {@link #sql()} is the canonical, dialect-neutral
 * spelling used in snapshots. {@code natives} are the types some databases use instead ({@code @NativeType}),
 * by the database's option name ({@code postgresql}); the portable type is the fallback elsewhere.
 */
public record ColumnType(Kind kind, int length, int precision, int scale, java.util.SortedMap<String, String> natives) {

    /** The logical kinds, in the canonical spelling of {@link #sql()}. */
    public enum Kind {
        BOOLEAN("boolean"),
        SMALLINT("smallint"),
        INTEGER("integer"),
        BIGINT("bigint"),
        DECIMAL("decimal"),
        REAL("real"),
        DOUBLE("double precision"),
        VARCHAR("varchar"),
        TEXT("text"),
        DATE("date"),
        TIME("time"),
        TIMESTAMP("timestamp"),
        TIMESTAMP_TZ("timestamp with time zone"),
        UUID("uuid"),
        BLOB("blob"),
        /** A JSON document: {@code jsonb} on PostgreSQL, {@code json} on MariaDB and H2, {@code text} on SQLite. */
        JSON("json");

        private final String sql;

        Kind(String sql) {
            this.sql = sql;
        }

        /** The canonical SQL name of this kind, without length or precision. */
        public String sql() {
            return sql;
        }
    }

    public static final int MAX_VARCHAR_LENGTH = 10_485_760;
    public static final int MAX_DECIMAL_PRECISION = 1000;

    public static final ColumnType BOOLEAN = of(Kind.BOOLEAN);
    public static final ColumnType SMALLINT = of(Kind.SMALLINT);
    public static final ColumnType INTEGER = of(Kind.INTEGER);
    public static final ColumnType BIGINT = of(Kind.BIGINT);
    public static final ColumnType REAL = of(Kind.REAL);
    public static final ColumnType DOUBLE = of(Kind.DOUBLE);
    public static final ColumnType TEXT = of(Kind.TEXT);
    public static final ColumnType DATE = of(Kind.DATE);
    public static final ColumnType TIME = of(Kind.TIME);
    public static final ColumnType TIMESTAMP = of(Kind.TIMESTAMP);
    public static final ColumnType TIMESTAMP_TZ = of(Kind.TIMESTAMP_TZ);
    public static final ColumnType UUID = of(Kind.UUID);
    public static final ColumnType BLOB = of(Kind.BLOB);
    public static final ColumnType JSON = of(Kind.JSON);

    public ColumnType {
        if (kind == null) {
            throw new IllegalArgumentException("kind == null");
        }
        natives = java.util.Collections.unmodifiableSortedMap(new java.util.TreeMap<>(natives == null ? Map.of() : natives));
        natives.forEach((database, type) -> {
            if (type == null || type.isBlank() || type.contains(";") || type.contains("--") || type.contains("'")) {
                throw new IllegalArgumentException("native type for " + database + " must be a type name, not '" + type + "'");
            }
        });
        if (kind == Kind.VARCHAR) {
            if (length < 1 || length > MAX_VARCHAR_LENGTH) {
                throw new IllegalArgumentException("varchar length " + length + " is not within 1.." + MAX_VARCHAR_LENGTH);
            }
        } else if (length != 0) {
            throw new IllegalArgumentException(kind + " takes no length");
        }
        if (kind == Kind.DECIMAL) {
            if (precision < 1 || precision > MAX_DECIMAL_PRECISION) {
                throw new IllegalArgumentException("decimal precision " + precision + " is not within 1.." + MAX_DECIMAL_PRECISION);
            }
            if (scale < 0 || scale > precision) {
                throw new IllegalArgumentException("decimal scale " + scale + " is not within 0.." + precision);
            }
        } else if (precision != 0 || scale != 0) {
            throw new IllegalArgumentException(kind + " takes no precision or scale");
        }
    }

    /** A portable type, with no native type for any database. */
    public ColumnType(Kind kind, int length, int precision, int scale) {
        this(kind, length, precision, scale, null);
    }

    private static ColumnType of(Kind kind) {
        return new ColumnType(kind, 0, 0, 0);
    }

    /**
     * This type, stored as {@code type} on {@code database} ({@code postgresql}, {@code mariadb}, {@code h2}) and as
     * this portable type elsewhere.
     */
    public ColumnType withNative(String database, String type) {
        java.util.SortedMap<String, String> all = new java.util.TreeMap<>(natives);
        all.put(database, type.trim());
        return new ColumnType(kind, length, precision, scale, all);
    }

    /** This type without any native type. */
    public ColumnType portable() {
        return natives.isEmpty() ? this : new ColumnType(kind, length, precision, scale);
    }

    /** The native type on {@code database}, or {@code null}. */
    public String nativeFor(String database) {
        return database == null ? null : natives.get(database);
    }

    /** The native types, for people: {@code (postgresql: inet)}; empty when there are none. */
    public String nativesText() {
        if (natives.isEmpty()) {
            return "";
        }
        StringBuilder sb = new StringBuilder("(");
        natives.forEach((database, type) -> sb.append(sb.length() == 1 ? "" : ", ").append(database).append(": ")
                .append(type));
        return sb.append(')').toString();
    }

    public static ColumnType varchar(int length) {
        return new ColumnType(Kind.VARCHAR, length, 0, 0);
    }

    public static ColumnType decimal(int precision, int scale) {
        return new ColumnType(Kind.DECIMAL, 0, precision, scale);
    }

    /** The type of a kind that takes no length or precision. */
    public static ColumnType simple(Kind kind) {
        if (kind == Kind.VARCHAR || kind == Kind.DECIMAL) {
            throw new IllegalArgumentException(kind + " needs a length or precision");
        }
        return of(kind);
    }

    /** The canonical, dialect-neutral SQL spelling: {@code varchar(255)}, {@code decimal(10, 2)}, {@code bigint}. */
    public String sql() {
        return switch (kind) {
            case VARCHAR -> "varchar(" + length + ")";
            case DECIMAL -> "decimal(" + precision + ", " + scale + ")";
            default -> kind.sql();
        };
    }

    /** Whether this is {@code smallint}, {@code integer} or {@code bigint}: a type the database can number. */
    public boolean isInteger() {
        return kind == Kind.SMALLINT || kind == Kind.INTEGER || kind == Kind.BIGINT;
    }

    /**
     * Whether every value of this type fits {@code target} without loss: widening a varchar or a
     * decimal, or moving up the integer ladder. Changing kind otherwise may lose data.
     */
    public boolean fitsInto(ColumnType target) {
        if (equals(target)) {
            return true;
        }
        return switch (kind) {
            case SMALLINT -> target.kind == Kind.INTEGER || target.kind == Kind.BIGINT
                    || (target.kind == Kind.DECIMAL && target.precision - target.scale >= 5);
            case INTEGER -> target.kind == Kind.BIGINT
                    || (target.kind == Kind.DECIMAL && target.precision - target.scale >= 10);
            case BIGINT -> target.kind == Kind.DECIMAL && target.precision - target.scale >= 19;
            case REAL -> target.kind == Kind.DOUBLE;
            case VARCHAR -> target.kind == Kind.TEXT || (target.kind == Kind.VARCHAR && target.length >= length);
            case DECIMAL -> target.kind == Kind.DECIMAL && target.scale >= scale
                    && target.precision - target.scale >= precision - scale;
            case UUID -> target.kind == Kind.TEXT || (target.kind == Kind.VARCHAR && target.length >= 36);
            default -> false;
        };
    }

    @Override
    public String toString() {
        return sql();
    }

    /** The enum constant name of the kind in lower case, for messages ({@code timestamp_tz}). */
    public String kindName() {
        return kind.name().toLowerCase(Locale.ROOT);
    }
}
