package dev.permafrost.render;

import dev.permafrost.diff.Op;
import dev.permafrost.model.Check;
import dev.permafrost.model.Column;
import dev.permafrost.model.ColumnType;
import dev.permafrost.model.ForeignKey;
import dev.permafrost.model.Index;
import dev.permafrost.model.PrimaryKey;
import dev.permafrost.model.Schema;
import dev.permafrost.model.Table;
import dev.permafrost.model.Unique;
import dev.permafrost.sql.Expressions;
import dev.permafrost.sql.Jooq;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jooq.Constraint;
import org.jooq.DSLContext;
import org.jooq.DataType;
import org.jooq.Field;
import org.jooq.Name;
import org.jooq.SQLDialect;
import org.jooq.conf.StatementType;
import org.jooq.impl.DSL;
import org.jooq.impl.QOM;
import org.jooq.impl.SQLDataType;

/**
 * Renders schema operations as SQL for one dialect with jOOQ. Operations a dialect cannot express
 * with {@code ALTER TABLE} (on SQLite: most constraint and column changes) are not rendered here;
 * {@link SqliteRebuild} handles them.
 */
public final class SqlRenderer {

    static {
        Jooq.quiet();
    }

    private final SQLDialect dialect;
    private final DSLContext ctx;
    private final java.util.Map<ColumnType, String> typeSql = new java.util.concurrent.ConcurrentHashMap<>();

    public SqlRenderer(SQLDialect dialect) {
        this.dialect = dialect;
        this.ctx = DSL.using(dialect, Expressions.settings().withStatementType(StatementType.STATIC_STATEMENT));
    }

    public SQLDialect dialect() {
        return dialect;
    }

    /** The jOOQ context this renderer uses: this dialect and Permafrost's naming settings. */
    public DSLContext context() {
        return ctx;
    }

    private boolean isSqlite() {
        return dialect.family() == SQLDialect.SQLITE;
    }

    private boolean isMariaDb() {
        return dialect.family() == SQLDialect.MARIADB || dialect.family() == SQLDialect.MYSQL;
    }

