package dev.permafrost.runtime.internal;

import dev.permafrost.dialect.Dialect;
import dev.permafrost.dialect.LockSafe;
import dev.permafrost.dialect.MigrationLock;
import dev.permafrost.dialect.MigrationTransaction;
import dev.permafrost.dialect.SqlRenderer;
import dev.permafrost.dialect.TableRebuilds;
import dev.permafrost.message.Message;
import dev.permafrost.runtime.PermafrostException;
import dev.permafrost.runtime.spi.MigrationEntry;
import dev.permafrost.snapshot.Snapshot;
import dev.permafrost.sql.Expressions;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.jooq.impl.DSL;

/**
 * Runs one direction of one migration in its own transaction, together with its history row: all of
 * it commits or none of it does (on databases with transactional DDL).
 */
public final class Executor {

    /** Which way a migration runs. */
    public enum Direction { UP, DOWN }

    private final Connection connection;
    private final Dialect dialect;
    private final System.Logger log;
    /** How many statements of the migration running without transactional DDL have run, for failure messages. */
    private int statementsDone;
    /** Whether the migration running has lock-safe steps outside its transaction ({@link #runInSteps}). */
    private boolean inSteps;

    /** How long one DDL statement waits for its lock before it gives up and is retried, unless told otherwise. */
    public static final Duration STATEMENT_LOCK_TIMEOUT = Duration.ofSeconds(5);

    private final Duration statementLockTimeout;
    private final Duration keepTrying;

    public Executor(Connection connection, Dialect dialect, System.Logger log) {
        this(connection, dialect, log, STATEMENT_LOCK_TIMEOUT, Duration.ofMinutes(5));
    }

    /**
     * @param statementLockTimeout how long each statement waits for a lock before it gives up (and is retried), where
     *     the database can bound it ({@link Dialect#lockTimeout})
     * @param keepTrying how long to keep retrying a statement whose lock is not granted
     */
    public Executor(Connection connection, Dialect dialect, System.Logger log, Duration statementLockTimeout,
                    Duration keepTrying) {
        this.connection = connection;
        this.dialect = dialect;
        this.log = log;
        this.statementLockTimeout = statementLockTimeout;
        this.keepTrying = keepTrying;
    }

    /** The rows a squashed baseline records before its own (versions 1 to N - 1), while it runs; else empty. */
    private List<MigrationEntry> recordedBefore = List.of();

    /**
     * Runs a squashed baseline on a fresh database as the last migration it replaces, {@code replaced}'s last entry,
     * and records every migration it replaces with its own checksum, in the same transaction where DDL is
     * transactional: the history is the same as a database that ran them one by one (ADR 0025).
     */
    public long runBaseline(List<MigrationEntry> replaced, List<Action> actions) {
        if (actions.stream().anyMatch(Action.Online.class::isInstance)) {
            throw new IllegalArgumentException("a squashed baseline has no lock-safe steps");
        }
        recordedBefore = replaced.subList(0, replaced.size() - 1);
        try {
            return run(replaced.get(replaced.size() - 1), Direction.UP, actions);
        } finally {
            recordedBefore = List.of();
        }
    }

    private void recordReplaced() throws SQLException {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        History.insertAll(connection, recordedBefore.stream().map(replaced -> new AppliedMigration(replaced.version(),
                replaced.description(), replaced.checksum(), now, 0, AppliedMigration.State.APPLIED, 0)).toList());
    }

    /** One migration of a group ({@link #runGroup}) and its actions. */
    public record Planned(MigrationEntry entry, List<Action> actions) {
    }

    /** The first migration of the group running, for failure messages; else {@code null}. */
    private MigrationEntry groupStart;

    /**
     * Runs {@code group} up in one transaction with their history rows (on a database with transactional DDL, and
     * no lock-safe step outside the transaction): all of them commit or none does.
     *
     * @return each one's time in milliseconds, or {@code null} when another instance applied the first meanwhile
     */
    public List<Long> runGroup(List<Planned> group) {
        if (!dialect.transactionalDdl() || group.stream().flatMap(p -> p.actions().stream())
                .anyMatch(Action.Online.class::isInstance)) {
            throw new IllegalArgumentException("a group needs transactional DDL and no step outside the transaction");
        }
        groupStart = group.get(0).entry();
        try {
            List<Long> result = new java.util.ArrayList<>();
            long ran = retrying(groupStart, () -> {
                result.clear();
                return runGroupInTransaction(group, result);
            });
            return ran == ALREADY_DONE ? null : result;
        } finally {
            groupStart = null;
        }
    }

