package dev.permafrost.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.permafrost.runtime.internal.DriverManagerDataSource;
import dev.permafrost.testing.TestDatabase;
import java.io.PrintWriter;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Starting an application whose database is up to date reads the history table once and does nothing else. */
class UpToDateStartTest {

    @TempDir
    Path dir;

    /** A data source whose connections record every statement and every database-metadata call. */
    static final class Recording implements DataSource {
        final List<String> calls = new ArrayList<>();
        private final DataSource target;

        Recording(DataSource target) {
            this.target = target;
        }

        @Override
        public Connection getConnection() throws SQLException {
            return proxy(Connection.class, target.getConnection());
        }

        @SuppressWarnings("unchecked")
        private <T> T proxy(Class<T> type, T real) {
            InvocationHandler handler = (p, method, args) -> {
                String name = method.getName();
                if (real instanceof Statement && name.startsWith("execute") && args != null && args.length > 0) {
                    calls.add("sql: " + args[0]);
                } else if (real instanceof Connection && name.equals("prepareStatement")) {
                    calls.add("sql: " + args[0]);
                } else if (real instanceof DatabaseMetaData) {
                    calls.add("metadata: " + name);
                }
                try {
                    Object result = method.invoke(real, args);
                    if (result instanceof Statement s && !(result instanceof java.sql.PreparedStatement)) {
                        return proxy(Statement.class, s);
                    }
                    if (result instanceof DatabaseMetaData m) {
                        return proxy(DatabaseMetaData.class, m);
                    }
                    return result;
                } catch (InvocationTargetException e) {
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

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void oneQueryOfTheHistoryAndNothingElse(TestDatabase kind) throws Exception {
        try (TestDatabase.Fresh db = kind.create(dir)) {
            Migrator.configure(db.url()).migrations(Child.concurrent()).build().migrate();
            Recording recording = new Recording(new DriverManagerDataSource(db.url()));

            MigrateResult result = Migrator.configure(recording).migrations(Child.concurrent()).build().migrate();

            assertEquals(List.of(), result.applied());
            List<String> touched = recording.calls.stream()
                    .filter(c -> !Set.of("metadata: getDatabaseProductName", "metadata: getURL").contains(c)).toList();
            assertEquals(List.of("sql: select version, checksum, state from permafrost_history order by version"), touched);
        }
    }

    @Test
    void jooqIsNotLoaded() throws Exception {
        try (TestDatabase.Fresh db = TestDatabase.SQLITE.create(dir)) {
            Migrator.configure(db.url()).migrations(Child.concurrent()).build().migrate();
            Process child = Child.start(db.url(), "concurrent", "-verbose:class");
            String output = Child.finish(child, dir);
            assertEquals(0, child.exitValue(), output);
            assertEquals(List.of("RESULT 4 0"), output.lines().filter(l -> l.startsWith("RESULT")).toList());
            List<String> jooq = output.lines().filter(l -> l.contains(" org.jooq.")).toList();
            assertEquals(List.of(), jooq, "classes of jOOQ loaded on an up-to-date start");
        }
    }
}
