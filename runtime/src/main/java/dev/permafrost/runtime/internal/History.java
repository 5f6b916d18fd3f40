package dev.permafrost.runtime.internal;

import dev.permafrost.runtime.spi.MigrationEntry;
import dev.permafrost.sql.Expressions;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;

/**
 * The history table {@value #TABLE}: one row per applied migration. Read with one plain JDBC query (the
 * start of an up-to-date application touches nothing else); created with jOOQ the first time a
 * migration runs.
 */
public final class History {

    public static final String TABLE = "permafrost_history";

    private static final String COLUMNS = "version, description, checksum, applied_at, execution_ms, state, statements";

    private History() {
    }

    /**
     * The applied migrations by version, or an empty list when the table does not exist yet. Where a failed query
     * leaves a trace ({@link dev.permafrost.dialect.Dialect#missingTableFailsQuietly}) the catalog is asked first;
     * elsewhere the table is read at once, and a table that another instance created between the query and the look-up
     * that explains its failure is read again: instances that start at once race for it (eight on PostgreSQL showed it).
     */
    public static List<AppliedMigration> read(Connection connection, dev.permafrost.dialect.Dialect dialect)
            throws SQLException {
        if (!dialect.missingTableFailsQuietly() && !exists(connection, dialect)) {
            return List.of();
        }
        try {
            return select(connection);
        } catch (SQLException e) {
            if (!exists(connection, dialect)) {
                return List.of();
            }
            try {
                return select(connection);
            } catch (SQLException again) {
                again.addSuppressed(e);
                throw again;
            }
        }
    }

    private static List<AppliedMigration> select(Connection connection) throws SQLException {
        List<AppliedMigration> applied = new ArrayList<>();
        try (Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("select " + COLUMNS + " from " + TABLE + " order by version")) {
            while (rs.next()) {
                applied.add(row(rs));
            }
        }
        return applied;
    }

    /**
     * Whether the history holds exactly {@code known}, every one applied completely with its checksum: the
     * question of every start, answered by reading three columns and comparing in order, nothing else.
     * {@code false} whenever the answer needs a closer look (including no table yet, asked of the catalog first where
     * a failed query leaves a trace).
     */
    public static boolean holdsExactly(Connection connection, dev.permafrost.dialect.Dialect dialect,
                                       List<MigrationEntry> known) {
        try {
            if (!dialect.missingTableFailsQuietly() && !exists(connection, dialect)) {
                return false;
            }
        } catch (SQLException e) {
            return false;
        }
        try (Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("select version, checksum, state from " + TABLE + " order by version")) {
            int i = 0;
            while (rs.next()) {
                if (i == known.size()) {
                    return false;
                }
                MigrationEntry entry = known.get(i++);
                if (rs.getInt(1) != entry.version() || !entry.matches(rs.getString(2))
                        || !AppliedMigration.State.APPLIED.sql().equals(rs.getString(3))) {
                    return false;
                }
            }
            return i == known.size();
        } catch (SQLException e) {
            return false;
        }
    }

