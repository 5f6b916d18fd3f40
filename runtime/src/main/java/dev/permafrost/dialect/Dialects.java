package dev.permafrost.dialect;

import dev.permafrost.dialect.h2.H2Dialect;
import dev.permafrost.dialect.mariadb.MariaDbDialect;
import dev.permafrost.dialect.postgres.PostgresDialect;
import dev.permafrost.dialect.sqlite.SqliteDialect;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;
import org.jooq.SQLDialect;
import org.jooq.tools.jdbc.JDBCUtils;

/**
 * The registry of dialects: which one a connection or a jOOQ dialect has. Adding a database is a package
 * with its {@link Dialect} and one line in each method here.
 */
public final class Dialects {

    private Dialects() {
    }

    /** The dialect of the database behind {@code connection}, told by its JDBC metadata (jOOQ only for others). */
    public static Dialect detect(Connection connection) throws SQLException {
        String product = connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT);
        if (product.contains("sqlite")) {
            return SqliteDialect.INSTANCE;
        } else if (product.contains("postgres")) {
            return PostgresDialect.INSTANCE;
        } else if (product.equals("h2")) {
            return H2Dialect.INSTANCE;
        } else if (product.contains("mariadb")) {
            return MariaDbDialect.MARIADB;
        } else if (product.contains("mysql")) {
            return MariaDbDialect.MYSQL;
        }
        return new GenericDialect(JDBCUtils.dialect(connection));
    }

    /** The dialect that renders for jOOQ's {@code dialect}. */
    public static Dialect of(SQLDialect dialect) {
        return switch (dialect.family()) {
            case SQLITE -> SqliteDialect.INSTANCE;
            case POSTGRES -> PostgresDialect.INSTANCE;
            case H2 -> H2Dialect.INSTANCE;
            case MARIADB -> MariaDbDialect.MARIADB;
            case MYSQL -> MariaDbDialect.MYSQL;
            default -> new GenericDialect(dialect);
        };
    }
}