    /** The type jOOQ should render for a logical type on this dialect. */
    public DataType<?> type(ColumnType type) {
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
            // MariaDB keeps seconds only unless told, and has no time zone type: store instants as UTC.
            case TIME -> isMariaDb() ? SQLDataType.TIME(6) : SQLDataType.TIME;
            case TIMESTAMP -> isMariaDb() ? SQLDataType.TIMESTAMP(6) : SQLDataType.TIMESTAMP;
            case TIMESTAMP_TZ -> isMariaDb() ? SQLDataType.TIMESTAMP(6) : SQLDataType.TIMESTAMPWITHTIMEZONE;
            case UUID -> SQLDataType.UUID;
            case BLOB -> SQLDataType.BLOB;
        };
    }

    /**
     * The logical type a column of {@code type} has once this dialect stores it, as reading the database
     * back reports it: MariaDB keeps {@code real} as double precision, instants without a zone and UUIDs as
     * {@code varchar(36)}; SQLite spells time as {@code datetime} and a UUID as {@code varchar(36)}.
     */
    public ColumnType storedType(ColumnType type) {
        if (isMariaDb()) {
            return switch (type.kind()) {
                case REAL -> ColumnType.DOUBLE;
                case TIMESTAMP_TZ -> ColumnType.TIMESTAMP;
                case UUID -> ColumnType.varchar(36);
                default -> type;
            };
        }
        if (isSqlite()) {
            return switch (type.kind()) {
                case TIME -> ColumnType.TIMESTAMP;
                case UUID -> ColumnType.varchar(36);
                default -> type;
            };
        }
        return type;
    }

    /** How this dialect spells a column's canonical default, as it is written into DDL. */
    public String defaultSql(String canonical, ColumnType type) {
        return ctx.render(defaultField(canonical, type));
    }

    /** Whether a unique index and a unique constraint are one thing here (MariaDB reports both as constraints). */
    public boolean uniqueIndexesAreConstraints() {
        return isMariaDb();
    }

    /** Whether this dialect keeps the name given to a primary key (MariaDB calls every one PRIMARY). */
    public boolean keepsPrimaryKeyNames() {
        return !isMariaDb();
    }

    /** How this dialect spells a logical type in DDL, as jOOQ renders it: {@code int8}, {@code varchar(36)}. */
    public String typeSql(ColumnType type) {
        return typeSql.computeIfAbsent(type, t -> {
            String create = ctx.createTable(name("t")).column(DSL.field(name("c")), type(t)).getSQL();
            int start = create.indexOf("(c ") + 3;
            return create.substring(start, create.length() - 1).trim().toLowerCase(java.util.Locale.ROOT);
        });
    }

    /** How this dialect spells a canonical default or condition. */
    public String expressionSql(String canonical, boolean condition) {
        return condition ? ctx.render(Expressions.condition(canonical)) : ctx.render(defaultField(canonical));
    }

    /** The full column definition: type, nullability and default. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public DataType<?> definition(Column column) {
        DataType type = type(column.type()).nullable(column.nullable());
        if (column.hasDefault()) {
            type = type.defaultValue((Field) defaultField(column.defaultValue(), column.type()));
        }
        return type;
    }

    /** A canonical default expression as jOOQ should render it here. */
    public Field<?> defaultField(String canonical) {
        return Expressions.defaultField(canonical);
    }

    /**
     * A column's default as it should be rendered here. The current time is written as the plain SQL
     * keyword: jOOQ would cast it to a timestamp without zone on PostgreSQL (wrong for an instant column)
     * and a cast on SQLite would turn the text into a number. MariaDB needs the fraction that matches
     * its {@code datetime(6)} columns.
     */
    public Field<?> defaultField(String canonical, ColumnType type) {
        if (canonical.equals("current_timestamp")
                && (type.kind() == ColumnType.Kind.TIMESTAMP || type.kind() == ColumnType.Kind.TIMESTAMP_TZ)) {
            return DSL.field(isMariaDb() ? "current_timestamp(6)" : "current_timestamp");
        }
        if (isMariaDb() && type.kind() == ColumnType.Kind.TIMESTAMP_TZ
                && canonical.regionMatches(true, 0, TIMESTAMP_TZ_LITERAL, 0, TIMESTAMP_TZ_LITERAL.length())) {
            // MariaDB has no zoned literal: its instants are datetime(6) in UTC.
            String text = canonical.substring(TIMESTAMP_TZ_LITERAL.length() + 1, canonical.length() - 1);
            java.time.OffsetDateTime instant = java.time.OffsetDateTime.parse(text.replace(' ', 'T'));
            return DSL.inline(instant.withOffsetSameInstant(java.time.ZoneOffset.UTC).toLocalDateTime(),
                    SQLDataType.LOCALDATETIME(6));
        }
        return defaultField(canonical);
    }

    private static final String TIMESTAMP_TZ_LITERAL = "timestamp with time zone ";

    private static Name name(String name) {
        return DSL.name(name);
    }

    private static Name[] names(List<String> names) {
        return names.stream().map(DSL::name).toArray(Name[]::new);
    }

    private static Field<?>[] fields(List<String> names) {
        return names.stream().map(n -> DSL.field(DSL.name(n))).toArray(Field<?>[]::new);
    }

    public Constraint constraint(PrimaryKey key) {
        return DSL.constraint(name(key.name())).primaryKey(names(key.columns()));
    }

    public Constraint constraint(Unique unique) {
        return DSL.constraint(name(unique.name())).unique(names(unique.columns()));
    }

    public Constraint constraint(Check check) {
        return DSL.constraint(name(check.name())).check(Expressions.condition(check.condition()));
    }

    public Constraint constraint(ForeignKey fk) {
        return DSL.constraint(name(fk.name())).foreignKey(names(fk.columns()))
                .references(name(fk.referencedTable()), names(fk.referencedColumns()))
                .onDelete(rule(fk.onDelete()))
                .onUpdate(rule(fk.onUpdate()));
    }

    private static QOM.ForeignKeyRule rule(ForeignKey.Action action) {
        return switch (action) {
            case NO_ACTION -> QOM.ForeignKeyRule.NO_ACTION;
            case RESTRICT -> QOM.ForeignKeyRule.RESTRICT;
            case CASCADE -> QOM.ForeignKeyRule.CASCADE;
            case SET_NULL -> QOM.ForeignKeyRule.SET_NULL;
            case SET_DEFAULT -> QOM.ForeignKeyRule.SET_DEFAULT;
        };
    }

    /** {@code create table} with columns, keys, checks and foreign keys, without its indexes. */
    public String createTableOnly(Table table) {
        List<Constraint> constraints = new ArrayList<>();
        if (table.primaryKey() != null) {
            constraints.add(constraint(table.primaryKey()));
        }
        table.uniques().forEach(u -> constraints.add(constraint(u)));
        table.foreignKeys().forEach(f -> constraints.add(constraint(f)));
        table.checks().forEach(c -> constraints.add(constraint(c)));
        var create = ctx.createTable(name(table.name()));
        for (Column column : table.columns()) {
            create = create.column(DSL.field(name(column.name())), definition(column));
        }
        return create.constraints(constraints).getSQL();
    }

    public String createIndex(String table, Index index) {
        var step = index.unique() ? ctx.createUniqueIndex(name(index.name())) : ctx.createIndex(name(index.name()));
        return step.on(DSL.table(name(table)), fields(index.columns())).getSQL();
    }

    public String dropIndex(String table, Index index) {
        return ctx.dropIndex(name(index.name())).on(DSL.table(name(table))).getSQL();
    }

    /** The table and its indexes. */
    public List<String> createTable(Table table) {
        List<String> statements = new ArrayList<>();
        statements.add(createTableOnly(table));
        table.indexes().forEach(i -> statements.add(createIndex(table.name(), i)));
        return statements;
    }

    /**
     * The statements performing {@code op} on a database whose schema is {@code before}.
     *
     * @throws IllegalArgumentException for an operation this dialect can only do by rebuilding the
     *     table (see {@link SqliteRebuild#needed})
     */
    public List<String> render(Op op, Schema before) {
        var table = DSL.table(name(op.table()));
        return switch (op) {
            case Op.CreateTable o -> createTable(o.definition());
            case Op.DropTable o -> List.of(ctx.dropTable(table).getSQL());
            case Op.RenameTable o -> List.of(ctx.alterTable(table).renameTo(name(o.newName())).getSQL());
            case Op.AddColumn o -> {
                requireAlterable(op, before);
                yield List.of(ctx.alterTable(table).add(name(o.column().name()), definition(o.column())).getSQL());
            }
            case Op.DropColumn o -> List.of(ctx.alterTable(table).dropColumn(name(o.column().name())).getSQL());
            case Op.RenameColumn o -> List.of(ctx.alterTable(table).renameColumn(name(o.column()))
                    .to(name(o.newName())).getSQL());
            case Op.AlterColumn o -> {
                requireAlterable(op, before);
                yield alterColumn(o);
            }
            case Op.AddPrimaryKey o -> {
                requireAlterable(op, before);
                yield List.of(ctx.alterTable(table).add(constraint(o.key())).getSQL());
            }
            case Op.DropPrimaryKey o -> {
                requireAlterable(op, before);
                yield List.of(isMariaDb() ? ctx.alterTable(table).dropPrimaryKey().getSQL()
                        : ctx.alterTable(table).dropConstraint(name(o.key().name())).getSQL());
            }
            case Op.AddUnique o -> {
                requireAlterable(op, before);
                yield List.of(ctx.alterTable(table).add(constraint(o.unique())).getSQL());
            }
            case Op.DropUnique o -> {
                requireAlterable(op, before);
                yield List.of(isMariaDb() ? ctx.dropIndex(name(o.unique().name())).on(table).getSQL()
                        : ctx.alterTable(table).dropConstraint(name(o.unique().name())).getSQL());
            }
            case Op.CreateIndex o -> List.of(createIndex(o.table(), o.index()));
            case Op.DropIndex o -> dropIndex(o, before);
            case Op.AddForeignKey o -> {
                requireAlterable(op, before);
                yield List.of(ctx.alterTable(table).add(constraint(o.foreignKey())).getSQL());
            }
            case Op.DropForeignKey o -> {
                requireAlterable(op, before);
                yield isMariaDb() ? mariaDbDropForeignKey(o.table(), o.foreignKey().name())
                        : List.of(ctx.alterTable(table).dropConstraint(name(o.foreignKey().name())).getSQL());
            }
            case Op.AddCheck o -> {
                requireAlterable(op, before);
                yield List.of(ctx.alterTable(table).add(constraint(o.check())).getSQL());
            }
            case Op.DropCheck o -> {
                requireAlterable(op, before);
                yield List.of(ctx.alterTable(table).dropConstraint(name(o.check().name())).getSQL());
            }
            case Op.RenameConstraint o -> renameConstraint(o, before);
        };
    }

    /**
     * Drops an index, around the keys that may rely on it: each is dropped first and added again after, when the
     * database gives it another index. Which index a key took is not in the schema, so every key that could have
     * taken this one is included:
     * <ul>
     *   <li>PostgreSQL: a foreign key referencing columns this unique index covers, in any order;
     *   <li>MariaDB: a foreign key of the table, or referencing it, whose columns are this index's first ones, in
     *       order, when no other index, unique key or primary key has them ("needed in a foreign key constraint");
     *   <li>H2 (2.x): a unique key or foreign key added to the table after the index over the same columns in any
     *       order (older H2s: its first columns), and the foreign keys referencing such a unique key ("Index ...
     *       belongs to constraint").
     * </ul>
     */
    private List<String> dropIndex(Op.DropIndex op, Schema before) {
        String drop = dropIndex(op.table(), op.index());
        if (isSqlite()) {
            return List.of(drop);
        }
        Table table = before.table(op.table()).orElseThrow();
        Index index = op.index();
        boolean h2 = dialect.family() == SQLDialect.H2;
        List<Unique> uniques = h2 && index.unique() ? table.uniques().stream()
                .filter(u -> u.columns().containsAll(index.columns())).toList() : List.of();
        Map<String, List<ForeignKey>> relying = new LinkedHashMap<>();
        for (Table other : before.tables()) {
            for (ForeignKey fk : other.foreignKeys()) {
                boolean own = other.name().equals(table.name()) && (isMariaDb()
                        ? onlyPrefix(table, index, fk.columns())
                        : h2 && fk.columns().size() <= index.columns().size() && Set.copyOf(fk.columns())
                                .equals(Set.copyOf(index.columns().subList(0, fk.columns().size()))));
                boolean referenced = fk.referencedTable().equals(table.name()) && (isMariaDb()
                        ? onlyPrefix(table, index, fk.referencedColumns())
                        : h2 ? uniques.stream().anyMatch(u -> sameColumns(u.columns(), fk.referencedColumns()))
                        : index.unique() && sameColumns(index.columns(), fk.referencedColumns()));
                if (own || referenced) {
                    relying.computeIfAbsent(other.name(), t -> new ArrayList<>()).add(fk);
                }
            }
        }
        var jooqTable = DSL.table(name(table.name()));
        List<String> statements = new ArrayList<>();
        relying.forEach((on, fks) -> fks.forEach(fk -> statements.add(isMariaDb()
                ? ctx.alterTable(DSL.table(name(on))).dropForeignKey(name(fk.name())).getSQL()
                : ctx.alterTable(DSL.table(name(on))).dropConstraint(name(fk.name())).getSQL())));
        uniques.forEach(u -> statements.add(ctx.alterTable(jooqTable).dropConstraint(name(u.name())).getSQL()));
        statements.add(drop);
        uniques.forEach(u -> statements.add(ctx.alterTable(jooqTable).add(constraint(u)).getSQL()));
        relying.forEach((on, fks) -> fks.forEach(fk -> statements.add(ctx.alterTable(DSL.table(name(on)))
                .add(constraint(fk)).getSQL())));
        return statements;
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

    private static boolean sameColumns(List<String> a, List<String> b) {
        return a.size() == b.size() && Set.copyOf(a).equals(Set.copyOf(b));
    }

    private static boolean startsWith(List<String> columns, List<String> prefix) {
        return columns.size() >= prefix.size() && columns.subList(0, prefix.size()).equals(prefix);
    }

    private void requireAlterable(Op op, Schema before) {
        if (isSqlite() && SqliteRebuild.needed(op, before)) {
            throw new IllegalArgumentException("SQLite cannot " + op.describe() + " with ALTER TABLE; it rebuilds the table");
        }
    }

    private List<String> alterColumn(Op.AlterColumn op) {
        var table = DSL.table(name(op.table()));
        Name column = name(op.column());
        List<String> statements = new ArrayList<>();
        String fill = op.effectiveFill();
        if (op.from().nullable() && !op.to().nullable() && fill != null) {
            statements.add(ctx.update(table).set(DSL.field(column), (Object) defaultField(fill, op.to().type()))
                    .where(DSL.field(column).isNull()).getSQL());
        }
        if (isMariaDb() || dialect.family() == SQLDialect.H2) {
            // Both redefine the column's type and nullability in one statement, which drops its default; the
            // default is set again (or left dropped) after it.
            statements.add(ctx.alterTable(table).alterColumn(column)
                    .set(type(op.to().type()).nullable(op.to().nullable())).getSQL());
            statements.add(op.to().hasDefault() ? setDefault(op) : dropDefault(op));
            return statements;
        }
        if (op.typeChanges()) {
            if (op.from().hasDefault()) {
                statements.add(ctx.alterTable(table).alterColumn(column).dropDefault().getSQL());
            }
            DataType<?> type = type(op.to().type());
            statements.add(ctx.alterTable(table).alterColumn(column).set(type).getSQL()
                    + " using " + ctx.render(DSL.cast(DSL.field(column), type)));
            if (op.to().hasDefault()) {
                statements.add(setDefault(op));
            }
        } else if (op.defaultChanges()) {
            statements.add(op.to().hasDefault() ? setDefault(op) : dropDefault(op));
        }
        if (op.nullabilityChanges()) {
            statements.add(op.to().nullable()
                    ? ctx.alterTable(table).alterColumn(column).dropNotNull().getSQL()
                    : ctx.alterTable(table).alterColumn(column).setNotNull().getSQL());
        }
        return statements;
    }

    /** jOOQ writes MariaDB's drop as {@code set default null}, which a NOT NULL column refuses; MariaDB has DROP DEFAULT. */
    private String dropDefault(Op.AlterColumn op) {
        var table = DSL.table(name(op.table()));
        if (isMariaDb()) {
            return ctx.render(DSL.query("alter table {0} alter column {1} drop default", table, DSL.field(name(op.column()))));
        }
        return ctx.alterTable(table).alterColumn(name(op.column())).dropDefault().getSQL();
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private String setDefault(Op.AlterColumn op) {
        return ctx.alterTable(DSL.table(name(op.table()))).alterColumn(name(op.column()))
                .setDefault((Field) defaultField(op.to().defaultValue(), op.to().type())).getSQL();
    }

    private List<String> renameConstraint(Op.RenameConstraint op, Schema before) {
        Table table = before.table(op.table()).orElseThrow();
        Index index = table.indexes().stream().filter(i -> i.name().equals(op.constraint())).findFirst().orElse(null);
        var jooqTable = DSL.table(name(op.table()));
        if (index != null) {
            if (isSqlite()) {
                return List.of(dropIndex(op.table(), index), createIndex(op.table(), index.withName(op.newName())));
            }
            if (isMariaDb()) {
                return List.of(ctx.alterTable(jooqTable).renameIndex(name(op.constraint())).to(name(op.newName())).getSQL());
            }
            return List.of(ctx.alterIndex(name(op.constraint())).renameTo(name(op.newName())).getSQL());
        }
        requireAlterable(op, before);
        if (isMariaDb()) {
            return mariaDbRenameConstraint(op, table);
        }
        return List.of(ctx.alterTable(jooqTable).renameConstraint(name(op.constraint())).to(name(op.newName())).getSQL());
    }

    /**
     * Drops a MariaDB foreign key and the index MariaDB created for it, named after it, if it did (it keeps
     * that index when the key goes).
     */
    private List<String> mariaDbDropForeignKey(String table, String foreignKey) {
        var jooqTable = DSL.table(name(table));
        return List.of(ctx.alterTable(jooqTable).dropForeignKey(name(foreignKey)).getSQL(),
                ctx.dropIndexIfExists(name(foreignKey)).on(jooqTable).getSQL());
    }

    /** MariaDB renames indexes but not constraints: a unique key is an index; others are dropped and added. */
    private List<String> mariaDbRenameConstraint(Op.RenameConstraint op, Table table) {
        var jooqTable = DSL.table(name(op.table()));
        if (table.primaryKey() != null && table.primaryKey().name().equals(op.constraint())) {
            return List.of(); // MariaDB names every primary key PRIMARY.
        }
        if (table.uniques().stream().anyMatch(u -> u.name().equals(op.constraint()))) {
            return List.of(ctx.alterTable(jooqTable).renameIndex(name(op.constraint())).to(name(op.newName())).getSQL());
        }
        for (ForeignKey fk : table.foreignKeys()) {
            if (fk.name().equals(op.constraint())) {
                List<String> statements = new ArrayList<>(mariaDbDropForeignKey(op.table(), fk.name()));
                statements.add(ctx.alterTable(jooqTable).add(constraint(fk.withName(op.newName()))).getSQL());
                return statements;
            }
        }
        Check check = table.checks().stream().filter(c -> c.name().equals(op.constraint())).findFirst().orElseThrow();
        return List.of(ctx.alterTable(jooqTable).dropConstraint(name(check.name())).getSQL(),
                ctx.alterTable(jooqTable).add(constraint(check.withName(op.newName()))).getSQL());
    }
}
