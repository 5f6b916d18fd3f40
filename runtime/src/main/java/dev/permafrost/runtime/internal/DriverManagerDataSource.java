package dev.permafrost.runtime.internal;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.logging.Logger;
import javax.sql.DataSource;

/** The smallest {@link DataSource}: a new {@link DriverManager} connection per call. */
public final class DriverManagerDataSource implements DataSource {

    private final String url;
    private final String user;
    private final String password;
    /** The URL that names the database for people, when it is not {@link #url} ({@code null} otherwise). */
    private final String shownAs;

    public DriverManagerDataSource(String url) {
        this(url, null, null);
    }

    /** With the user and password to connect as, or {@code null} for what the URL says. */
    public DriverManagerDataSource(String url, String user, String password) {
        this(url, user, password, null);
    }

    private DriverManagerDataSource(String url, String user, String password, String shownAs) {
        this.url = url;
        this.user = user;
        this.password = password;
        this.shownAs = shownAs;
    }

    /**
     * Connections to {@code url} that are named in results, logs and messages as this data source's database: a
     * new SQLite file built beside its place ({@link dev.permafrost.dialect.sqlite.SqliteNewFile}).
     */
    DriverManagerDataSource standingFor(String url) {
        return new DriverManagerDataSource(url, user, password, shownAs != null ? shownAs : this.url);
    }

    /** The URL that names the database for people (with its credentials: mask it), or {@code null} for the connection's. */
    String shownAs() {
        return shownAs;
    }

    /** The URL as given, with its credentials: for connecting, never for printing. */
    public String url() {
        return url;
    }

    @Override
    public Connection getConnection() throws SQLException {
        try {
            return user == null && password == null ? DriverManager.getConnection(url)
                    : DriverManager.getConnection(url, user, password);
        } catch (SQLException e) {
            boolean noDriver = "08001".equals(e.getSQLState()) && e.getMessage() != null
                    && e.getMessage().startsWith("No suitable driver");
            Connection fromContext = noDriver ? contextDriver() : null;
            if (fromContext == null) {
                throw e;
            }
            return fromContext;
        }
    }

    /**
     * A connection from a driver the context class loader holds but {@link DriverManager} will not hand to this
     * class (it only uses drivers its caller's class loader can see): the command line's and Maven plugin's
     * drivers on the application's {@code --classpath}. {@code null} when none takes the URL.
     */
    private Connection contextDriver() throws SQLException {
        ClassLoader context = Thread.currentThread().getContextClassLoader();
        if (context == null || context == DriverManagerDataSource.class.getClassLoader()) {
            return null;
        }
        java.util.Properties properties = new java.util.Properties();
        if (user != null) {
            properties.setProperty("user", user);
        }
        if (password != null) {
            properties.setProperty("password", password);
        }
        for (java.sql.Driver driver : java.util.ServiceLoader.load(java.sql.Driver.class, context)) {
            if (driver.acceptsURL(url)) {
                return driver.connect(url, properties);
            }
        }
        return null;
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        return DriverManager.getConnection(url, username, password);
    }

    @Override
    public PrintWriter getLogWriter() {
        return null;
    }

    @Override
    public void setLogWriter(PrintWriter out) {
        // Not used.
    }

    @Override
    public void setLoginTimeout(int seconds) {
        DriverManager.setLoginTimeout(seconds);
    }

    @Override
    public int getLoginTimeout() {
        return DriverManager.getLoginTimeout();
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        throw new SQLFeatureNotSupportedException();
    }

    @Override
    public <T> T unwrap(Class<T> type) throws SQLException {
        throw new SQLException("not a wrapper");
    }

    @Override
    public boolean isWrapperFor(Class<?> type) {
        return false;
    }

    /** The URL without its credentials. */
    @Override
    public String toString() {
        return JdbcUrl.masked(shownAs != null ? shownAs : url);
    }
}
