package dev.permafrost.dialect.mariadb;

import dev.permafrost.dialect.Dialect;
import dev.permafrost.dialect.LiveReading;
import dev.permafrost.dialect.LockSafe;
import dev.permafrost.dialect.MigrationLock;
import dev.permafrost.dialect.SqlRenderer;
import dev.permafrost.diff.Op;
import dev.permafrost.model.Check;
import dev.permafrost.model.Column;
import dev.permafrost.model.ColumnType;
import dev.permafrost.model.ForeignKey;
import dev.permafrost.model.Index;
import dev.permafrost.model.Schema;
import dev.permafrost.model.Table;
import dev.permafrost.sql.Expressions;
import dev.permafrost.sql.Identifiers;
import dev.permafrost.sql.Literals;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jooq.DataType;
import org.jooq.Field;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;

/**
 * MariaDB, and MySQL on the same code paths (tested on MariaDB only): every DDL statement commits; times keep
 * microseconds only when told, instants are {@code datetime(6)} in UTC (there is no zoned type), {@code real}
 * is stored as double precision and UUIDs as {@code varchar(36)}; every primary key is named {@code PRIMARY}
 * and unique constraints are indexes; {@code GET_LOCK} makes one instance migrate.
 */
public final class MariaDbDialect implements Dialect {

    public static final MariaDbDialect MARIADB = new MariaDbDialect(SQLDialect.MARIADB, "MariaDB");
    public static final MariaDbDialect MYSQL = new MariaDbDialect(SQLDialect.MYSQL, "MySQL");

    private final SQLDialect dialect;
    private final String name;

    private MariaDbDialect(SQLDialect dialect, String name) {
        this.dialect = dialect;
        this.name = name;
    }

    @Override
    public String historyTableSql(String table) {
        return Dialect.historyTableSql(table, "bigint");
    }

    @Override
    public String displayName() {
        return name;
    }

    /** MariaDB and MySQL share one key: their types differ, but a project declares one of them. */
    @Override
    public String nativeKey() {
        return "mariadb";
    }

    @Override
    public SQLDialect jooq() {
        return dialect;
    }

    @Override
    public boolean missingTableFailsQuietly() {
        return true;
    }

    @Override
    public boolean transactionalDdl() {
        return false;
    }

    /** MariaDB has had sequences since 10.3; MySQL has none. */
    @Override
    public boolean hasSequences() {
        return dialect == SQLDialect.MARIADB;
    }

    /** A sequence is a kind of table here, renamed like one. */
    @Override
    public List<String> renameSequence(dev.permafrost.model.Sequence from, dev.permafrost.model.Sequence to,
                                       String table, String column, SqlRenderer renderer) {
        return List.of(renderer.context().render(DSL.query("rename table {0} to {1}", SqlRenderer.name(from.name()),
                SqlRenderer.name(to.name()))));
    }

    /**
     * {@code execute immediate} here takes no subquery, so the value goes through a session variable (the
     * statements of a migration run on one connection).
     */
    @Override
    public List<String> continueSequence(String table, String column, dev.permafrost.model.Sequence sequence,
                                         SqlRenderer renderer) {
        var ctx = renderer.context();
        String restart = ctx.render(DSL.query("alter sequence {0} restart with ", SqlRenderer.name(sequence.name())));
        return List.of("set @permafrost_next = (" + ctx.render(renderer.nextSequenceValue(table, column, sequence)) + ")",
                "execute immediate concat(" + ctx.render(DSL.inline(restart)) + ", @permafrost_next)");
    }

    @Override
    public DataType<?> type(ColumnType type) {
        return switch (type.kind()) {
            case TIME -> SQLDataType.TIME(6);
            case TIMESTAMP, TIMESTAMP_TZ -> SQLDataType.TIMESTAMP(6);
            default -> Dialect.super.type(type);
        };
    }

    @Override
    public ColumnType storedType(ColumnType type) {
        return switch (type.kind()) {
            case REAL -> ColumnType.DOUBLE;
            case TIMESTAMP_TZ -> ColumnType.TIMESTAMP;
            case UUID -> ColumnType.varchar(36);
            default -> type;
        };
    }

    @Override
    public boolean uniqueIndexesAreConstraints() {
        return true;
    }

    @Override
    public boolean keepsPrimaryKeyNames() {
        return false;
    }

