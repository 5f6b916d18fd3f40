package dev.permafrost.runtime;

import java.io.PrintWriter;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * A data source whose connections record every statement and every database-metadata call ({@link #calls}), and
 * every statement the database refused ({@link #failed}: its SQL and the database's message).
 */
final class RecordingDataSource implements DataSource {
    final List<String> calls = new ArrayList<>();
    final List<String> failed = new ArrayList<>();
    private final DataSource target;

    RecordingDataSource(DataSource target) {
        this.target = target;
    }

    @Override
    public Connection getConnection() throws SQLException {
        return proxy(Connection.class, target.getConnection(), null);
    }

    /** @param sql a prepared statement's SQL, else {@code null} */
    @SuppressWarnings("unchecked")
    private <T> T proxy(Class<T> type, T real, String sql) {
        InvocationHandler handler = (p, method, args) -> {
            String name = method.getName();
            String running = sql;
            if (real instanceof Statement && name.startsWith("execute") && args != null && args.length > 0) {
                calls.add("sql: " + args[0]);
                running = String.valueOf(args[0]);
            } else if (real instanceof Connection && name.equals("prepareStatement")) {
                calls.add("sql: " + args[0]);
            } else if (real instanceof DatabaseMetaData) {
                calls.add("metadata: " + name);
            }
            try {
                Object result = method.invoke(real, args);
                if (result instanceof PreparedStatement s) {
                    return proxy(PreparedStatement.class, s, String.valueOf(args[0]));
                }
                if (result instanceof Statement s) {
                    return proxy(Statement.class, s, null);
                }
                if (result instanceof DatabaseMetaData m) {
                    return proxy(DatabaseMetaData.class, m, null);
                }
                return result;
            } catch (InvocationTargetException e) {
                if (real instanceof Statement && name.startsWith("execute") && e.getCause() instanceof SQLException) {
                    failed.add(running + ": " + e.getCause().getMessage());
                }
                throw e.getCause();
            }
        };
        return (T) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {type}, handler);
    }

    @Override
    public Connection getConnection(String user, String password) {
        throw new UnsupportedOperationException();
    }

    @Override
    public PrintWriter getLogWriter() {
        return null;
    }

    @Override
    public void setLogWriter(PrintWriter out) {
    }

    @Override
    public void setLoginTimeout(int seconds) {
    }

    @Override
    public int getLoginTimeout() {
        return 0;
    }

    @Override
    public Logger getParentLogger() {
        return Logger.getGlobal();
    }

    @Override
    public <T> T unwrap(Class<T> type) {
        throw new UnsupportedOperationException();
    }

    @Override
    public boolean isWrapperFor(Class<?> type) {
        return false;
    }
}