    private long runGroupInTransaction(List<Planned> group, List<Long> millis) {
        boolean rebuilds = group.stream().flatMap(p -> p.actions().stream()).anyMatch(Action.Rebuild.class::isInstance);
        MigrationTransaction transaction = null;
        try {
            transaction = dialect.begin(connection, rebuilds);
            boundLockWaits(true);
            if (dialect.transactionIsTheLock()) {
                History.create(connection, dialect);
            }
            if (History.find(connection, groupStart.version()) != null) {
                transaction.rollback();
                transaction = finished(transaction);
                return ALREADY_DONE;
            }
            for (Planned planned : group) {
                long start = System.nanoTime();
                int statements = 0;
                for (Action action : planned.actions()) {
                    statements += perform(planned.entry(), action);
                }
                long ms = millisSince(start);
                millis.add(ms);
                History.insert(connection, new AppliedMigration(planned.entry().version(), planned.entry().description(),
                        planned.entry().checksum(), Instant.now().truncatedTo(ChronoUnit.MILLIS), ms,
                        AppliedMigration.State.APPLIED, statements));
            }
            List<String> violations = transaction.violations();
            if (!violations.isEmpty()) {
                throw Message.FOREIGN_KEYS_BROKEN.exception(label(group.get(group.size() - 1).entry()),
                        String.join("; ", violations));
            }
            transaction.commit();
            transaction = finished(transaction);
            return 0;
        } catch (SQLException e) {
            throw Message.MIGRATION_NOT_RUN.exception(e, label(groupStart), e.getMessage());
        } finally {
            abandon(transaction);
        }
    }

    /** Returned by {@link #run} when another instance did the work meanwhile. */
    public static final long ALREADY_DONE = -1;

    /**
     * Runs {@code actions} as migration {@code entry} in {@code direction}: in one transaction with its
     * history row where DDL is transactional, else statement by statement, recording progress in the
     * history row so that a migration that stops part way says exactly how far it got.
     *
     * @return how long it took in milliseconds (as recorded in the history), or {@link #ALREADY_DONE} if,
     *     under the lock, the work turned out to be done already
     */
    public long run(MigrationEntry entry, Direction direction, List<Action> actions) {
        if (!dialect.transactionalDdl()) {
            return runWithProgress(entry, direction, actions);
        }
        if (actions.stream().anyMatch(Action.Online.class::isInstance)) {
            return runInSteps(entry, direction, actions);
        }
        return retrying(entry, () -> runInTransaction(entry, direction, actions));
    }

    /**
     * Runs a migration with lock-safe steps on a database with transactional DDL: each ordinary operation in a
     * transaction of its own, committed together with the migration's progress, and every online statement on its own,
     * outside a transaction, its progress recorded after it. A migration that stopped (failed, or its process killed)
     * continues where it stopped at the next start: the transactions are whole, and each online statement can run
     * again (a concurrent build's invalid leftover is dropped first).
     */
    private long runInSteps(MigrationEntry entry, Direction direction, List<Action> actions) {
        long start = System.nanoTime();
        inSteps = true;
        boolean up = direction == Direction.UP;
        AppliedMigration.State state = up ? AppliedMigration.State.APPLYING : AppliedMigration.State.REVERTING;
        try {
            connection.setAutoCommit(true);
            AppliedMigration existing = History.find(connection, entry.version());
            if (up ? existing != null && existing.complete() : existing == null) {
                return ALREADY_DONE;
            }
            int resumeFrom = existing != null && existing.state() == state ? existing.statements() : 0;
            if (resumeFrom > 0) {
                log.log(System.Logger.Level.INFO, "{0} continues after statement {1}, where it stopped", label(entry),
                        String.valueOf(resumeFrom));
            }
            if (up && existing == null) {
                History.insert(connection, new AppliedMigration(entry.version(), entry.description(), entry.checksum(),
                        Instant.now().truncatedTo(ChronoUnit.MILLIS), 0, state, 0));
            } else if (resumeFrom == 0) {
                History.progress(connection, entry.version(), state, 0, 0);
            }
            statementsDone = 0;
            for (Action action : actions) {
                if (!(action instanceof Action.Online online)) {
                    // Each operation in a transaction of its own, so that it holds its (short) locks on one table
                    // only: two tables locked in one transaction deadlock with writers that lock them the other
                    // way round (an insert that checks a foreign key).
                    inOneTransaction(entry, action, state, resumeFrom, start);
                    continue;
                }
                for (LockSafe.Part statement : online.statements()) {
                    if (statementsDone >= resumeFrom) {
                        retrying(entry, () -> online(entry, online, statement));
                        History.progress(connection, entry.version(), state, statementsDone + 1, millisSince(start));
                    }
                    statementsDone++;
                }
            }
            return finished(entry, direction, statementsDone, start);
        } catch (SQLException e) {
            throw Message.PROGRESS_NOT_RECORDED.exception(e, label(entry), e.getMessage());
        } finally {
            inSteps = false;
            resetLockWaits();
        }
    }

