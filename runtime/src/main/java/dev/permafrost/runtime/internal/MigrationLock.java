package dev.permafrost.runtime.internal;

import dev.permafrost.runtime.ErrorCode;
import dev.permafrost.runtime.PermafrostException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Makes one instance at a time migrate a database. Every lock belongs to the session, so a process that
 * dies releases it with its connection: there is never a lock row to clean up.
 *
 * <ul>
 *   <li>PostgreSQL: a session-level {@code pg_try_advisory_lock}, retried with backoff (a
 *       transaction-level lock would deadlock with {@code CREATE INDEX CONCURRENTLY}).</li>
 *   <li>MariaDB and MySQL: {@code GET_LOCK} with a timeout.</li>
 *   <li>SQLite: nothing here; each migration's transaction begins with {@code BEGIN IMMEDIATE}, which
 *       takes the write lock up front, under a busy timeout.</li>
 *   <li>H2 and others: a lock within this JVM.</li>
 * </ul>
 */
public final class MigrationLock implements AutoCloseable {

    private static final Map<String, ReentrantLock> LOCAL = new ConcurrentHashMap<>();

    private final Runnable release;

    private MigrationLock(Runnable release) {
        this.release = release;
    }

    public static MigrationLock acquire(Session session, Duration timeout) {
        Connection connection = session.connection();
        try {
            return switch (session.database()) {
                case SQLITE -> sqlite(connection, timeout);
                case POSTGRES -> postgres(connection, timeout);
                case MARIADB, MYSQL -> mariadb(connection, timeout);
                case H2, OTHER -> local(connection.getMetaData().getURL(), timeout);
            };
        } catch (SQLException e) {
            throw new PermafrostException(ErrorCode.DATABASE, "cannot take the migration lock: " + e.getMessage(), e);
        }
    }

    private static MigrationLock sqlite(Connection connection, Duration timeout) throws SQLException {
        int previous;
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery("pragma busy_timeout")) {
            previous = rs.next() ? rs.getInt(1) : 0;
        }
        execute(connection, "pragma busy_timeout = " + Math.min(timeout.toMillis(), Integer.MAX_VALUE));
        return new MigrationLock(() -> quietly(() -> execute(connection, "pragma busy_timeout = " + previous)));
    }

    private static MigrationLock postgres(Connection connection, Duration timeout) throws SQLException {
        String key = "hashtext('permafrost'), hashtext(current_schema())";
        long deadline = System.nanoTime() + timeout.toNanos();
        long wait = 20;
        while (!queryBoolean(connection, "select pg_try_advisory_lock(" + key + ")")) {
            if (System.nanoTime() > deadline) {
                throw timeout("PostgreSQL advisory lock (" + key + ")", timeout);
            }
            sleep(wait);
            wait = Math.min(wait * 2, 500);
        }
        return new MigrationLock(() -> quietly(() -> queryBoolean(connection, "select pg_advisory_unlock(" + key + ")")));
    }

    private static MigrationLock mariadb(Connection connection, Duration timeout) throws SQLException {
        try (PreparedStatement s = connection.prepareStatement("select get_lock(concat('permafrost:', database()), ?)")) {
            s.setLong(1, Math.max(1, timeout.toSeconds()));
            try (ResultSet rs = s.executeQuery()) {
                if (!rs.next() || rs.getInt(1) != 1) {
                    throw timeout("MariaDB lock 'permafrost:<database>'", timeout);
                }
            }
        }
        return new MigrationLock(() -> quietly(() -> queryBoolean(connection,
                "select release_lock(concat('permafrost:', database())) = 1")));
    }

    private static MigrationLock local(String url, Duration timeout) {
        ReentrantLock lock = LOCAL.computeIfAbsent(String.valueOf(url), u -> new ReentrantLock());
        try {
            if (!lock.tryLock(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                throw timeout("the in-process lock for " + JdbcUrl.masked(url), timeout);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PermafrostException(ErrorCode.LOCK_TIMEOUT, "interrupted while waiting for the migration lock", e);
        }
        return new MigrationLock(lock::unlock);
    }

    private static PermafrostException timeout(String what, Duration timeout) {
        return new PermafrostException(ErrorCode.LOCK_TIMEOUT, "another instance held the " + what + " for longer than "
                + timeout.toSeconds() + " s while migrating; it is still running or was stopped and its session has not"
                + " ended yet. Start again once it finishes, or raise Migrator.configure(..).lockTimeout(..)");
    }

    private static boolean queryBoolean(Connection connection, String sql) throws SQLException {
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            return rs.next() && rs.getBoolean(1);
        }
    }

    private static void execute(Connection connection, String sql) throws SQLException {
        try (Statement s = connection.createStatement()) {
            s.execute(sql);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PermafrostException(ErrorCode.LOCK_TIMEOUT, "interrupted while waiting for the migration lock", e);
        }
    }

    private interface SqlAction {
        void run() throws SQLException;
    }

    private static void quietly(SqlAction action) {
        try {
            action.run();
        } catch (SQLException ignored) {
            // Released anyway when the session ends.
        }
    }

    @Override
    public void close() {
        release.run();
    }
}
