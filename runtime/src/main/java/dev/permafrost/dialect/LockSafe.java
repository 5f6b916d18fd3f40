package dev.permafrost.dialect;

import java.util.List;

/**
 * The form of an operation on a table that already holds rows which does not stop its writers: what runs in the
 * migration's transaction (short locks only, such as adding a constraint {@code NOT VALID}), then the statements that
 * each run on their own, outside it (a concurrent index build, a constraint's validation), which may scan the table
 * while writers go on.
 */
public record LockSafe(List<String> inTransaction, List<Online> online) {

    public LockSafe {
        inTransaction = List.copyOf(inTransaction);
        online = List.copyOf(online);
    }

    /**
     * One statement run outside a transaction.
     *
     * @param index the index a concurrent build makes, which a failed or killed build leaves behind invalid (dropped
     *     before the statement runs again), or {@code null}
     */
    public record Online(String sql, String index) {
    }
}
