package dev.permafrost.runtime.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;
import org.jooq.SQLDialect;
import org.jooq.tools.jdbc.JDBCUtils;

/**
 * The kind of database behind a connection, told by its JDBC metadata without loading jOOQ, so that
 * an up-to-date start stays cheap. {@link #dialect} maps it to jOOQ's dialect when SQL must be rendered.
 */
public enum Database {
    SQLITE(true),
    POSTGRES(true),
    /** H2 commits the open transaction at every DDL statement. */
    H2(false),
    MARIADB(false),
    MYSQL(false),
    /** Any other database jOOQ knows; treated as having transactional DDL unless jOOQ says MySQL-like. */
    OTHER(true);

    private final boolean transactionalDdl;

    Database(boolean transactionalDdl) {
        this.transactionalDdl = transactionalDdl;
    }

    /** Whether DDL runs inside transactions, so a failed migration leaves nothing behind. */
    public boolean transactionalDdl() {
        return transactionalDdl;
    }

    public static Database detect(Connection connection) throws SQLException {
        String product = connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT);
        if (product.contains("sqlite")) {
            return SQLITE;
        } else if (product.contains("postgres")) {
            return POSTGRES;
        } else if (product.equals("h2")) {
            return H2;
        } else if (product.contains("mariadb")) {
            return MARIADB;
        } else if (product.contains("mysql")) {
            return MYSQL;
        }
        return OTHER;
    }

    /** jOOQ's dialect for this database; for {@link #OTHER}, jOOQ's own detection. */
    public SQLDialect dialect(Connection connection) {
        return switch (this) {
            case SQLITE -> SQLDialect.SQLITE;
            case POSTGRES -> SQLDialect.POSTGRES;
            case H2 -> SQLDialect.H2;
            case MARIADB -> SQLDialect.MARIADB;
            case MYSQL -> SQLDialect.MYSQL;
            case OTHER -> JDBCUtils.dialect(connection);
        };
    }
}
