package dev.permafrost.diff;

import dev.permafrost.model.Check;
import dev.permafrost.model.Column;
import dev.permafrost.model.ForeignKey;
import dev.permafrost.model.Index;
import dev.permafrost.model.PrimaryKey;
import dev.permafrost.model.Schema;
import dev.permafrost.model.Table;
import dev.permafrost.model.Unique;
import dev.permafrost.sql.Expressions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Applies operations to a schema in memory, exactly as a database would, without one. The schema at
 * version N is the empty schema with migrations 1..N replayed; the test kit proves it equals snapshot N.
 */
public final class Replay {

    private Replay() {
    }

    public static Schema apply(Schema schema, List<Op> ops) {
        Schema current = schema;
        for (Op op : ops) {
            current = apply(current, op);
        }
        return current;
    }

    /**
     * The schema after {@code op}.
     *
     * @throws ReplayException if the operation does not fit the schema
     */
    public static Schema apply(Schema schema, Op op) {
        try {
            return switch (op) {
                case Op.CreateTable o -> createTable(schema, o);
                case Op.DropTable o -> dropTable(schema, o);
                case Op.RenameTable o -> renameTable(schema, o);
                case Op.AddColumn o -> {
                    Table table = table(schema, o);
                    if (table.hasColumn(o.column().name())) {
                        throw fail(o, "table " + o.table() + " already has a column " + o.column().name());
                    }
                    List<Column> columns = new ArrayList<>(table.columns());
                    columns.add(o.column());
                    yield schema.with(table.withColumns(columns));
                }
                case Op.DropColumn o -> dropColumn(schema, o);
                case Op.RenameColumn o -> renameColumn(schema, o);
                case Op.AlterColumn o -> {
                    Table table = table(schema, o);
                    Column current = column(table, o, o.from().name());
                    if (!current.equals(o.from())) {
                        throw fail(o, "column " + o.table() + "." + current.name() + " is '" + current.sql()
                                + "', but the operation alters it from '" + o.from().sql() + "'");
                    }
                    yield schema.with(table.mapColumns(c -> c.name().equals(current.name()) ? o.to() : c));
                }
                case Op.AddPrimaryKey o -> {
                    Table table = table(schema, o);
                    if (table.primaryKey() != null) {
                        throw fail(o, "table " + o.table() + " already has primary key " + table.primaryKey().name());
                    }
                    yield schema.with(table.withPrimaryKey(o.key()));
                }
                case Op.DropPrimaryKey o -> {
                    Table table = table(schema, o);
                    if (!o.key().equals(table.primaryKey())) {
                        throw fail(o, "table " + o.table() + " has " + (table.primaryKey() == null ? "no primary key"
                                : "primary key " + table.primaryKey().sql()) + ", not " + o.key().sql());
                    }
                    yield schema.with(table.withPrimaryKey(null));
                }
                case Op.AddUnique o -> {
                    Table table = table(schema, o);
                    yield schema.with(table.withUniques(added(o, table, table.uniques(), o.unique(), Unique::name)));
                }
                case Op.DropUnique o -> {
                    Table table = table(schema, o);
                    yield schema.with(table.withUniques(removed(o, table, table.uniques(), o.unique(), Unique::name)));
                }
                case Op.CreateIndex o -> {
                    Table table = table(schema, o);
                    yield schema.with(table.withIndexes(added(o, table, table.indexes(), o.index(), Index::name)));
                }
                case Op.DropIndex o -> {
                    Table table = table(schema, o);
                    yield schema.with(table.withIndexes(removed(o, table, table.indexes(), o.index(), Index::name)));
                }
                case Op.AddForeignKey o -> {
                    Table table = table(schema, o);
                    yield schema.with(table.withForeignKeys(
                            added(o, table, table.foreignKeys(), o.foreignKey(), ForeignKey::name)));
                }
                case Op.DropForeignKey o -> {
                    Table table = table(schema, o);
                    yield schema.with(table.withForeignKeys(
                            removed(o, table, table.foreignKeys(), o.foreignKey(), ForeignKey::name)));
                }
                case Op.AddCheck o -> {
                    Table table = table(schema, o);
                    yield schema.with(table.withChecks(added(o, table, table.checks(), o.check(), Check::name)));
                }
                case Op.DropCheck o -> {
                    Table table = table(schema, o);
                    yield schema.with(table.withChecks(removed(o, table, table.checks(), o.check(), Check::name)));
                }
                case Op.RenameConstraint o -> renameConstraint(schema, o);
            };
        } catch (IllegalArgumentException e) {
            throw fail(op, e.getMessage());
        }
    }

