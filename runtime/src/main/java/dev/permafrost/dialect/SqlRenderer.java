package dev.permafrost.dialect;

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
import dev.permafrost.sql.Identifiers;
import dev.permafrost.sql.Jooq;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jooq.Constraint;
import org.jooq.DSLContext;
import org.jooq.DataType;
import org.jooq.Field;
import org.jooq.Name;
import org.jooq.SQLDialect;
import org.jooq.conf.StatementType;
import org.jooq.impl.DSL;
import org.jooq.impl.QOM;

/**
 * Renders schema operations as SQL with jOOQ, database-neutral: what a database does otherwise, its
 * {@link Dialect} says ({@link Dialect#render} gets the first word on every operation and falls back on
 * {@link #standard}). Operations a database can only perform by rebuilding the table are not rendered here
 * (see {@link Dialect#rebuildNeeded}).
 */
public final class SqlRenderer {

    static {
        Jooq.quiet();
    }

    private final Dialect dialect;
    private final DSLContext ctx;

    public SqlRenderer(Dialect dialect) {
        this.dialect = dialect;
        this.ctx = DSL.using(dialect.jooq(), Expressions.settings().withStatementType(StatementType.STATIC_STATEMENT));
    }

    /** A renderer for the database jOOQ's {@code dialect} stands for. */
    public SqlRenderer(SQLDialect dialect) {
        this(Dialects.of(dialect));
    }

    /** The database this renders for. */
    public Dialect dialect() {
        return dialect;
    }

    /** jOOQ's dialect this renders with. */
    public SQLDialect jooqDialect() {
        return dialect.jooq();
    }

    /** The jOOQ context this renderer uses: this dialect and Permafrost's naming settings. */
    public DSLContext context() {
        return ctx;
    }

    /** The type jOOQ renders for a logical type here: its native type on this database, if it has one. */
    public DataType<?> type(ColumnType type) {
        String nativeType = type.nativeFor(dialect.nativeKey());
        return nativeType != null ? new org.jooq.impl.DefaultDataType<>(dialect.jooq(), Object.class, nativeType)
                : dialect.type(type);
    }

    /** How this database spells a column's canonical default, as it is written into DDL. */
    public String defaultSql(String canonical, ColumnType type) {
        return ctx.render(dialect.defaultField(canonical, type));
    }

    /** How this database spells a canonical default or condition. */
    public String expressionSql(String canonical, boolean condition) {
        return condition ? ctx.render(Expressions.condition(canonical)) : ctx.render(Expressions.defaultField(canonical));
    }

    /** The full column definition: type, nullability and default. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public DataType<?> definition(Column column) {
        DataType type = type(column.type()).nullable(column.nullable());
        if (column.identity()) {
            return dialect.identity(type);
        }
        if (column.hasDefault()) {
            type = type.defaultValue((Field) dialect.defaultField(column.defaultValue(), column.type()));
        }
        return type;
    }

    /** An identifier, quoted when a supported database reserves it ({@link Identifiers}). */
    public static Name name(String name) {
        return Identifiers.name(name);
    }

    private static Name[] names(List<String> names) {
        return names.stream().map(Identifiers::name).toArray(Name[]::new);
    }