    /** The current time with the fraction of {@code datetime(6)}; a zoned literal as the UTC time it stands for. */
    @Override
    public Field<?> defaultField(String canonical, ColumnType type) {
        if (canonical.equals("current_timestamp")
                && (type.kind() == ColumnType.Kind.TIMESTAMP || type.kind() == ColumnType.Kind.TIMESTAMP_TZ)) {
            return DSL.field("current_timestamp(6)");
        }
        String text = type.kind() == ColumnType.Kind.TIMESTAMP_TZ ? Literals.text(canonical) : null;
        OffsetDateTime instant = text == null ? null : Literals.instant(text);
        if (instant != null) {
            return DSL.inline(instant.withOffsetSameInstant(ZoneOffset.UTC).toLocalDateTime(), SQLDataType.LOCALDATETIME(6));
        }
        return Expressions.defaultField(canonical);
    }

    @Override
    public String liveExpression(String reported) {
        return standardStrings(reported);
    }

    /**
     * MariaDB's and MySQL's string literals in standard SQL: they escape with backslashes ({@code 'it\'s'}, as
     * MariaDB reports a default), which jOOQ's parser does not read; a quote is doubled instead. {@code \%} and
     * {@code \_} keep their backslash, as MySQL does.
     */
    static String standardStrings(String sql) {
        StringBuilder out = new StringBuilder(sql.length());
        boolean inString = false;
        for (int i = 0; i < sql.length(); i++) {
            char c = sql.charAt(i);
            if (!inString) {
                inString = c == '\'';
                out.append(c);
            } else if (c == '\\' && i + 1 < sql.length()) {
                char next = sql.charAt(++i);
                switch (next) {
                    case '\'' -> out.append("''");
                    case 'n' -> out.append('\n');
                    case 't' -> out.append('\t');
                    case 'r' -> out.append('\r');
                    case '0' -> out.append('\0');
                    case '%', '_' -> out.append('\\').append(next);
                    default -> out.append(next);
                }
            } else if (c == '\'' && i + 1 < sql.length() && sql.charAt(i + 1) == '\'') {
                out.append("''");
                i++;
            } else {
                inString = c != '\'';
                out.append(c);
            }
        }
        return out.toString();
    }

    /**
     * The unique key an {@code auto_increment} column has while it is not the primary key: MariaDB numbers only a
     * column that is a key, so a column that becomes an identity before its primary key is added (in the same
     * migration), or keeps it after the key is dropped (on the way back), holds this key in between.
     */
    static final String IDENTITY_KEY = "permafrost_identity";

    /**
     * On a table with rows: an index is added with {@code algorithm=inplace, lock=none} and a column with
     * {@code algorithm=instant} (InnoDB changes only metadata), so that writers go on; where InnoDB cannot do that for
     * this table (a full-text index, say) the plain statement runs instead, with a warning. The compile-time lint
     * (PF510) names the type changes that copy the table.
     */
    @Override
    public LockSafe lockSafe(Op op, Schema before, SqlRenderer renderer) {
        String clause = switch (op) {
            case Op.CreateIndex o -> " algorithm = inplace lock = none";
            case Op.AddColumn o when !o.column().identity() && o.column().sequence() == null -> ", algorithm = instant";
            default -> null;
        };
        if (clause == null) {
            return null;
        }
        List<String> plain = render(op, before, renderer);
        if (plain.size() != 1 || !plain.get(0).startsWith(op instanceof Op.CreateIndex ? "create " : "alter table ")) {
            return null;
        }
        String sql = plain.get(0);
        return new LockSafe(List.of(LockSafe.Part.orElse(sql + clause, sql)));
    }

    /** A MariaDB schema is a database: the connection's catalog. */
    @Override
    public void useSchema(Connection connection, String schema) throws SQLException {
        connection.setCatalog(schema);
    }

    @Override
    public String currentSchema(Connection connection) throws SQLException {
        return connection.getCatalog();
    }

    /** {@code ER_ALTER_OPERATION_NOT_SUPPORTED} and {@code _REASON}: InnoDB cannot use that algorithm or lock here. */
    @Override
    public boolean refusedOnline(SQLException e) {
        return e.getErrorCode() == 1845 || e.getErrorCode() == 1846;
    }

