package dev.permafrost.runtime.internal;

import dev.permafrost.dialect.Dialect;
import dev.permafrost.dialect.Dialects;
import dev.permafrost.dialect.MigrationLock;
import dev.permafrost.message.Message;
import dev.permafrost.runtime.PermafrostException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import javax.sql.DataSource;

/** One connection for one command, and what is known about the database behind it. */
public final class Session implements AutoCloseable {

    private final Connection connection;
    private final Dialect dialect;
    private final String description;
    /** The schema to put back on close ({@link #open(Config)} with a schema), or {@code null}. */
    private String previousSchema;

    private Session(Connection connection, String shownAs) throws SQLException {
        this.connection = connection;
        this.dialect = Dialects.detect(connection);
        String url = shownAs != null ? shownAs : connection.getMetaData().getURL();
        int query = url == null ? -1 : url.indexOf('?');
        this.description = connection.getMetaData().getDatabaseProductName() + " "
                + JdbcUrl.masked(query < 0 ? url : url.substring(0, query));
    }

    /**
     * A session on the configured data source, working in the configured schema if there is one (put back on close,
     * for a pooled connection).
     *
     * @throws PermafrostException PF627 on a database without schemas, PF628 for a schema that does not exist
     */
    public static Session open(Config config) {
        Session session = open(config.dataSource());
        if (config.schema() == null) {
            return session;
        }
        try {
            if (!session.dialect.hasSchemas()) {
                throw Message.NO_SCHEMAS.exception(session.dialect.displayName(), config.schema(), config.schema());
            }
            String previous = session.dialect.currentSchema(session.connection);
            session.dialect.useSchema(session.connection, config.schema());
            if (!config.schema().equalsIgnoreCase(session.dialect.currentSchema(session.connection))) {
                session.dialect.useSchema(session.connection, previous);
                throw Message.NO_SUCH_SCHEMA.exception(config.schema(), session.description, "it does not exist",
                        config.schema(), config.schema());
            }
            session.previousSchema = previous;
            return session;
        } catch (SQLException e) {
            session.close();
            throw Message.NO_SUCH_SCHEMA.exception(e, config.schema(), session.description, e.getMessage(),
                    config.schema(), config.schema());
        } catch (RuntimeException e) {
            session.close();
            throw e;
        }
    }

    public static Session open(DataSource dataSource) {
        Connection connection = null;
        try {
            connection = dataSource.getConnection();
            connection.setAutoCommit(true);
            return new Session(connection, dataSource instanceof DriverManagerDataSource plain ? plain.shownAs() : null);
        } catch (SQLException e) {
            if (connection != null) {
                try {
                    connection.close();
                } catch (SQLException suppressed) {
                    e.addSuppressed(suppressed);
                }
            }
            throw cannotConnect(dataSource, e);
        }
    }

    /** Why a connection failed, with the driver to add when there is none, and never a password. */
    static PermafrostException cannotConnect(DataSource dataSource, SQLException e) {
        String url = dataSource instanceof DriverManagerDataSource plain ? plain.url() : null;
        String target = JdbcUrl.masked(String.valueOf(dataSource), url);
        String reason = JdbcUrl.masked(e.getMessage(), url);
        if ("08001".equals(e.getSQLState()) && reason != null && reason.startsWith("No suitable driver")) {
            String artifact = JdbcUrl.driverArtifact(url);
            return artifact == null ? Message.NO_DRIVER.exception(e, target, "the JDBC driver of your database", "")
                    : Message.NO_DRIVER.exception(e, target, "the driver " + artifact, " (runtime scope is enough)");
        }
        return Message.CANNOT_CONNECT.exception(e, target, reason);
    }

    public Connection connection() {
        return connection;
    }

    /** The database's dialect (detecting it loads no jOOQ: an up-to-date start never needs jOOQ). */
    public Dialect dialect() {
        return dialect;
    }

    /** Takes the migration lock of this database (see {@link Dialect#lock}). */
    public MigrationLock lock(Duration timeout) {
        try {
            return dialect.lock(connection, timeout);
        } catch (SQLException e) {
            throw Message.LOCK_FAILED.exception(e, e.getMessage());
        }
    }

    /** The database for people: product and URL without parameters (which may hold a password). */
    public String description() {
        return description;
    }

    @Override
    public void close() {
        if (previousSchema != null) {
            try {
                dialect.useSchema(connection, previousSchema);
            } catch (SQLException ignored) {
                // a connection that cannot take its schema back is broken; its pool discards it
            }
        }
        try {
            connection.close();
        } catch (SQLException ignored) {
            // Nothing useful to do about a connection that will not close.
        }
    }
}
