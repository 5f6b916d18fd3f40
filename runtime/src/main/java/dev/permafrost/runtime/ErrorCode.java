package dev.permafrost.runtime;

/** What went wrong, for code that handles {@link PermafrostException}s; each message says the rest. */
public enum ErrorCode {
    /** No generated migration index on the class path, or several and none chosen. */
    NO_MIGRATIONS,
    /** An applied migration's source changed after it ran. */
    CHECKSUM_MISMATCH,
    /** The database has a migration this application does not know (a newer build ran). */
    UNKNOWN_MIGRATION,
    /** The applied versions are not a prefix of the known ones. */
    OUT_OF_ORDER,
    /** A migration failed and was rolled back. */
    MIGRATION_FAILED,
    /** A migration failed on a database without transactional DDL and left part of its work done. */
    INCOMPLETE_MIGRATION,
    /** A migration's operations do not fit the schema (a hand-edited stub). */
    INVALID_MIGRATION,
    /** Another instance holds the migration lock for too long. */
    LOCK_TIMEOUT,
    /** The live schema differs from the snapshot of its version. */
    DRIFT,
    /** The database or its connection failed outside a migration. */
    DATABASE,
    /** A request that cannot be satisfied, such as migrating to a version that does not exist. */
    INVALID_REQUEST
}