    @Override
    public List<String> render(Op op, Schema before, SqlRenderer renderer) {
        var ctx = renderer.context();
        var table = DSL.table(Identifiers.name(op.table()));
        Table current = before.table(op.table()).orElse(null);
        Column identity = current == null ? null
                : current.columns().stream().filter(Column::identity).findFirst().orElse(null);
        boolean identityIsKey = identity != null && current.primaryKey() != null
                && current.primaryKey().columns().equals(List.of(identity.name()));
        if (op instanceof Op.AddColumn add && add.column().identity()) {
            return List.of(renderer.standard(op, before).get(0) + ", " + identityKey(ctx, add.column().name(), true));
        }
        if (op instanceof Op.AlterColumn alter) {
            // jOOQ writes the drop as "set default null", which a NOT NULL column refuses.
            List<String> statements = new ArrayList<>(renderer.redefineColumn(alter, ctx.render(DSL.query(
                    "alter table {0} alter column {1} drop default", table, DSL.field(Identifiers.name(alter.column()))))));
            boolean key = current != null && current.primaryKey() != null
                    && current.primaryKey().columns().equals(List.of(alter.column()));
            if (alter.identityChanges() && !key) {
                // The key must come in the statement that makes the column an identity (or takes that away).
                int redefine = statements.size() - 1;
                while (redefine >= 0 && !statements.get(redefine).contains(" change column ")
                        && !statements.get(redefine).contains(" modify ")) {
                    redefine--;
                }
                String clause = identityKey(ctx, alter.column(), alter.to().identity());
                if (redefine >= 0) {
                    statements.set(redefine, statements.get(redefine) + ", " + clause);
                } else {
                    statements.add(ctx.render(DSL.query("alter table {0} ", table)) + clause);
                }
            }
            return statements;
        }
        if (op instanceof Op.AddPrimaryKey && identity != null && !identityIsKey) {
            return List.of(renderer.standard(op, before).get(0) + ", " + identityKey(ctx, identity.name(), false));
        }
        if (op instanceof Op.DropPrimaryKey) {
            String drop = ctx.alterTable(table).dropPrimaryKey().getSQL();
            return List.of(identityIsKey ? drop + ", " + identityKey(ctx, identity.name(), true) : drop);
        }
        if (op instanceof Op.DropUnique drop) {
            // A unique key is an index to InnoDB, and may be the one a foreign key uses.
            Table owner = before.table(op.table()).orElseThrow();
            Table without = owner.withUniques(owner.uniques().stream()
                    .filter(u -> !u.name().equals(drop.unique().name())).toList());
            Schema view = before.with(without);
            return dropIndex(new Op.DropIndex(op.table(), new Index(drop.unique().name(), drop.unique().columns(), true)),
                    view, renderer);
        }
        if (op instanceof Op.DropForeignKey drop) {
            return dropForeignKey(renderer, op.table(), drop.foreignKey().name());
        }
        if (op instanceof Op.DropIndex drop) {
            return dropIndex(drop, before, renderer);
        }
        if (op instanceof Op.RenameConstraint rename) {
            return renameConstraint(rename, before.table(op.table()).orElseThrow(), renderer);
        }
        return renderer.standard(op, before);
    }

    /** The clause that adds {@link #IDENTITY_KEY} on {@code column}, or drops it. */
    private static String identityKey(org.jooq.DSLContext ctx, String column, boolean add) {
        return add ? ctx.render(DSL.query("add constraint {0} unique ({1})", Identifiers.name(IDENTITY_KEY), Identifiers.name(column)))
                : ctx.render(DSL.query("drop index {0}", Identifiers.name(IDENTITY_KEY)));
    }

    /** Drops a foreign key and the index MariaDB created for it, named after it, if it did (the key's drop keeps it). */
    private static List<String> dropForeignKey(SqlRenderer renderer, String table, String foreignKey) {
        var ctx = renderer.context();
        var jooqTable = DSL.table(Identifiers.name(table));
        return List.of(ctx.alterTable(jooqTable).dropForeignKey(Identifiers.name(foreignKey)).getSQL(),
                ctx.dropIndexIfExists(Identifiers.name(foreignKey)).on(jooqTable).getSQL());
    }

