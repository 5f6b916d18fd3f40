package dev.permafrost.dialect;

import dev.permafrost.diff.Op;
import dev.permafrost.model.ColumnType;
import dev.permafrost.model.Schema;
import dev.permafrost.sql.Expressions;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.jooq.DataType;
import org.jooq.Field;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;

/**
 * Everything Permafrost knows about one database: how its types and defaults are written and stored, the
 * statements it needs where standard SQL does not do, how its live schema is read, how one instance at a
 * time migrates it, and how a migration's transaction runs. One implementation per database, each in its
 * own package ({@code sqlite}, {@code postgres}, {@code mariadb}, {@code h2}); {@link Dialects} finds the
 * one behind a connection. The renderer, planner and executor are database-neutral and ask this.
 *
 * <p>The defaults are standard SQL as jOOQ renders it; an implementation overrides what its database does
 * otherwise. Detecting a database never loads jOOQ, so an up-to-date start stays cheap.
 */
public interface Dialect {

    /** The database's name for people: {@code PostgreSQL}. */
    String displayName();

    /** jOOQ's dialect, for rendering and running SQL. */
    SQLDialect jooq();

    /** Whether DDL runs inside transactions, so a failed migration leaves nothing behind. */
    default boolean transactionalDdl() {
        return true;
    }

    // ---- types and defaults ----

    /** The type jOOQ renders for a logical type here. */
    default DataType<?> type(ColumnType type) {
        return switch (type.kind()) {
            case BOOLEAN -> SQLDataType.BOOLEAN;
            case SMALLINT -> SQLDataType.SMALLINT;
            case INTEGER -> SQLDataType.INTEGER;
            case BIGINT -> SQLDataType.BIGINT;
            case DECIMAL -> SQLDataType.DECIMAL(type.precision(), type.scale());
            case REAL -> SQLDataType.REAL;
            case DOUBLE -> SQLDataType.DOUBLE;
            case VARCHAR -> SQLDataType.VARCHAR(type.length());
            case TEXT -> SQLDataType.CLOB;
            case DATE -> SQLDataType.DATE;
            case TIME -> SQLDataType.TIME;
            case TIMESTAMP -> SQLDataType.TIMESTAMP;
            case TIMESTAMP_TZ -> SQLDataType.TIMESTAMPWITHTIMEZONE;
            case UUID -> SQLDataType.UUID;
            case BLOB -> SQLDataType.BLOB;
        };
    }

    /**
     * The logical type a column of {@code type} has once this database stores it, as reading the database
     * back reports it (MariaDB keeps {@code real} as double precision).
     */
    default ColumnType storedType(ColumnType type) {
        return type;
    }

    /** Whether a unique index and a unique constraint are one thing here. */
    default boolean uniqueIndexesAreConstraints() {
        return false;
    }

    /** Whether the name given to a primary key is kept. */
    default boolean keepsPrimaryKeyNames() {
        return true;
    }

    /**
     * A column's canonical default (or fill) as it is rendered here. The current time is written as the plain
     * SQL keyword: jOOQ would cast it to a timestamp without zone on PostgreSQL (wrong for an instant column)
     * and a cast on SQLite would turn the text into a number.
     */
    default Field<?> defaultField(String canonical, ColumnType type) {
        if (canonical.equals("current_timestamp")
                && (type.kind() == ColumnType.Kind.TIMESTAMP || type.kind() == ColumnType.Kind.TIMESTAMP_TZ)) {
            return DSL.field("current_timestamp");
        }
        return Expressions.defaultField(canonical);
    }

    /** A default or condition as this database reports it, made readable for jOOQ's parser in its dialect. */
    default String liveExpression(String reported) {
        return reported;
    }

    // ---- statements ----

    /**
     * The statements performing {@code op} on a schema {@code before}; {@code renderer} renders the standard ones
     * ({@link SqlRenderer#standard}).
     */
    default List<String> render(Op op, Schema before, SqlRenderer renderer) {
        return renderer.standard(op, before);
    }

    /** Whether {@code op} can only be performed by rebuilding its table (SQLite); such ops are never rendered. */
    default boolean rebuildNeeded(Op op, Schema before) {
        return false;
    }

    /** How a table is rebuilt here; only asked where {@link #rebuildNeeded} ever says yes. */
    default TableRebuilds rebuilds() {
        throw new UnsupportedOperationException(displayName() + " never rebuilds a table");
    }

    // ---- the live schema ----

    /** What the live schema holds, leaving out {@code ignoredTables}. */
    default LiveReading read(Connection connection, Set<String> ignoredTables) throws SQLException {
        throw new UnsupportedOperationException("reading the live schema is supported on SQLite, PostgreSQL, MariaDB,"
                + " MySQL and H2, not on " + displayName());
    }

    /** The schema whose tables belong to the application, for JDBC metadata calls; {@code null} for any. */
    default String metadataSchema(Connection connection) throws SQLException {
        return connection.getSchema();
    }

    // ---- locking and transactions ----

    /** Takes the lock that makes one instance at a time migrate, released with {@link MigrationLock#close}. */
    default MigrationLock lock(Connection connection, Duration timeout) throws SQLException {
        return MigrationLock.inProcess(connection.getMetaData().getURL(), timeout);
    }

    /**
     * Whether the migration's own transaction is the lock (SQLite's {@code BEGIN IMMEDIATE}): then the history
     * table is created inside it rather than under {@link #lock}.
     */
    default boolean transactionIsTheLock() {
        return false;
    }

    /** Begins one migration's transaction (only where {@link #transactionalDdl}). */
    default MigrationTransaction begin(Connection connection, boolean rebuilds) throws SQLException {
        return MigrationTransaction.jdbc(connection);
    }
}
