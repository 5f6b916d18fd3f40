package dev.permafrost.annotations;

/**
 * Logical column types. Each database gets its own rendering (for example {@link #TEXT} is
 * {@code text} on PostgreSQL and {@code longtext} on MariaDB); the snapshot records the logical type.
 */
public enum SqlType {
    /** Derive the type from the Java type of the field (the default). */
    AUTO,
    BOOLEAN,
    SMALLINT,
    INTEGER,
    BIGINT,
    /** Exact numeric; see {@link Column#precision()} and {@link Column#scale()}. */
    DECIMAL,
    /** Single-precision floating point. */
    REAL,
    /** Double-precision floating point. */
    DOUBLE,
    /** Bounded text; see {@link Column#length()}. */
    VARCHAR,
    /** Unbounded text, for strings or {@code char[]} longer than a {@code VARCHAR} should hold. */
    TEXT,
    DATE,
    TIME,
    /** Date and time without a time zone ({@code LocalDateTime}). */
    TIMESTAMP,
    /** An instant: date and time with a time zone ({@code Instant}, {@code OffsetDateTime}). */
    TIMESTAMP_TZ,
    UUID,
    /** Binary data ({@code byte[]}). */
    BLOB,
    /**
     * A JSON document, for a {@code String} holding one: {@code jsonb} on PostgreSQL, {@code json} on MariaDB
     * (which checks it) and H2, {@code text} on SQLite.
     */
    JSON
}