    /**
     * InnoDB uses an index whose first columns are a foreign key's, in order, on either side of the key, unless
     * another index, unique key or primary key has them ("needed in a foreign key constraint"): such keys are
     * dropped and added again around the drop.
     */
    private static List<String> dropIndex(Op.DropIndex op, Schema before, SqlRenderer renderer) {
        Table table = before.table(op.table()).orElseThrow();
        Index index = op.index();
        Map<String, List<ForeignKey>> relying = new LinkedHashMap<>();
        for (Table other : before.tables()) {
            for (ForeignKey fk : other.foreignKeys()) {
                boolean own = other.name().equals(table.name()) && onlyPrefix(table, index, fk.columns());
                boolean referenced = fk.referencedTable().equals(table.name())
                        && onlyPrefix(table, index, fk.referencedColumns());
                if (own || referenced) {
                    relying.computeIfAbsent(other.name(), t -> new ArrayList<>()).add(fk);
                }
            }
        }
        return renderer.dropIndexAround(before, table.name(), index, List.of(), relying);
    }

    /** Whether {@code columns} are the first columns of {@code index} and of no other index or key of {@code table}. */
    private static boolean onlyPrefix(Table table, Index index, List<String> columns) {
        if (!startsWith(index.columns(), columns)) {
            return false;
        }
        List<List<String>> others = new ArrayList<>();
        table.indexes().stream().filter(i -> !i.name().equals(index.name())).forEach(i -> others.add(i.columns()));
        table.uniques().forEach(u -> others.add(u.columns()));
        if (table.primaryKey() != null) {
            others.add(table.primaryKey().columns());
        }
        return others.stream().noneMatch(o -> startsWith(o, columns));
    }

    private static boolean startsWith(List<String> columns, List<String> prefix) {
        return columns.size() >= prefix.size() && columns.subList(0, prefix.size()).equals(prefix);
    }

    /** MariaDB renames indexes but not constraints: a unique key is an index; others are dropped and added. */
    private static List<String> renameConstraint(Op.RenameConstraint op, Table table, SqlRenderer renderer) {
        var ctx = renderer.context();
        var jooqTable = DSL.table(Identifiers.name(op.table()));
        boolean index = table.indexes().stream().anyMatch(i -> i.name().equals(op.constraint()))
                || table.uniques().stream().anyMatch(u -> u.name().equals(op.constraint()));
        if (index) {
            return List.of(ctx.alterTable(jooqTable).renameIndex(Identifiers.name(op.constraint())).to(Identifiers.name(op.newName()))
                    .getSQL());
        }
        if (table.primaryKey() != null && table.primaryKey().name().equals(op.constraint())) {
            return List.of(); // MariaDB names every primary key PRIMARY.
        }
        for (ForeignKey fk : table.foreignKeys()) {
            if (fk.name().equals(op.constraint())) {
                List<String> statements = new ArrayList<>(dropForeignKey(renderer, op.table(), fk.name()));
                statements.add(ctx.alterTable(jooqTable).add(renderer.constraint(fk.withName(op.newName()))).getSQL());
                return statements;
            }
        }
        Check check = table.checks().stream().filter(c -> c.name().equals(op.constraint())).findFirst().orElseThrow();
        return List.of(ctx.alterTable(jooqTable).dropConstraint(Identifiers.name(check.name())).getSQL(),
                ctx.alterTable(jooqTable).add(renderer.constraint(check.withName(op.newName()))).getSQL());
    }

    @Override
    public LiveReading read(Connection connection, Set<String> ignoredTables) throws SQLException {
        return MariaDbCatalog.read(this, connection, ignoredTables);
    }

    /** {@code GET_LOCK} on {@code permafrost:<database>} with the timeout. */
    @Override
    public MigrationLock lock(Connection connection, Duration timeout) throws SQLException {
        try (PreparedStatement s = connection.prepareStatement("select get_lock(concat('permafrost:', database()), ?)")) {
            s.setLong(1, Math.max(1, timeout.toSeconds()));
            try (ResultSet rs = s.executeQuery()) {
                if (!rs.next() || rs.getInt(1) != 1) {
                    throw MigrationLock.timeout(name + " lock 'permafrost:<database>'", timeout);
                }
            }
        }
        return MigrationLock.releasedBy(MigrationLock.quietly(() -> MigrationLock.queryBoolean(connection,
                "select release_lock(concat('permafrost:', database())) = 1")));
    }
}
