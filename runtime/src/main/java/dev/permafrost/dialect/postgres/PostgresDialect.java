package dev.permafrost.dialect.postgres;

import dev.permafrost.dialect.Dialect;
import dev.permafrost.dialect.LiveReading;
import dev.permafrost.dialect.LockSafe;
import dev.permafrost.dialect.MigrationLock;
import dev.permafrost.dialect.SqlRenderer;
import dev.permafrost.diff.Op;
import dev.permafrost.model.ColumnType;
import dev.permafrost.model.ForeignKey;
import dev.permafrost.model.Index;
import dev.permafrost.model.Names;
import dev.permafrost.model.Schema;
import dev.permafrost.model.Table;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jooq.DataType;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;

/**
 * PostgreSQL: transactional DDL, a session-level advisory lock, the schema read from {@code pg_catalog}.
 */
public final class PostgresDialect implements Dialect {

    public static final PostgresDialect INSTANCE = new PostgresDialect();

    private PostgresDialect() {
    }

    /** One cheap query instead of JDBC metadata's, which scans the catalog of every tenant schema of the database. */
    @Override
    public boolean tableExists(Connection connection, String table) throws SQLException {
        try (java.sql.PreparedStatement statement = connection.prepareStatement(
                "select to_regclass(quote_ident(current_schema()) || '.' || quote_ident(?)) is not null")) {
            statement.setString(1, table);
            try (java.sql.ResultSet rs = statement.executeQuery()) {
                return rs.next() && rs.getBoolean(1);
            }
        }
    }

