package dev.permafrost.annotations;

/** A database a {@link NativeType} is for. */
public enum Database {
    POSTGRESQL,
    /** MariaDB and MySQL. */
    MARIADB,
    H2
}