    /** Runs {@code action} (not online) in one transaction with the migration's progress, unless that part ran. */
    private void inOneTransaction(MigrationEntry entry, Action action, AppliedMigration.State state, int resumeFrom,
                                  long start) throws SQLException {
        int count = switch (action) {
            case Action.Statements s -> s.sql().size();
            case Action.Data d -> 1;
            case Action.Rebuild r -> r.sql().size();
            case Action.Online o -> throw new IllegalArgumentException("an online action in a transaction");
        };
        if (count == 0) {
            return;
        }
        if (statementsDone + count <= resumeFrom) {
            statementsDone += count;
            return;
        }
        int after = statementsDone + count;
        retrying(entry, () -> {
            try {
                connection.setAutoCommit(false);
                boundLockWaits(true);
                perform(entry, action);
                History.progress(connection, entry.version(), state, after, millisSince(start));
                connection.commit();
                return 0L;
            } catch (SQLException | RuntimeException e) {
                try {
                    connection.rollback();
                } catch (SQLException ignored) {
                    // the original failure is what the caller needs to see
                }
                if (e instanceof SQLException sql) {
                    throw Message.MIGRATION_NOT_RUN.exception(sql, label(entry), sql.getMessage());
                }
                throw (RuntimeException) e;
            } finally {
                try {
                    connection.setAutoCommit(true);
                } catch (SQLException ignored) {
                    // a broken connection fails the next statement with its own message
                }
            }
        });
        statementsDone = after;
    }

    /** One online statement, outside any transaction; a concurrent build that fails leaves no invalid index. */
    private long online(MigrationEntry entry, Action.Online action, LockSafe.Part statement) {
        try {
            boundLockWaits(false);
            if (statement.index() != null) {
                dialect.dropInvalidIndex(connection, statement.index());
            }
        } catch (SQLException e) {
            throw failure(entry, action, statement.sql(), e);
        }
        try {
            executeOrFallBack(entry, action, statement);
        } catch (PermafrostException e) {
            if (statement.index() != null) {
                try {
                    dialect.dropInvalidIndex(connection, statement.index());
                } catch (SQLException ignored) {
                    // reported with the original failure; the next start drops it before building again
                }
            }
            throw e;
        }
        return 0;
    }

    /** A lock-safe statement, or its plain fallback where the database refuses it for this table. */
    private void executeOrFallBack(MigrationEntry entry, Action action, LockSafe.Part statement) {
        try {
            execute(entry, action, statement.sql());
        } catch (PermafrostException e) {
            if (statement.fallback() == null || !(e.getCause() instanceof SQLException sql)
                    || !dialect.refusedOnline(sql)) {
                throw e;
            }
            log.log(System.Logger.Level.WARNING, "{0}: {1} cannot {2} without blocking writers ({3}); it runs the plain"
                    + " statement instead, which blocks them while it runs", label(entry), dialect.displayName(), action.what(), sql.getMessage());
            execute(entry, action, statement.fallback());
        }
    }

    /** Puts the session's lock wait back (the connection goes back to the application's pool). */
    private void resetLockWaits() {
        try {
            setting(dialect.resetLockTimeout());
        } catch (SQLException ignored) {
            // a broken connection is discarded by its pool
        }
    }

    /** Bounds how long the following statements wait for a lock, where the database can. */
    private void boundLockWaits(boolean local) throws SQLException {
        setting(dialect.lockTimeout(statementLockTimeout, local));
    }

    /** Runs a session or transaction setting the dialect gives, if it gives one. */
    private void setting(String sql) throws SQLException {
        if (sql != null) {
            try (Statement statement = connection.createStatement()) {
                statement.execute(sql);
            }
        }
    }

