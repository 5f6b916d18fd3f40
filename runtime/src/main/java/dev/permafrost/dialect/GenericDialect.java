package dev.permafrost.dialect;

import org.jooq.SQLDialect;

/**
 * A database Permafrost has no package for: jOOQ renders its SQL as standard, DDL is taken as transactional,
 * the lock is within this JVM, and its live schema cannot be read.
 */
final class GenericDialect implements Dialect {

    private final SQLDialect dialect;

    GenericDialect(SQLDialect dialect) {
        this.dialect = dialect;
    }

    @Override
    public String displayName() {
        return dialect.getName();
    }

    @Override
    public SQLDialect jooq() {
        return dialect;
    }
}
