package dev.permafrost.dialect;

import java.util.List;

/**
 * The form of an operation on a table that already holds rows which does not stop its writers, as statements in
 * order: those that run in the migration's transaction (short locks only, such as adding a constraint
 * {@code NOT VALID}) and those that each run on their own, outside it (a concurrent index build, a constraint's
 * validation), which may scan the table while writers go on.
 */
public record LockSafe(List<Part> parts) {

    public LockSafe {
        parts = List.copyOf(parts);
    }

    /**
     * One statement.
     *
     * @param online whether it runs on its own outside a transaction
     * @param index the index a concurrent build makes, which a failed or killed build leaves behind invalid (dropped
     *     before the statement runs again), or {@code null}
     * @param fallback the plain statement to run instead when the database refuses the lock-safe one for this table
     *     ({@link Dialect#refusedOnline}), or {@code null}
     */
    public record Part(String sql, boolean online, String index, String fallback) {

        public static Part inTransaction(String sql) {
            return new Part(sql, false, null, null);
        }

        public static Part online(String sql) {
            return new Part(sql, true, null, null);
        }

        /** A concurrent build of {@code index}. */
        public static Part build(String sql, String index) {
            return new Part(sql, true, index, null);
        }

        /** A statement asking for an algorithm that does not block writers, with the plain one if it cannot. */
        public static Part orElse(String sql, String fallback) {
            return new Part(sql, true, null, fallback);
        }
    }
}
