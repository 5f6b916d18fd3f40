package dev.permafrost.runtime.internal;

import dev.permafrost.render.SqlRenderer;
import dev.permafrost.render.SqliteRebuild;
import dev.permafrost.runtime.ErrorCode;
import dev.permafrost.runtime.PermafrostException;
import dev.permafrost.runtime.spi.MigrationEntry;
import dev.permafrost.sql.Expressions;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;

/**
 * Runs one direction of one migration in its own transaction, together with its history row: all of
 * it commits or none of it does (on databases with transactional DDL).
 */
public final class Executor {

    /** Which way a migration runs. */
    public enum Direction { UP, DOWN }

    private final Connection connection;
    private final Database database;
    private final SQLDialect dialect;
    private final System.Logger log;
    /** How many statements of the migration running without transactional DDL have run, for failure messages. */
    private int statementsDone;

    public Executor(Connection connection, Database database, SQLDialect dialect, System.Logger log) {
        this.connection = connection;
        this.database = database;
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
        return database.transactionalDdl() ? runInTransaction(entry, direction, actions)
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
            throw new PermafrostException(ErrorCode.DATABASE, "migration " + label(entry) + " could not record its"
                    + " progress: " + e.getMessage(), e);
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
                    data.step().run(DSL.using(connection, dialect, Expressions.settings()));
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
        boolean foreignKeysWereOn = false;
        boolean began = false;
        long start = System.nanoTime();
        try {
            if (database == Database.SQLITE) {
                foreignKeysWereOn = rebuilds && sqliteForeignKeysOn();
                if (foreignKeysWereOn) {
                    // Must happen outside the transaction, where SQLite honours it: a rebuild with
                    // enforcement on would let ON DELETE CASCADE empty the child tables.
                    execute("pragma foreign_keys = off");
                }
                execute("begin immediate");
            } else {
                connection.setAutoCommit(false);
            }
            began = true;
            if (database == Database.SQLITE) {
                History.create(connection, dialect);
            }
            AppliedMigration existing = History.find(connection, entry.version());
            if ((direction == Direction.UP) == (existing != null)) {
                rollback();
                began = false;
                return ALREADY_DONE;
            }
            int statements = 0;
            for (Action action : actions) {
                statements += perform(entry, action);
            }
            if (foreignKeysWereOn) {
                checkForeignKeys(entry);
            }
            long millis = (System.nanoTime() - start) / 1_000_000;
            if (direction == Direction.UP) {
                History.insert(connection, new AppliedMigration(entry.version(), entry.description(), entry.checksum(),
                        Instant.now().truncatedTo(ChronoUnit.MILLIS), millis, AppliedMigration.State.APPLIED, statements));
            } else {
                History.delete(connection, entry.version());
            }
            commit();
            began = false;
            return millis;
        } catch (SQLException e) {
            throw new PermafrostException(ErrorCode.DATABASE, "migration " + label(entry) + " could not run: "
                    + e.getMessage(), e);
        } finally {
            if (began) {
                rollbackQuietly();
            }
            restore(foreignKeysWereOn);
        }
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
                List<String> statements = rebuildStatements(entry, rebuild);
                List<String> dependents = dropDependents(rebuild.rebuild().table());
                for (String sql : statements) {
                    execute(entry, action, sql);
                }
                for (String sql : dependents) {
                    execute(entry, action, sql);
                }
                return statements.size();
            }
            case Action.Data data -> {
                try {
                    data.step().run(DSL.using(connection, dialect, Expressions.settings()));
                } catch (Exception e) {
                    throw failure(entry, action, "(data step)", e);
                }
                return 1;
            }
        }
    }

    /**
     * The rebuild's statements, carrying over what the live table holds beyond the schema the migrations
     * built (a column or index added by hand), so that a rebuild never deletes it unasked.
     */
    private List<String> rebuildStatements(MigrationEntry entry, Action.Rebuild rebuild) throws SQLException {
        SqliteRebuild.Kept kept = SqliteKept.read(connection, rebuild.rebuild(), label(entry));
        if (kept.isEmpty()) {
            return rebuild.sql();
        }
        log.log(System.Logger.Level.WARNING, "{0} rebuilds table {1} and keeps what no migration created: {2}"
                + " (Migrator.validate() reports them as drift)", label(entry), rebuild.rebuild().table(), describe(kept));
        return rebuild.rebuild().statements(new SqlRenderer(dialect), kept);
    }

    /** What a rebuild keeps, for people: {@code column notes, index ix_manual}. */
    static String describe(SqliteRebuild.Kept kept) {
        List<String> parts = new ArrayList<>();
        kept.columns().keySet().forEach(c -> parts.add("column " + c));
        kept.indexes().forEach(sql -> parts.add("index " + sql.replaceFirst("(?is)^create\\s+(unique\\s+)?index\\s+"
                + "(if\\s+not\\s+exists\\s+)?", "").replaceFirst("(?s)\\s+on\\s.*$", "")));
        return String.join(", ", parts);
    }

    /**
     * Drops the triggers and views whose SQL mentions {@code table} and returns the statements that
     * recreate them after the rebuild, as SQLite's documentation prescribes.
     */
    private List<String> dropDependents(String table) throws SQLException {
        List<String> recreate = new ArrayList<>();
        List<String> drops = new ArrayList<>();
        String needle = table.toLowerCase(Locale.ROOT);
        try (Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery(
                     "select type, name, sql from sqlite_master where type in ('trigger', 'view') and sql is not null"
                             + " order by case type when 'view' then 0 else 1 end, name")) {
            while (rs.next()) {
                if (rs.getString(3).toLowerCase(Locale.ROOT).contains(needle)) {
                    drops.add("drop " + rs.getString(1) + " \"" + rs.getString(2).replace("\"", "\"\"") + "\"");
                    recreate.add(rs.getString(3));
                }
            }
        }
        for (String drop : drops) {
            execute(drop);
        }
        return recreate;
    }

    private void checkForeignKeys(MigrationEntry entry) throws SQLException {
        List<String> violations = new ArrayList<>();
        try (Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("pragma foreign_key_check")) {
            while (rs.next() && violations.size() < 10) {
                violations.add("row " + rs.getLong(2) + " of " + rs.getString(1) + " references a missing row of "
                        + rs.getString(3));
            }
        }
        if (!violations.isEmpty()) {
            throw new PermafrostException(ErrorCode.MIGRATION_FAILED, "migration " + label(entry)
                    + " would break foreign keys, so it was rolled back: " + String.join("; ", violations)
                    + ". Fix the data (a data step in the migration can) and start again.");
        }
    }

    private boolean sqliteForeignKeysOn() throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("pragma foreign_keys")) {
            return rs.next() && rs.getInt(1) == 1;
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
        if (database.transactionalDdl()) {
            state = "It was rolled back: the database is as it was before " + label(entry) + ".";
        } else if (statementsDone == 0) {
            state = "This database commits DDL at once, but none of " + label(entry) + "'s statements ran, so there is"
                    + " nothing to undo: fix the cause, call Migrator.repair() to clear its history row, and start again.";
        } else {
            state = "This database commits DDL at once: the " + statementsDone + " statement(s) of " + label(entry)
                    + " before this one stay applied (the next start lists them). Undo what they did by hand, or"
                    + " finish the migration by hand, then call Migrator.repair() and start again.";
        }
        return new PermafrostException(ErrorCode.MIGRATION_FAILED, "migration " + label(entry) + " ("
                + entry.description() + ") failed at '" + action.what() + "':\n  " + sql + "\n  "
                + cause.getMessage() + "\n" + state, cause);
    }

    private void execute(String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private void commit() throws SQLException {
        if (database == Database.SQLITE) {
            execute("commit");
        } else {
            connection.commit();
            connection.setAutoCommit(true);
        }
    }

    private void rollback() throws SQLException {
        if (database == Database.SQLITE) {
            execute("rollback");
        } else {
            connection.rollback();
            connection.setAutoCommit(true);
        }
    }

    private void rollbackQuietly() {
        try {
            rollback();
        } catch (SQLException ignored) {
            // The original failure is what the caller needs to see.
        }
    }

    private void restore(boolean foreignKeysWereOn) {
        if (foreignKeysWereOn) {
            try {
                execute("pragma foreign_keys = on");
            } catch (SQLException ignored) {
                // A closed connection cannot be restored, and is not reused.
            }
        }
    }

    static String label(MigrationEntry entry) {
        return String.format("V%04d", entry.version());
    }
}
