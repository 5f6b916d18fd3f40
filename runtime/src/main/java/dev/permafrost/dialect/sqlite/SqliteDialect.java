package dev.permafrost.dialect.sqlite;

import dev.permafrost.dialect.Dialect;
import dev.permafrost.dialect.LiveReading;
import dev.permafrost.dialect.MigrationLock;
import dev.permafrost.dialect.MigrationTransaction;
import dev.permafrost.dialect.SqlRenderer;
import dev.permafrost.dialect.TableRebuilds;
import dev.permafrost.diff.Op;
import dev.permafrost.model.ColumnType;
import dev.permafrost.model.Index;
import dev.permafrost.model.Schema;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.jooq.DataType;
import org.jooq.SQLDialect;
import org.jooq.impl.DefaultDataType;
import org.jooq.impl.SQLDataType;

/**
 * SQLite: changes {@code ALTER TABLE} cannot make rebuild the table ({@link SqliteRebuild}); a migration's
 * transaction begins with {@code BEGIN IMMEDIATE}, which takes the write lock up front under a busy timeout
 * and is the only lock; foreign-key enforcement is switched off before a transaction that rebuilds (it cannot
 * change inside one) and {@code foreign_key_check} runs before its commit; the live schema is the DDL SQLite
 * keeps, read like a snapshot.
 */
public final class SqliteDialect implements Dialect {

    public static final SqliteDialect INSTANCE = new SqliteDialect();

    private SqliteDialect() {
    }

    /** One file per database: no schemas. */
    @Override
    public boolean hasSchemas() {
        return false;
    }

    @Override
    public String historyTableSql(String table) {
        return Dialect.historyTableSql(table, "int8");
    }

    @Override
    public String displayName() {
        return "SQLite";
    }

    @Override
    public SQLDialect jooq() {
        return SQLDialect.SQLITE;
    }

    /** JSON is text on SQLite (its json functions read text); a declared {@code json} would have numeric affinity. */
    @Override
    public DataType<?> type(ColumnType type) {
        return type.kind() == ColumnType.Kind.JSON ? SQLDataType.CLOB : Dialect.super.type(type);
    }

    /** SQLite spells time as {@code datetime} and a UUID as {@code varchar(36)}. */
    @Override
    public ColumnType storedType(ColumnType type) {
        return switch (type.kind()) {
            case JSON -> ColumnType.TEXT;
            case TIME -> ColumnType.TIMESTAMP;
            case UUID -> ColumnType.varchar(36);
            default -> type;
        };
    }

    @Override
    public boolean hasSequences() {
        return false;
    }

    /**
     * A column SQLite numbers is an alias of the rowid: declared exactly {@code integer} (any other spelling,
     * {@code int} or {@code bigint}, is not) and the table's only primary-key column. Not
     * {@code autoincrement}: SQLite may then reuse the number of the newest row once it is deleted, as
     * most applications allow; the rowid is 64-bit whatever the declared integer type.
     */
    @Override
    public DataType<?> identity(DataType<?> type) {
        return DefaultDataType.getDataType(SQLDialect.SQLITE, "integer").nullable(false);
    }

    /** A rowid alias is declared {@code integer}, whatever the entity's integer type; it holds 64 bits. */
    @Override
    public ColumnType storedIdentityType(ColumnType type) {
        return ColumnType.INTEGER;
    }

    @Override
    public boolean rebuildNeeded(Op op, Schema before) {
        return SqliteRebuild.needed(op, before);
    }

    @Override
    public TableRebuilds rebuilds() {
        return SqliteRebuilds.INSTANCE;
    }

    /** SQLite cannot rename an index: it is dropped and created under the new name. */
    @Override
    public List<String> render(Op op, Schema before, SqlRenderer renderer) {
        if (op instanceof Op.RenameConstraint rename) {
            Index index = before.table(op.table()).orElseThrow().indexes().stream()
                    .filter(i -> i.name().equals(rename.constraint())).findFirst().orElse(null);
            if (index != null) {
                return List.of(renderer.dropIndex(op.table(), index),
                        renderer.createIndex(op.table(), index.withName(rename.newName())));
            }
        }
        return renderer.standard(op, before);
    }

    @Override
    public LiveReading read(Connection connection, Set<String> ignoredTables) throws SQLException {
        return SqliteCatalog.read(connection, ignoredTables);
    }

    /** SQLite has no schemas: JDBC metadata is asked for any. */
    @Override
    public String metadataSchema(Connection connection) {
        return null;
    }

    /** The busy timeout, for the {@code BEGIN IMMEDIATE} of each migration, which is the lock. */
    @Override
    public MigrationLock lock(Connection connection, Duration timeout) throws SQLException {
        int previous;
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery("pragma busy_timeout")) {
            previous = rs.next() ? rs.getInt(1) : 0;
        }
        execute(connection, "pragma busy_timeout = " + Math.min(timeout.toMillis(), Integer.MAX_VALUE));
        return MigrationLock.releasedBy(MigrationLock.quietly(() -> execute(connection, "pragma busy_timeout = " + previous)));
    }

    @Override
    public boolean missingTableFailsQuietly() {
        return true;
    }

    @Override
    public boolean transactionIsTheLock() {
        return true;
    }

    @Override
    public MigrationTransaction begin(Connection connection, boolean rebuilds) throws SQLException {
        boolean foreignKeysWereOn = rebuilds && foreignKeysOn(connection);
        if (foreignKeysWereOn) {
            // Must happen outside the transaction, where SQLite honours it: a rebuild with enforcement on
            // would let ON DELETE CASCADE empty the child tables.
            execute(connection, "pragma foreign_keys = off");
        }
        try {
            execute(connection, "begin immediate");
        } catch (SQLException e) {
            restore(connection, foreignKeysWereOn);
            throw e;
        }
        return new MigrationTransaction() {
            @Override
            public List<String> violations() throws SQLException {
                List<String> violations = new ArrayList<>();
                if (foreignKeysWereOn) {
                    try (Statement statement = connection.createStatement();
                         ResultSet rs = statement.executeQuery("pragma foreign_key_check")) {
                        while (rs.next() && violations.size() < 10) {
                            violations.add("row " + rs.getLong(2) + " of " + rs.getString(1)
                                    + " references a missing row of " + rs.getString(3));
                        }
                    }
                }
                return violations;
            }

            @Override
            public void commit() throws SQLException {
                execute(connection, "commit");
            }

            @Override
            public void rollback() throws SQLException {
                execute(connection, "rollback");
            }

            @Override
            public void close() {
                restore(connection, foreignKeysWereOn);
            }
        };
    }

    private static boolean foreignKeysOn(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery("pragma foreign_keys")) {
            return rs.next() && rs.getInt(1) == 1;
        }
    }

    private static void restore(Connection connection, boolean foreignKeysWereOn) {
        if (foreignKeysWereOn) {
            try {
                execute(connection, "pragma foreign_keys = on");
            } catch (SQLException ignored) {
                // A closed connection cannot be restored, and is not reused.
            }
        }
    }

    static void execute(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