    private static Schema createTable(Schema schema, Op.CreateTable op) {
        if (schema.hasTable(op.table())) {
            throw fail(op, "table " + op.table() + " already exists");
        }
        return schema.with(op.definition());
    }

    private static Schema dropTable(Schema schema, Op.DropTable op) {
        Table table = table(schema, op);
        if (!table.equals(op.definition())) {
            throw fail(op, "table " + op.table() + " in the schema differs from the definition the drop records;"
                    + " the drop must carry the table as it is, so that its inverse recreates it");
        }
        for (Table other : schema.tables()) {
            for (ForeignKey fk : other.foreignKeys()) {
                if (!other.name().equals(op.table()) && fk.referencedTable().equals(op.table())) {
                    throw fail(op, "table " + op.table() + " is still referenced by foreign key " + fk.name()
                            + " of table " + other.name() + "; drop that foreign key first");
                }
            }
        }
        return schema.without(op.table());
    }

    private static Schema renameTable(Schema schema, Op.RenameTable op) {
        Table table = table(schema, op);
        if (schema.hasTable(op.newName())) {
            throw fail(op, "cannot rename table " + op.table() + " to " + op.newName() + ": that table exists");
        }
        Schema renamed = schema.without(op.table()).with(table.withName(op.newName()));
        return renamed.mapTables(t -> t.withForeignKeys(t.foreignKeys().stream()
                .map(fk -> fk.referencedTable().equals(op.table())
                        ? fk.withReference(op.newName(), fk.referencedColumns()) : fk)
                .toList()));
    }

    private static Schema dropColumn(Schema schema, Op.DropColumn op) {
        Table table = table(schema, op);
        Column current = column(table, op, op.column().name());
        if (!current.equals(op.column())) {
            throw fail(op, "column " + op.table() + "." + current.name() + " is '" + current.sql()
                    + "', but the drop records '" + op.column().sql() + "'");
        }
        String name = current.name();
        if (table.columns().size() == 1) {
            throw fail(op, "cannot drop " + name + ", the last column of " + op.table() + "; drop the table instead");
        }
        List<String> users = new ArrayList<>();
        if (table.primaryKey() != null && table.primaryKey().columns().contains(name)) {
            users.add(table.primaryKey().name());
        }
        table.uniques().stream().filter(u -> u.columns().contains(name)).forEach(u -> users.add(u.name()));
        table.indexes().stream().filter(i -> i.columns().contains(name)).forEach(i -> users.add(i.name()));
        table.foreignKeys().stream().filter(f -> f.columns().contains(name)).forEach(f -> users.add(f.name()));
        table.checks().stream().filter(c -> Expressions.columnsOf(c.condition()).contains(name))
                .forEach(c -> users.add(c.name()));
        for (Table other : schema.tables()) {
            other.foreignKeys().stream()
                    .filter(f -> f.referencedTable().equals(op.table()) && f.referencedColumns().contains(name))
                    .forEach(f -> users.add(f.name() + " of " + other.name()));
        }
        if (!users.isEmpty()) {
            throw fail(op, "column " + op.table() + "." + name + " is still used by " + String.join(", ", users)
                    + "; drop those first");
        }
        return schema.with(table.withColumns(table.columns().stream().filter(c -> !c.name().equals(name)).toList()));
    }

