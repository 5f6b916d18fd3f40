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

    private Session(Connection connection) throws SQLException {
        this.connection = connection;
        this.dialect = Dialects.detect(connection);
        String url = connection.getMetaData().getURL();
        int query = url == null ? -1 : url.indexOf('?');
        this.description = connection.getMetaData().getDatabaseProductName() + " "
                + JdbcUrl.masked(query < 0 ? url : url.substring(0, query));
    }

    public static Session open(DataSource dataSource) {
        Connection connection = null;
        try {
            connection = dataSource.getConnection();
            connection.setAutoCommit(true);
            return new Session(connection);
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
        try {
            connection.close();
        } catch (SQLException ignored) {
            // Nothing useful to do about a connection that will not close.
        }
    }
}
