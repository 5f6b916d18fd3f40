package dev.permafrost.runtime;

/** Where a migration stands for one database. */
public enum MigrationState {
    /** Applied, with the checksum the application has. */
    APPLIED,
    /** Known to the application, not yet applied. */
    PENDING,
    /** Applied, but its source changed since. */
    CHECKSUM_MISMATCH,
    /** Applied by a build this application does not know. */
    UNKNOWN,
    /** Started on a database without transactional DDL and stopped part way. */
    FAILED
}
