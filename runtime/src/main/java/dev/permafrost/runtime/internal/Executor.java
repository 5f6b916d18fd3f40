package dev.permafrost.runtime.internal;

import dev.permafrost.dialect.Dialect;
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

    public Executor(Connection connection, Dialect dialect, System.Logger log) {
        this.connection = connection;
        this.dialect = dialect;
        this.log = log;
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
        return dialect.transactionalDdl() ? runInTransaction(entry, direction, actions)
                : runWithProgress(entry, direction, actions);
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
            long millis = millisSince(start);
            if (direction == Direction.UP) {
                History.progress(connection, entry.version(), AppliedMigration.State.APPLIED, done, millis);
            } else {
                History.delete(connection, entry.version());
            }
            return millis;
        } catch (SQLException e) {
            throw Message.PROGRESS_NOT_RECORDED.exception(e, label(entry), e.getMessage());
        }
    }

    /** An action's statements one by one (a rebuild never happens here: only SQLite rebuilds). */
    private List<Runnable> statements(MigrationEntry entry, Action action) {
        return switch (action) {
            case Action.Statements statements -> statements.sql().stream()
                    .map(sql -> (Runnable) () -> execute(entry, action, sql)).toList();
            case Action.Rebuild rebuild -> rebuild.sql().stream()
                    .map(sql -> (Runnable) () -> execute(entry, action, sql)).toList();
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
            if (dialect.transactionIsTheLock()) {
                History.create(connection, dialect.jooq());
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
            if (transaction != null) {
                try {
                    transaction.rollback();
                } catch (SQLException ignored) {
                    // The original failure is what the caller needs to see.
                }
                transaction.close();
            }
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
        if (dialect.transactionalDdl()) {
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
