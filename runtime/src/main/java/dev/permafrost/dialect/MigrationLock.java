package dev.permafrost.dialect;

import dev.permafrost.message.Message;
import dev.permafrost.runtime.PermafrostException;
import dev.permafrost.runtime.internal.JdbcUrl;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The lock that makes one instance at a time migrate a database, taken by {@link Dialect#lock}. Every lock
 * belongs to the session, so a process that dies releases it with its connection: there is never a lock row
 * to clean up. Databases without a session lock Permafrost can use get a lock within this JVM.
 */
public final class MigrationLock implements AutoCloseable {

    private static final Map<String, ReentrantLock> LOCAL = new ConcurrentHashMap<>();

    private final Runnable release;

    private MigrationLock(Runnable release) {
        this.release = release;
    }

    /** A lock released by {@code release}. */
    public static MigrationLock releasedBy(Runnable release) {
        return new MigrationLock(release);
    }

    /** A lock within this JVM, one per database URL. */
    public static MigrationLock inProcess(String url, Duration timeout) {
        ReentrantLock lock = LOCAL.computeIfAbsent(String.valueOf(url), u -> new ReentrantLock());
        try {
            if (!lock.tryLock(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                throw timeout("the in-process lock for " + JdbcUrl.masked(url), timeout);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw Message.LOCK_INTERRUPTED.exception(e);
        }
        return new MigrationLock(lock::unlock);
    }

    /** Why waiting for {@code what} failed, and the way out. */
    public static PermafrostException timeout(String what, Duration timeout) {
        return Message.LOCK_TIMEOUT.exception(what, timeout.toSeconds());
    }

    /** Sleeps while waiting for a lock; an interruption ends the wait. */
    public static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw Message.LOCK_INTERRUPTED.exception(e);
        }
    }

    public static boolean queryBoolean(Connection connection, String sql) throws SQLException {
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            return rs.next() && rs.getBoolean(1);
        }
    }

    /** Something to release that may fail; a failure is ignored, as the session's end releases it anyway. */
    public interface SqlAction {
        void run() throws SQLException;
    }

    public static Runnable quietly(SqlAction action) {
        return () -> {
            try {
                action.run();
            } catch (SQLException ignored) {
                // Released anyway when the session ends.
            }
        };
    }

    @Override
    public void close() {
        release.run();
    }
}