    private static Schema renameColumn(Schema schema, Op.RenameColumn op) {
        Table table = table(schema, op);
        column(table, op, op.column());
        if (table.hasColumn(op.newName())) {
            throw fail(op, "cannot rename " + op.table() + "." + op.column() + " to " + op.newName()
                    + ": that column exists");
        }
        Function<List<String>, List<String>> rename = names -> names.stream()
                .map(n -> n.equals(op.column()) ? op.newName() : n).toList();
        Table renamed = new Table(table.name(),
                table.columns().stream().map(c -> c.name().equals(op.column()) ? c.withName(op.newName()) : c).toList(),
                table.primaryKey() == null ? null : table.primaryKey().withColumns(rename.apply(table.primaryKey().columns())),
                table.uniques().stream().map(u -> u.withColumns(rename.apply(u.columns()))).toList(),
                table.indexes().stream().map(i -> i.withColumns(rename.apply(i.columns()))).toList(),
                table.foreignKeys().stream().map(f -> f.withColumns(rename.apply(f.columns()))).toList(),
                table.checks().stream()
                        .map(c -> c.withCondition(Expressions.renameColumns(c.condition(), Map.of(op.column(), op.newName()))))
                        .toList());
        return schema.with(renamed).mapTables(t -> t.withForeignKeys(t.foreignKeys().stream()
                .map(fk -> fk.referencedTable().equals(op.table())
                        ? fk.withReference(fk.referencedTable(), rename.apply(fk.referencedColumns())) : fk)
                .toList()));
    }

    private static Schema renameConstraint(Schema schema, Op.RenameConstraint op) {
        Table table = table(schema, op);
        if (!table.constraintNames().contains(op.constraint())) {
            throw fail(op, "table " + op.table() + " has no constraint or index named " + op.constraint());
        }
        if (table.constraintNames().contains(op.newName())) {
            throw fail(op, "table " + op.table() + " already has a constraint or index named " + op.newName());
        }
        Predicate<String> old = op.constraint()::equals;
        PrimaryKey pk = table.primaryKey();
        return schema.with(table
                .withPrimaryKey(pk != null && old.test(pk.name()) ? pk.withName(op.newName()) : pk)
                .withUniques(table.uniques().stream().map(u -> old.test(u.name()) ? u.withName(op.newName()) : u).toList())
                .withIndexes(table.indexes().stream().map(i -> old.test(i.name()) ? i.withName(op.newName()) : i).toList())
                .withForeignKeys(table.foreignKeys().stream()
                        .map(f -> old.test(f.name()) ? f.withName(op.newName()) : f).toList())
                .withChecks(table.checks().stream().map(c -> old.test(c.name()) ? c.withName(op.newName()) : c).toList()));
    }

    private static Table table(Schema schema, Op op) {
        return schema.table(op.table()).orElseThrow(() -> fail(op, "there is no table " + op.table()));
    }

    private static Column column(Table table, Op op, String name) {
        return table.column(name).orElseThrow(() -> fail(op, "table " + table.name() + " has no column " + name));
    }

    private static <T> List<T> added(Op op, Table table, List<T> items, T item, Function<T, String> name) {
        String itemName = name.apply(item);
        if (table.constraintNames().contains(itemName)) {
            throw fail(op, "table " + table.name() + " already has a constraint or index named " + itemName);
        }
        List<T> copy = new ArrayList<>(items);
        copy.add(item);
        return copy;
    }

    private static <T> List<T> removed(Op op, Table table, List<T> items, T item, Function<T, String> name) {
        String itemName = name.apply(item);
        for (T existing : items) {
            if (name.apply(existing).equals(itemName)) {
                if (!existing.equals(item)) {
                    throw fail(op, itemName + " on table " + table.name() + " differs from the definition the drop records");
                }
                return items.stream().filter(i -> !name.apply(i).equals(itemName)).toList();
            }
        }
        throw fail(op, "table " + table.name() + " has no " + itemName);
    }

    private static ReplayException fail(Op op, String message) {
        return new ReplayException(op, message);
    }
}
