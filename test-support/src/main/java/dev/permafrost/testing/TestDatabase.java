package dev.permafrost.testing;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Assumptions;

/**
 * The databases the runtime is tested on. Each {@link #create} gives a fresh, isolated database: a file
 * for SQLite, a schema on the PostgreSQL server, a database on the MariaDB server, a named in-memory H2.
 * A server that does not answer skips the test with a message, except under {@code CI=true}, where it
 * fails it.
 */
public enum TestDatabase {
    SQLITE,
    POSTGRES,
    MARIADB,
    H2;

    static final String POSTGRES_URL = "jdbc:postgresql://127.0.0.1:5432/test?user=postgres";
    static final String MARIADB_URL = "jdbc:mariadb://127.0.0.1:3306/test?user=root&password=";
    private static final AtomicInteger COUNTER = new AtomicInteger();

    /** How a fresh database is dropped. */
    @FunctionalInterface
    public interface Drop {
        void run() throws SQLException;
    }

    /** One fresh database: its JDBC URL and how to drop it. */
    public record Fresh(TestDatabase kind, String url, Drop drop) implements AutoCloseable {

        public Connection connect() throws SQLException {
            return DriverManager.getConnection(url);
        }

        @Override
        public void close() throws SQLException {
            drop.run();
        }
    }

    /** Whether this database's transactions cover DDL, so a failed migration leaves nothing behind. */
    public boolean transactionalDdl() {
        return this == SQLITE || this == POSTGRES;
    }

    /** A fresh database; {@code dir} holds SQLite files. */
    public Fresh create(Path dir) throws SQLException {
        String name = "pf_" + ProcessHandle.current().pid() + "_" + COUNTER.incrementAndGet();
        return switch (this) {
            case SQLITE -> new Fresh(this, "jdbc:sqlite:" + dir.resolve(name + ".db") + "?foreign_keys=true", () -> { });
            case H2 -> new Fresh(this, "jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1", () -> execute("jdbc:h2:mem:" + name,
                    "shutdown"));
            case POSTGRES -> {
                requireServer(POSTGRES_URL, "PostgreSQL on 127.0.0.1:5432 (trust auth, database test)");
                execute(POSTGRES_URL, "create schema " + name);
                yield new Fresh(this, POSTGRES_URL + "&currentSchema=" + name,
                        () -> execute(POSTGRES_URL, "drop schema " + name + " cascade"));
            }
            case MARIADB -> {
                requireServer(MARIADB_URL, "MariaDB on 127.0.0.1:3306 (root without password)");
                execute(MARIADB_URL, "create database " + name);
                yield new Fresh(this, MARIADB_URL.replace("/test?", "/" + name + "?"),
                        () -> execute(MARIADB_URL, "drop database " + name));
            }
        };
    }

    private static void execute(String url, String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    private static void requireServer(String url, String what) {
        try (Connection c = DriverManager.getConnection(url)) {
            c.isValid(2);
        } catch (SQLException e) {
            String message = what + " does not answer (" + e.getMessage() + ")";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                throw new AssertionError(message + "; CI=true, so this test fails instead of skipping. "
                        + ".ci/run starts the servers; see README.md");
            }
            Assumptions.abort(message + "; skipped outside CI");
        }
    }
}