    private static Field<?>[] fields(List<String> names) {
        return names.stream().map(n -> DSL.field(Identifiers.name(n))).toArray(Field<?>[]::new);
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
     * @throws IllegalArgumentException for an operation this database can only perform by rebuilding the table
     */
    public List<String> render(Op op, Schema before) {
        if (dialect.rebuildNeeded(op, before)) {
            throw new IllegalArgumentException(dialect.displayName() + " cannot " + op.describe()
                    + " with ALTER TABLE; it rebuilds the table");
        }
        List<String> around = sequencesBefore(op);
        List<String> after = sequencesAfter(op);
        if (around.isEmpty() && after.isEmpty()) {
            return dialect.render(op, before, this);
        }
        List<String> statements = new ArrayList<>(around);
        statements.addAll(dialect.render(op, before, this));
        statements.addAll(after);
        return statements;
    }

    /** The sequence {@code op} creates, drops or changes, or {@code null}: what a database without sequences refuses. */
    public static dev.permafrost.model.Sequence sequenceOf(Op op) {
        return switch (op) {
            case Op.CreateTable o -> o.definition().columns().stream().map(Column::sequence)
                    .filter(java.util.Objects::nonNull).findFirst().orElse(null);
            case Op.DropTable o -> o.definition().columns().stream().map(Column::sequence)
                    .filter(java.util.Objects::nonNull).findFirst().orElse(null);
            case Op.AddColumn o -> o.column().sequence();
            case Op.DropColumn o -> o.column().sequence();
            case Op.AlterColumn o -> o.sequenceChanges()
                    ? (o.to().sequence() != null ? o.to().sequence() : o.from().sequence()) : null;
            default -> null;
        };
    }

    /** Sequences dropped (or renamed) before {@code op}: a column's sequence goes first, as nothing else uses it. */
    private List<String> sequencesBefore(Op op) {
        List<String> statements = new ArrayList<>();
        switch (op) {
            case Op.DropTable o -> o.definition().columns().stream().filter(c -> c.sequence() != null)
                    .forEach(c -> statements.add(dropSequence(c.sequence())));
            case Op.DropColumn o when o.column().sequence() != null -> statements.add(dropSequence(o.column().sequence()));
            case Op.AlterColumn o when o.sequenceChanges() && o.from().sequence() != null -> {
                var from = o.from().sequence();
                var to = o.to().sequence();
                if (to != null && from.start() == to.start() && from.increment() == to.increment()) {
                    statements.addAll(dialect.renameSequence(from, to, o.table(), o.column(), this));
                } else {
                    statements.add(dropSequence(from));
                }
            }
            default -> {
            }
        }
        return statements;
    }

    /** Sequences created after {@code op}; one given to a column that holds values continues above them. */
    private List<String> sequencesAfter(Op op) {
        List<String> statements = new ArrayList<>();
        switch (op) {
            case Op.CreateTable o -> o.definition().columns().stream().filter(c -> c.sequence() != null)
                    .forEach(c -> statements.add(createSequence(o.table(), c)));
            case Op.AddColumn o when o.column().sequence() != null -> statements.add(createSequence(o.table(), o.column()));
            case Op.AlterColumn o when o.sequenceChanges() && o.to().sequence() != null -> {
                var from = o.from().sequence();
                var to = o.to().sequence();
                if (from == null || from.start() != to.start() || from.increment() != to.increment()) {
                    statements.add(createSequence(o.table(), o.to()));
                    statements.addAll(dialect.continueSequence(o.table(), o.column(), to, this));
                }
            }
            default -> {
            }
        }
        return statements;
    }

    /** {@code create sequence .. start with .. increment by ..} for {@code column} of {@code table}. */
    public String createSequence(String table, Column column) {
        return createSequence(column.sequence()) + dialect.sequenceOwner(table, column.name(), this);
    }

    /** {@code create sequence .. start with .. increment by ..}, tied to no column. */
    public String createSequence(dev.permafrost.model.Sequence sequence) {
        return ctx.render(DSL.query("create sequence {0} start with {1} increment by {2}", name(sequence.name()),
                DSL.inline(sequence.start()), DSL.inline(sequence.increment())));
    }

    /** {@link #nextSequenceValue} as SQL. */
    public String nextSequenceValueSql(String table, String column, dev.permafrost.model.Sequence sequence) {
        return ctx.render(nextSequenceValue(table, column, sequence));
    }

    /** {@code alter sequence .. rename to ..}. */
    public String renameSequence(String from, String to) {
        return ctx.alterSequence(name(from)).renameTo(name(to)).getSQL();
    }

    /** {@code execute immediate 'alter sequence s restart with ' || value}: a restart at a value only known when it runs. */
    public String restartSequenceAt(dev.permafrost.model.Sequence sequence, String value) {
        String restart = ctx.render(DSL.query("alter sequence {0} restart with ", name(sequence.name())));
        return "execute immediate " + ctx.render(DSL.inline(restart)) + " || " + value;
    }

    public String dropSequence(dev.permafrost.model.Sequence sequence) {
        return ctx.dropSequence(name(sequence.name())).getSQL();
    }

    /**
     * Where a sequence continues for a column that already holds values: above the greatest of them by one
     * increment (Hibernate hands out the {@code increment} values below each one it takes), or at its start.
     */
    public org.jooq.Select<?> nextSequenceValue(String table, String column, dev.permafrost.model.Sequence sequence) {
        var max = DSL.max(DSL.field(name(column), Long.class));
        return ctx.select(DSL.greatest(DSL.coalesce(max.plus(DSL.inline(sequence.increment())), DSL.inline(sequence.start())),
                DSL.inline(sequence.start()))).from(DSL.table(name(table)));
    }

    /** The statements performing {@code op} in standard SQL, as jOOQ renders it for this database. */
    public List<String> standard(Op op, Schema before) {
        var table = DSL.table(name(op.table()));
        return switch (op) {
            case Op.CreateTable o -> createTable(o.definition());
            case Op.DropTable o -> List.of(ctx.dropTable(table).getSQL());
            case Op.RenameTable o -> List.of(ctx.alterTable(table).renameTo(name(o.newName())).getSQL());
            case Op.AddColumn o -> List.of(ctx.alterTable(table).add(name(o.column().name()), definition(o.column())).getSQL());
            case Op.DropColumn o -> List.of(ctx.alterTable(table).dropColumn(name(o.column().name())).getSQL());
            case Op.RenameColumn o -> List.of(ctx.alterTable(table).renameColumn(name(o.column()))
                    .to(name(o.newName())).getSQL());
            case Op.AlterColumn o -> alterColumn(o);
            case Op.AddPrimaryKey o -> List.of(ctx.alterTable(table).add(constraint(o.key())).getSQL());
            case Op.DropPrimaryKey o -> List.of(ctx.alterTable(table).dropConstraint(name(o.key().name())).getSQL());
            case Op.AddUnique o -> List.of(ctx.alterTable(table).add(constraint(o.unique())).getSQL());
            case Op.DropUnique o -> List.of(ctx.alterTable(table).dropConstraint(name(o.unique().name())).getSQL());
            case Op.CreateIndex o -> List.of(createIndex(o.table(), o.index()));
            case Op.DropIndex o -> List.of(dropIndex(o.table(), o.index()));
            case Op.AddForeignKey o -> List.of(ctx.alterTable(table).add(constraint(o.foreignKey())).getSQL());
            case Op.DropForeignKey o -> List.of(ctx.alterTable(table).dropConstraint(name(o.foreignKey().name())).getSQL());
            case Op.AddCheck o -> List.of(ctx.alterTable(table).add(constraint(o.check())).getSQL());
            case Op.DropCheck o -> List.of(ctx.alterTable(table).dropConstraint(name(o.check().name())).getSQL());
            case Op.RenameConstraint o -> renameConstraint(o, before);
        };
    }

    /**
     * Drops {@code index} of {@code table} around the keys that rely on it: each foreign key and unique key is
     * dropped first and added again after, so that the database gives it an index of its own.
     *
     * @param relying table name → the foreign keys of that table to drop and add again
     */
    public List<String> dropIndexAround(Schema before, String table, Index index, List<Unique> uniques,
                                        Map<String, List<ForeignKey>> relying) {
        var jooqTable = DSL.table(name(table));
        List<String> statements = new ArrayList<>();
        relying.forEach((on, fks) -> fks.forEach(fk -> statements.addAll(
                dialect.render(new Op.DropForeignKey(on, fk), before, this))));
        uniques.forEach(u -> statements.add(ctx.alterTable(jooqTable).dropConstraint(name(u.name())).getSQL()));
        statements.add(dropIndex(table, index));
        uniques.forEach(u -> statements.add(ctx.alterTable(jooqTable).add(constraint(u)).getSQL()));
        relying.forEach((on, fks) -> fks.forEach(fk -> statements.add(ctx.alterTable(DSL.table(name(on)))
                .add(constraint(fk)).getSQL())));
        return statements;
    }

    /** The update that fills a column's NULLs before it becomes NOT NULL, if it does and has a fill. */
    public List<String> fill(Op.AlterColumn op) {
        String fill = op.effectiveFill();
        if (op.from().nullable() && !op.to().nullable() && fill != null) {
            var table = DSL.table(name(op.table()));
            Name column = name(op.column());
            return List.of(ctx.update(table).set(DSL.field(column), (Object) dialect.defaultField(fill, op.to().type()))
                    .where(DSL.field(column).isNull()).getSQL());
        }
        return List.of();
    }

    /**
     * A column change as databases that redefine a column in one statement do it (MariaDB's and H2's
     * {@code alter column .. set data type} with nullability): that drops the default, which is set again
     * (or left dropped) after it.
     */
    public List<String> redefineColumn(Op.AlterColumn op, String dropDefault) {
        var table = DSL.table(name(op.table()));
        List<String> statements = new ArrayList<>(fill(op));
        DataType<?> type = type(op.to().type()).nullable(op.to().nullable());
        statements.add(ctx.alterTable(table).alterColumn(name(op.column()))
                .set(op.to().identity() ? dialect.identity(type) : type).getSQL());
        if (!op.to().identity()) {
            statements.add(op.to().hasDefault() ? setDefault(op) : dropDefault);
        } else if (!op.from().identity()) {
            statements.addAll(dialect.continueIdentity(op.table(), op.column(), this));
        }
        return statements;
    }

    /** {@code alter table .. alter column .. drop identity}: the database stops numbering the column. */
    public String dropIdentity(String table, String column) {
        return ctx.render(DSL.query("alter table {0} alter column {1} drop identity", DSL.table(name(table)),
                DSL.field(name(column))));
    }

    /** The greatest value of a column plus one, or 1 for an empty table: where numbering continues. */
    public org.jooq.Select<?> nextIdentityValue(String table, String column) {
        return ctx.select(DSL.coalesce(DSL.max(DSL.field(name(column), Long.class)), DSL.inline(0L)).plus(DSL.inline(1)))
                .from(DSL.table(name(table)));
    }

    private List<String> alterColumn(Op.AlterColumn op) {
        var table = DSL.table(name(op.table()));
        Name column = name(op.column());
        List<String> statements = new ArrayList<>();
        if (op.from().identity() && !op.to().identity()) {
            statements.add(dropIdentity(op.table(), op.column()));
        }
        statements.addAll(fill(op));
        if (op.typeChanges()) {
            if (op.from().hasDefault()) {
                statements.add(ctx.alterTable(table).alterColumn(column).dropDefault().getSQL());
            }
            DataType<?> type = type(op.to().type());
            String nativeType = op.to().type().nativeFor(dialect.nativeKey());
            statements.add(ctx.alterTable(table).alterColumn(column).set(type).getSQL() + " using "
                    + (nativeType != null ? ctx.render(DSL.field(column)) + "::" + nativeType
                    : ctx.render(DSL.cast(DSL.field(column), type))));
            if (op.to().hasDefault()) {
                statements.add(setDefault(op));
            }
        } else if (op.defaultChanges()) {
            statements.add(op.to().hasDefault() ? setDefault(op) : dropDefault(op));
        }
        if (op.nullabilityChanges()) {
            statements.add(op.to().nullable()
                    ? ctx.alterTable(table).alterColumn(column).dropNotNull().getSQL()
                    : setNotNull(op.table(), op.column()));
        }
        if (op.to().identity() && !op.from().identity()) {
            statements.add(ctx.render(DSL.query("alter table {0} alter column {1} add generated by default as identity",
                    table, DSL.field(column))));
            statements.addAll(dialect.continueIdentity(op.table(), op.column(), this));
        }
        return statements;
    }

    /** {@code alter table .. alter column .. set not null}, as {@link #render} writes it. */
    public String setNotNull(String table, String column) {
        return ctx.alterTable(DSL.table(name(table))).alterColumn(name(column)).setNotNull().getSQL();
    }

    /** {@code alter table .. alter column .. drop default}. */
    public String dropDefault(Op.AlterColumn op) {
        return ctx.alterTable(DSL.table(name(op.table()))).alterColumn(name(op.column())).dropDefault().getSQL();
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private String setDefault(Op.AlterColumn op) {
        return ctx.alterTable(DSL.table(name(op.table()))).alterColumn(name(op.column()))
                .setDefault((Field) dialect.defaultField(op.to().defaultValue(), op.to().type())).getSQL();
    }

    /** Renames a constraint, or an index ({@code alter index .. rename to}). */
    private List<String> renameConstraint(Op.RenameConstraint op, Schema before) {
        Table table = before.table(op.table()).orElseThrow();
        boolean index = table.indexes().stream().anyMatch(i -> i.name().equals(op.constraint()));
        if (index) {
            return List.of(ctx.alterIndex(name(op.constraint())).renameTo(name(op.newName())).getSQL());
        }
        return List.of(ctx.alterTable(DSL.table(name(op.table()))).renameConstraint(name(op.constraint()))
                .to(name(op.newName())).getSQL());
    }
}