    /** The row of one version, or {@code null}; for re-checking under the lock. */
    public static AppliedMigration find(Connection connection, int version) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "select " + COLUMNS + " from " + TABLE + " where version = ?")) {
            statement.setInt(1, version);
            try (ResultSet rs = statement.executeQuery()) {
                return rs.next() ? row(rs) : null;
            }
        }
    }

    private static AppliedMigration row(ResultSet rs) throws SQLException {
        return new AppliedMigration(rs.getInt(1), rs.getString(2), rs.getString(3), rs.getString(4),
                rs.getLong(5), AppliedMigration.State.of(rs.getString(6)), rs.getInt(7));
    }

    static boolean exists(Connection connection, dev.permafrost.dialect.Dialect dialect) throws SQLException {
        return dialect.tableExists(connection, TABLE);
    }

    /** Creates the table unless it exists, with Permafrost's unquoted names so plain SQL finds it everywhere. */
    public static void create(Connection connection, SQLDialect dialect) {
        Create.run(connection, dialect);
    }

    /**
     * Creates the table unless it exists, with the dialect's own DDL where it has one
     * ({@link dev.permafrost.dialect.Dialect#historyTableSql}), so that a migration whose plan the processor rendered
     * loads no jOOQ class; otherwise rendered by jOOQ.
     */
    public static void create(Connection connection, dev.permafrost.dialect.Dialect dialect) {
        String sql = dialect.historyTableSql(TABLE);
        if (sql == null) {
            create(connection, dialect.jooq());
            return;
        }
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw dev.permafrost.message.Message.HISTORY_UNREADABLE.exception(e, "create", e.getMessage());
        }
    }

    /**
     * The history table's DDL per dialect, rendered once (a fleet or an SQLite migration asks for it every time), in a
     * class of its own so that the up-to-date start, which reads the history, loads no class of jOOQ.
     */
    private static final class Create {

        private static final java.util.Map<SQLDialect, String> SQL = new java.util.concurrent.ConcurrentHashMap<>();

        static void run(Connection connection, SQLDialect dialect) {
            String sql = SQL.computeIfAbsent(dialect, History::createSql);
            try (java.sql.Statement statement = connection.createStatement()) {
                statement.execute(sql);
            } catch (SQLException e) {
                throw new org.jooq.exception.DataAccessException("SQL [" + sql + "]; " + e.getMessage(), e);
            }
        }
    }

    /** {@code create table if not exists permafrost_history (..)} as jOOQ renders it for {@code dialect}. */
    static String createSql(SQLDialect dialect) {
        return DSL.using(dialect, Expressions.settings()).createTableIfNotExists(DSL.name(TABLE))
                .column(DSL.name("version"), SQLDataType.INTEGER.nullable(false))
                .column(DSL.name("description"), SQLDataType.VARCHAR(200).nullable(false))
                .column(DSL.name("checksum"), SQLDataType.VARCHAR(64).nullable(false))
                .column(DSL.name("applied_at"), SQLDataType.VARCHAR(40).nullable(false))
                .column(DSL.name("execution_ms"), SQLDataType.BIGINT.nullable(false))
                .column(DSL.name("state"), SQLDataType.VARCHAR(10).nullable(false))
                .column(DSL.name("statements"), SQLDataType.INTEGER.nullable(false))
                .constraints(DSL.constraint(DSL.name("pk_" + TABLE)).primaryKey(DSL.name("version")))
                .getSQL(org.jooq.conf.ParamType.INLINED);
    }

    public static void insert(Connection connection, AppliedMigration row) throws SQLException {
        insertAll(connection, List.of(row));
    }

    /** Inserts {@code rows} in one batch (the rows a squashed baseline records). */
    public static void insertAll(Connection connection, List<AppliedMigration> rows) throws SQLException {
        if (rows.isEmpty()) {
            return;
        }
        try (PreparedStatement statement = connection.prepareStatement(
                "insert into " + TABLE + " (" + COLUMNS + ") values (?, ?, ?, ?, ?, ?, ?)")) {
            for (AppliedMigration row : rows) {
                statement.setInt(1, row.version());
                statement.setString(2, fits(row.description()));
                statement.setString(3, row.checksum());
                statement.setString(4, row.appliedAt());
                statement.setLong(5, row.executionMillis());
                statement.setString(6, row.state().sql());
                statement.setInt(7, row.statements());
                if (rows.size() == 1) {
                    statement.executeUpdate();
                } else {
                    statement.addBatch();
                }
            }
            if (rows.size() > 1) {
                statement.executeBatch();
            }
        }
    }

    /** Records progress of a migration running without transactional DDL. */
    public static void progress(Connection connection, int version, AppliedMigration.State state, int statements,
                                long executionMillis) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "update " + TABLE + " set state = ?, statements = ?, execution_ms = ? where version = ?")) {
            statement.setString(1, state.sql());
            statement.setInt(2, statements);
            statement.setLong(3, executionMillis);
            statement.setInt(4, version);
            statement.executeUpdate();
        }
    }

    public static void delete(Connection connection, int version) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("delete from " + TABLE + " where version = ?")) {
            statement.setInt(1, version);
            statement.executeUpdate();
        }
    }

    /**
     * Records in the current checksum scheme every applied migration whose row holds the older whole-source
     * checksum of the same source, returning how many it changed.
     */
    public static int upgradeChecksums(Connection connection, List<MigrationEntry> known) throws SQLException {
        int changed = 0;
        try (PreparedStatement statement = connection.prepareStatement(
                "update " + TABLE + " set checksum = ? where version = ? and checksum = ?")) {
            for (MigrationEntry entry : known) {
                if (entry.sourceChecksum() != null && !entry.sourceChecksum().equals(entry.checksum())) {
                    statement.setString(1, entry.checksum());
                    statement.setInt(2, entry.version());
                    statement.setString(3, entry.sourceChecksum());
                    changed += statement.executeUpdate();
                }
            }
        }
        return changed;
    }

    /** Deletes the rows of migrations that stopped part way, returning how many there were. */
    public static int deleteIncomplete(Connection connection) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("delete from " + TABLE + " where state <> ?")) {
            statement.setString(1, AppliedMigration.State.APPLIED.sql());
            return statement.executeUpdate();
        }
    }

    /** A description as the history table stores it: at most 200 characters. */
    static String fits(String description) {
        return description.length() <= 200 ? description : description.substring(0, 197) + "...";
    }
}