    @Override
    public Set<String> existingTables(Connection connection, Set<String> tables) throws SQLException {
        Set<String> found = new java.util.TreeSet<>();
        try (java.sql.PreparedStatement statement = connection.prepareStatement("select c.relname from pg_class c"
                + " join pg_namespace n on n.oid = c.relnamespace where n.nspname = current_schema()"
                + " and c.relkind in ('r', 'p') and c.relname = any (?)")) {
            statement.setArray(1, connection.createArrayOf("text", tables.toArray()));
            try (java.sql.ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    found.add(rs.getString(1));
                }
            }
        }
        return found;
    }

    @Override
    public String historyTableSql(String table) {
        return Dialect.historyTableSql(table, "bigint");
    }

    @Override
    public String displayName() {
        return "PostgreSQL";
    }

    @Override
    public String nativeKey() {
        return "postgresql";
    }

    @Override
    public SQLDialect jooq() {
        return SQLDialect.POSTGRES;
    }

    /**
     * Dropping a unique index drops and re-adds the foreign keys that may be bound to it: PostgreSQL binds a
     * foreign key to a unique index over its referenced columns in any order ("cannot drop index .. because
     * other objects depend on it"), and binds it again to another on re-adding.
     */
    /** JSON is {@code jsonb}: stored parsed, indexable, compared by value. */
    @Override
    public DataType<?> type(ColumnType type) {
        return type.kind() == ColumnType.Kind.JSON ? SQLDataType.JSONB : Dialect.super.type(type);
    }

    @Override
    public List<String> render(Op op, Schema before, SqlRenderer renderer) {
        if (op instanceof Op.DropIndex drop && drop.index().unique()) {
            Index index = drop.index();
            Map<String, List<ForeignKey>> relying = new LinkedHashMap<>();
            for (Table other : before.tables()) {
                for (ForeignKey fk : other.foreignKeys()) {
                    if (fk.referencedTable().equals(drop.table()) && fk.referencedColumns().size() == index.columns().size()
                            && Set.copyOf(fk.referencedColumns()).equals(Set.copyOf(index.columns()))) {
                        relying.computeIfAbsent(other.name(), t -> new ArrayList<>()).add(fk);
                    }
                }
            }
            return renderer.dropIndexAround(before, drop.table(), index, List.of(), relying);
        }
        return renderer.standard(op, before);
    }

    /**
     * On a table with rows: indexes are built and dropped {@code concurrently} (writers go on; outside any
     * transaction); foreign keys and checks are added {@code not valid} in the migration's transaction (a short lock,
     * no scan) and validated afterwards on their own ({@code share update exclusive}: writers go on); a unique key is
     * a unique index built concurrently, then attached ({@code unique using index}); {@code not null} is a check
     * {@code (c is not null)} added not valid and validated, after which {@code set not null} uses it instead of
     * scanning (PostgreSQL 12+), and the check is dropped. Every concurrent build first drops an invalid leftover of
     * a build that failed or was killed, and skips an index that is there and valid, so a step runs again safely.
     */
    @Override
    public LockSafe lockSafe(Op op, Schema before, SqlRenderer renderer) {
        return switch (op) {
            case Op.CreateIndex o -> new LockSafe(List.of(LockSafe.Part.build(
                    concurrently(renderer.createIndex(o.table(), o.index())), o.index().name())));
            case Op.DropIndex o when !o.index().unique() -> new LockSafe(List.of(LockSafe.Part.online(
                    "drop index concurrently if exists " + renderer.context().render(SqlRenderer.name(o.index().name())))));
            case Op.AddForeignKey o -> notValid(o.table(), o.foreignKey().name(), renderer.standard(op, before), renderer);
            case Op.AddCheck o -> notValid(o.table(), o.check().name(), renderer.standard(op, before), renderer);
            case Op.AddUnique o -> {
                var ctx = renderer.context();
                Index index = new Index(o.unique().name(), o.unique().columns(), true);
                yield new LockSafe(List.of(LockSafe.Part.build(concurrently(renderer.createIndex(o.table(), index)),
                        index.name()), LockSafe.Part.inTransaction(ctx.render(DSL.query(
                        "alter table {0} add constraint {1} unique using index {1}", SqlRenderer.name(o.table()),
                        SqlRenderer.name(o.unique().name()))))));
            }
            case Op.AlterColumn o when o.nullabilityChanges() && !o.to().nullable() && !o.typeChanges() ->
                    notNull(o, renderer.render(op, before), renderer);
            default -> null;
        };
    }

    /** {@code create [unique] index concurrently if not exists ..}: a rerun skips an index that is there and valid. */
    private static String concurrently(String createIndex) {
        return createIndex.replaceFirst("^create (unique )?index ", "create $1index concurrently if not exists ");
    }

    private static LockSafe notValid(String table, String constraint, List<String> add, SqlRenderer renderer) {
        List<LockSafe.Part> parts = new ArrayList<>();
        add.forEach(sql -> parts.add(LockSafe.Part.inTransaction(sql + " not valid")));
        parts.add(LockSafe.Part.online(validate(table, constraint, renderer)));
        return new LockSafe(parts);
    }

    private static String validate(String table, String constraint, SqlRenderer renderer) {
        return renderer.context().render(DSL.query("alter table {0} validate constraint {1}", SqlRenderer.name(table),
                SqlRenderer.name(constraint)));
    }

    /** The plain statements with {@code set not null} replaced by a validated helper check, then the helper dropped. */
    private static LockSafe notNull(Op.AlterColumn op, List<String> plain, SqlRenderer renderer) {
        String setNotNull = renderer.setNotNull(op.table(), op.column());
        if (!plain.contains(setNotNull)) {
            return null;
        }
        var ctx = renderer.context();
        String helper = Names.shorten("pf_nn_" + op.table() + "_" + op.column());
        List<LockSafe.Part> parts = new ArrayList<>();
        for (String sql : plain) {
            if (!sql.equals(setNotNull)) {
                parts.add(LockSafe.Part.inTransaction(sql));
                continue;
            }
            parts.add(LockSafe.Part.inTransaction(ctx.render(DSL.query("alter table {0} add constraint {1} check ({2} is"
                    + " not null) not valid", SqlRenderer.name(op.table()), SqlRenderer.name(helper),
                    DSL.field(SqlRenderer.name(op.column()))))));
            parts.add(LockSafe.Part.online(validate(op.table(), helper, renderer)));
            parts.add(LockSafe.Part.inTransaction(sql));
            parts.add(LockSafe.Part.inTransaction(ctx.render(DSL.query("alter table {0} drop constraint if exists {1}",
                    SqlRenderer.name(op.table()), SqlRenderer.name(helper)))));
        }
        return new LockSafe(parts);
    }

    @Override
    public String lockTimeout(Duration timeout, boolean local) {
        return "set " + (local ? "local " : "") + "lock_timeout = '" + Math.max(1, timeout.toMillis()) + "ms'";
    }

    @Override
    public String resetLockTimeout() {
        return "reset lock_timeout";
    }

    /**
     * {@code lock_not_available}: the statement gave up waiting for its lock after {@code lock_timeout}; or
     * {@code deadlock_detected}: PostgreSQL rolled the transaction back to break a deadlock with another session.
     * Either way nothing of it stayed, and it can run again.
     */
    @Override
    public boolean lockNotGranted(SQLException e) {
        return "55P03".equals(e.getSQLState()) || "40P01".equals(e.getSQLState());
    }

    @Override
    public void dropInvalidIndex(Connection connection, String index) throws SQLException {
        boolean invalid;
        try (var statement = connection.prepareStatement("select 1 from pg_index i join pg_class c on c.oid = i.indexrelid"
                + " join pg_namespace n on n.oid = c.relnamespace where c.relname = ? and n.nspname = current_schema()"
                + " and not i.indisvalid")) {
            statement.setString(1, index);
            try (var rs = statement.executeQuery()) {
                invalid = rs.next();
            }
        }
        if (invalid) {
            try (var statement = connection.createStatement()) {
                statement.execute("drop index concurrently if exists \"" + index.replace("\"", "\"\"") + "\"");
            }
        }
    }

    /** The sequence belongs to its column: PostgreSQL drops it with the column or table, and keeps it across renames. */
    @Override
    public String sequenceOwner(String table, String column, SqlRenderer renderer) {
        return " owned by " + renderer.context().render(DSL.field(DSL.name(SqlRenderer.name(table), SqlRenderer.name(column))));
    }

    /** {@code setval}, so that the next value the application takes is above the rows already there. */
    @Override
    public List<String> continueSequence(String table, String column, dev.permafrost.model.Sequence sequence,
                                         SqlRenderer renderer) {
        var ctx = renderer.context();
        String regclass = ctx.render(SqlRenderer.name(sequence.name())); // quoted where reserved, as regclass reads it
        return List.of(ctx.render(DSL.query("select setval({0}, ({1}), false)", DSL.inline(regclass),
                renderer.nextSequenceValue(table, column, sequence))));
    }

    /** {@code setval} on the identity's sequence, so that the next number is one above the rows already there. */
    @Override
    public List<String> continueIdentity(String table, String column, SqlRenderer renderer) {
        var ctx = renderer.context();
        String sequence = ctx.render(DSL.function("pg_get_serial_sequence", String.class, DSL.inline(table),
                DSL.inline(column)));
        return List.of(ctx.render(DSL.query("select setval({0}, ({1}), false)", DSL.field(sequence),
                renderer.nextIdentityValue(table, column))));
    }

    @Override
    public LiveReading read(Connection connection, Set<String> ignoredTables) throws SQLException {
        return PostgresCatalog.read(connection, ignoredTables);
    }

    /**
     * A session-level {@code pg_try_advisory_lock}, retried with backoff: a transaction-level lock would deadlock
     * with {@code CREATE INDEX CONCURRENTLY}.
     */
    @Override
    public MigrationLock lock(Connection connection, Duration timeout) throws SQLException {
        String key = "hashtext('permafrost'), hashtext(current_schema())";
        long deadline = System.nanoTime() + timeout.toNanos();
        long wait = 20;
        while (!MigrationLock.queryBoolean(connection, "select pg_try_advisory_lock(" + key + ")")) {
            if (System.nanoTime() > deadline) {
                throw MigrationLock.timeout("PostgreSQL advisory lock (" + key + ")", timeout);
            }
            MigrationLock.sleep(wait);
            wait = Math.min(wait * 2, 500);
        }
        return MigrationLock.releasedBy(MigrationLock.quietly(
                () -> MigrationLock.queryBoolean(connection, "select pg_advisory_unlock(" + key + ")")));
    }
}