    /**
     * Runs {@code work} again, with backoff, while it fails only because a lock was not granted within the
     * statement's lock timeout, until {@code keepTrying} has passed.
     */
    private long retrying(MigrationEntry entry, java.util.function.LongSupplier work) {
        long deadline = System.nanoTime() + keepTrying.toNanos();
        long wait = 50;
        while (true) {
            try {
                return work.getAsLong();
            } catch (PermafrostException e) {
                if (!lockNotGranted(e)) {
                    throw e;
                }
                if (System.nanoTime() + wait * 1_000_000 > deadline) {
                    throw Message.DDL_LOCK_TIMEOUT.exception(e, label(entry), keepTrying.toSeconds(), e.getMessage(),
                            statementLockTimeout.toMillis(), resumeAdvice(entry));
                }
                log.log(System.Logger.Level.WARNING, "{0}: a lock was not granted within {1} ms (a transaction holds"
                        + " it); trying again in {2} ms", label(entry), String.valueOf(statementLockTimeout.toMillis()),
                        String.valueOf(wait));
                MigrationLock.sleep(wait);
                wait = Math.min(wait * 2, 5_000);
            }
        }
    }

    /** Whether {@code e} was caused by a lock not granted in time, or a lost deadlock: nothing stayed, it may run again. */
    private boolean lockNotGranted(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && dialect.lockNotGranted(sql)) {
                return true;
            }
        }
        return false;
    }

    private String resumeAdvice(MigrationEntry entry) {
        return statementsDone == 0 ? "Nothing of " + label(entry) + " ran."
                : "The first " + statementsDone + " statement(s) of " + label(entry) + " are applied; the next start"
                        + " continues after them.";
    }

    private long runWithProgress(MigrationEntry entry, Direction direction, List<Action> actions) {
        long start = System.nanoTime();
        AppliedMigration.State state = direction == Direction.UP ? AppliedMigration.State.APPLYING
                : AppliedMigration.State.REVERTING;
        try {
            connection.setAutoCommit(true);
            AppliedMigration existing = History.find(connection, entry.version());
            if ((direction == Direction.UP) == (existing != null)) {
                return ALREADY_DONE;
            }
            if (direction == Direction.UP) {
                History.insert(connection, new AppliedMigration(entry.version(), entry.description(), entry.checksum(),
                        Instant.now().truncatedTo(ChronoUnit.MILLIS), 0, state, 0));
            } else {
                History.progress(connection, entry.version(), state, 0, 0);
            }
            int done = 0;
            statementsDone = 0;
            for (Action action : actions) {
                for (Runnable statement : statements(entry, action)) {
                    statement.run();
                    done++;
                    statementsDone = done;
                    History.progress(connection, entry.version(), state, done, millisSince(start));
                }
            }
            return finished(entry, direction, done, start);
        } catch (SQLException e) {
            throw Message.PROGRESS_NOT_RECORDED.exception(e, label(entry), e.getMessage());
        }
    }

    /** Records a migration run statement by statement as done: applied with its count, or its row gone. */
    private long finished(MigrationEntry entry, Direction direction, int statements, long start) throws SQLException {
        long millis = millisSince(start);
        if (direction == Direction.UP) {
            recordReplaced();
            History.progress(connection, entry.version(), AppliedMigration.State.APPLIED, statements, millis);
        } else {
            History.delete(connection, entry.version());
        }
        return millis;
    }

    /** An action's statements one by one (a rebuild never happens here: only SQLite rebuilds). */
    private List<Runnable> statements(MigrationEntry entry, Action action) {
        return switch (action) {
            case Action.Statements statements -> statements.sql().stream()
                    .map(sql -> (Runnable) () -> execute(entry, action, sql)).toList();
            case Action.Rebuild rebuild -> rebuild.sql().stream()
                    .map(sql -> (Runnable) () -> execute(entry, action, sql)).toList();
            case Action.Online online -> online.statements().stream()
                    .map(statement -> (Runnable) () -> executeOrFallBack(entry, action, statement)).toList();
            case Action.Data data -> List.of(() -> {
                try {
                    data.step().run(DSL.using(connection, dialect.jooq(), Expressions.settings()));
                } catch (Exception e) {
                    throw failure(entry, action, "(data step)", e);
                }
            });
        };
    }

    private static long millisSince(long start) {
        return (System.nanoTime() - start) / 1_000_000;
    }

    private long runInTransaction(MigrationEntry entry, Direction direction, List<Action> actions) {
        boolean rebuilds = actions.stream().anyMatch(Action.Rebuild.class::isInstance);
        MigrationTransaction transaction = null;
        long start = System.nanoTime();
        try {
            transaction = dialect.begin(connection, rebuilds);
            boundLockWaits(true);
            if (dialect.transactionIsTheLock()) {
                History.create(connection, dialect);
            }
            AppliedMigration existing = History.find(connection, entry.version());
            if ((direction == Direction.UP) == (existing != null)) {
                transaction.rollback();
                transaction = finished(transaction);
                return ALREADY_DONE;
            }
            int statements = 0;
            for (Action action : actions) {
                statements += perform(entry, action);
            }
            List<String> violations = transaction.violations();
            if (!violations.isEmpty()) {
                throw Message.FOREIGN_KEYS_BROKEN.exception(label(entry), String.join("; ", violations));
            }
            long millis = (System.nanoTime() - start) / 1_000_000;
            if (direction == Direction.UP) {
                recordReplaced();
                History.insert(connection, new AppliedMigration(entry.version(), entry.description(), entry.checksum(),
                        Instant.now().truncatedTo(ChronoUnit.MILLIS), millis, AppliedMigration.State.APPLIED, statements));
            } else {
                History.delete(connection, entry.version());
            }
            transaction.commit();
            transaction = finished(transaction);
            return millis;
        } catch (SQLException e) {
            throw Message.MIGRATION_NOT_RUN.exception(e, label(entry), e.getMessage());
        } finally {
            abandon(transaction);
        }
    }

    /** Rolls back and closes a transaction that a failure left open ({@code null}: nothing to do). */
    private static void abandon(MigrationTransaction transaction) {
        if (transaction != null) {
            try {
                transaction.rollback();
            } catch (SQLException ignored) {
                // The original failure is what the caller needs to see.
            }
            transaction.close();
        }
    }

    /** Ends {@code transaction} after its commit or rollback; {@code null}, for the caller's variable. */
    private static MigrationTransaction finished(MigrationTransaction transaction) {
        transaction.close();
        return null;
    }

    private int perform(MigrationEntry entry, Action action) throws SQLException {
        switch (action) {
            case Action.Statements statements -> {
                for (String sql : statements.sql()) {
                    execute(entry, action, sql);
                }
                return statements.sql().size();
            }
            case Action.Rebuild rebuild -> {
                TableRebuilds.Run run = dialect.rebuilds().prepare(connection, rebuild.rebuild(), new SqlRenderer(dialect),
                        label(entry));
                if (run.warning() != null) {
                    log.log(System.Logger.Level.WARNING, run.warning());
                }
                for (String sql : run.all()) {
                    execute(entry, action, sql);
                }
                return run.statements().size();
            }
            case Action.Data data -> {
                try {
                    data.step().run(DSL.using(connection, dialect.jooq(), Expressions.settings()));
                } catch (Exception e) {
                    throw failure(entry, action, "(data step)", e);
                }
                return 1;
            }
            case Action.Online online -> throw new IllegalArgumentException("online statements run on their own");
        }
    }

    private void execute(MigrationEntry entry, Action action, String sql) {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw failure(entry, action, sql, e);
        }
    }

    private PermafrostException failure(MigrationEntry entry, Action action, String sql, Exception cause) {
        String state;
        if (dialect.transactionalDdl() && inSteps) {
            state = statementsDone == 0 ? "Nothing of " + label(entry) + " is applied." : "Its lock-safe steps run outside"
                    + " one transaction: the first " + statementsDone + " statement(s) stay applied, and the next start"
                    + " continues after them once the cause is fixed.";
        } else if (dialect.transactionalDdl() && groupStart != null && groupStart != entry) {
            state = "It was rolled back with the migrations applied in one transaction with it (groupPending): the"
                    + " database is as it was before " + label(groupStart) + ".";
        } else if (dialect.transactionalDdl()) {
            state = "It was rolled back: the database is as it was before " + label(entry) + ".";
        } else if (statementsDone == 0) {
            state = "This database commits DDL at once, but none of " + label(entry) + "'s statements ran, so there is"
                    + " nothing to undo: fix the cause, call Migrator.repair() to clear its history row, and start again.";
        } else {
            state = "This database commits DDL at once: the " + statementsDone + " statement(s) of " + label(entry)
                    + " before this one stay applied (the next start lists them). Undo what they did by hand, or"
                    + " finish the migration by hand, then call Migrator.repair() and start again.";
        }
        return Message.MIGRATION_FAILED.exception(cause, label(entry), entry.description(), action.what(), sql,
                cause.getMessage(), state);
    }

    static String label(MigrationEntry entry) {
        return Snapshot.label(entry.version());
    }
}
