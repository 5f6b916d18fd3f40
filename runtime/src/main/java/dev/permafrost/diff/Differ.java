package dev.permafrost.diff;

import dev.permafrost.message.Message;
import dev.permafrost.model.Check;
import dev.permafrost.model.Column;
import dev.permafrost.model.ForeignKey;
import dev.permafrost.model.Index;
import dev.permafrost.model.PrimaryKey;
import dev.permafrost.model.Schema;
import dev.permafrost.model.Table;
import dev.permafrost.model.Unique;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Computes the explicit operations that turn one schema into another. Pure and total: the result
 * depends only on its arguments, and replaying it on {@code from} gives {@code to} (checked).
 *
 * <p>Order: renames; then foreign keys, checks, indexes, unique and primary keys that go or change;
 * then dropped tables (children first); then constraint renames, dropped, added and altered columns;
 * then new primary and unique keys of existing tables (a new table's foreign key may reference them); then
 * new tables (parents first); then new checks, indexes and foreign keys. The inverse runs in reverse, so a
 * new table that references a new key is dropped before that key.
 */
public final class Differ {

    private final List<Op> renames = new ArrayList<>();
    private final List<Op> dropForeignKeys = new ArrayList<>();
    private final List<Op> dropChecks = new ArrayList<>();
    private final List<Op> dropIndexes = new ArrayList<>();
    private final List<Op> dropUniques = new ArrayList<>();
    private final List<Op> dropPrimaryKeys = new ArrayList<>();
    private final List<Op> dropTables = new ArrayList<>();
    private final List<Op> renameConstraints = new ArrayList<>();
    private final List<Op> dropColumns = new ArrayList<>();
    private final List<Op> addColumns = new ArrayList<>();
    private final List<Op> alterColumns = new ArrayList<>();
    private final List<Op> createTables = new ArrayList<>();
    private final List<Op> addPrimaryKeys = new ArrayList<>();
    private final List<Op> addUniques = new ArrayList<>();
    private final List<Op> addChecks = new ArrayList<>();
    private final List<Op> createIndexes = new ArrayList<>();
    private final List<Op> addForeignKeys = new ArrayList<>();

    private Differ() {
    }

    /** The operations turning {@code from} into {@code to}; empty when they are {@linkplain #equivalent equivalent}. */
    public static List<Op> diff(Schema from, Schema to, Hints hints) {
        Differ differ = new Differ();
        Schema renamed = differ.applyRenames(from, to, hints);
        differ.compare(renamed, to);
        List<Op> ops = differ.ordered();
        Schema result = Replay.apply(from, ops);
        if (!equivalent(result, to)) {
            throw new IllegalStateException("Permafrost bug: the operations do not produce the target schema."
                    + "\n  from: " + from + "\n  to:   " + to + "\n  ops:  " + ops + "\n  got:  " + result);
        }
        return ops;
    }

    public static List<Op> diff(Schema from, Schema to) {
        return diff(from, to, Hints.none());
    }

    /** Whether two schemas are the same but for the physical order of columns, which no migration changes. */
    public static boolean equivalent(Schema a, Schema b) {
        return normalized(a).equals(normalized(b));
    }

    private static Schema normalized(Schema schema) {
        return schema.mapTables(t -> t.withColumns(t.columns().stream()
                .sorted(Comparator.comparing(Column::name)).toList()));
    }

    private Schema applyRenames(Schema from, Schema to, Hints hints) {
        Schema work = from;
        for (Table target : to.tables()) {
            String old = hints.tables().get(target.name());
            if (old == null || old.equals(target.name()) || !from.hasTable(old) || to.hasTable(old)) {
                continue;
            }
            if (from.hasTable(target.name())) {
                throw new DiffException(Message.RENAME_REFUSED, "table", old, target.name());
            }
            work = rename(work, new Op.RenameTable(old, target.name()));
        }
        for (Table target : to.tables()) {
            Table current = work.table(target.name()).orElse(null);
            if (current == null) {
                continue;
            }
            for (Map.Entry<String, String> hint : new TreeMap<>(hints.columnsOf(target.name())).entrySet()) {
                String newName = hint.getKey();
                String old = hint.getValue();
                if (old.equals(newName) || !current.hasColumn(old) || target.hasColumn(old)) {
                    continue;
                }
                if (current.hasColumn(newName)) {
                    throw new DiffException(Message.RENAME_REFUSED, "column", target.name() + "." + old, newName);
                }
                work = rename(work, new Op.RenameColumn(target.name(), old, newName));
                current = work.table(target.name()).orElseThrow();
            }
        }
        return work;
    }

    private Schema rename(Schema work, Op op) {
        renames.add(op);
        return Replay.apply(work, op);
    }

    private void compare(Schema from, Schema to) {
        Set<String> typeChanged = new HashSet<>();
        Set<String> droppedKeys = new HashSet<>();
        List<Table> kept = new ArrayList<>();
        for (Table target : to.tables()) {
            Table current = from.table(target.name()).orElse(null);
            if (current != null) {
                kept.add(target);
                compareColumns(current, target, typeChanged);
                compareKeys(current, target, droppedKeys);
                compareChecksAndIndexes(current, target);
            }
        }
        for (Table target : kept) {
            compareForeignKeys(from.table(target.name()).orElseThrow(), target, typeChanged, droppedKeys);
        }
        List<Table> dropped = from.tables().stream().filter(t -> !to.hasTable(t.name())).toList();
        for (Table table : dependencyOrder(dropped, true)) {
            dropTables.add(new Op.DropTable(table));
        }
        List<Table> created = to.tables().stream().filter(t -> !from.hasTable(t.name())).toList();
        for (Table table : dependencyOrder(created, false)) {
            createTables.add(new Op.CreateTable(table));
        }
    }

    private void compareColumns(Table from, Table to, Set<String> typeChanged) {
        for (Column column : from.columns()) {
            if (!to.hasColumn(column.name())) {
                dropColumns.add(new Op.DropColumn(from.name(), column));
            }
        }
        for (Column column : to.columns()) {
            Column current = from.column(column.name()).orElse(null);
            if (current == null) {
                addColumns.add(new Op.AddColumn(to.name(), column));
            } else if (!current.equals(column)) {
                alterColumns.add(new Op.AlterColumn(to.name(), current, column, null));
                if (!current.type().equals(column.type())) {
                    typeChanged.add(to.name() + "." + column.name());
                }
            }
        }
    }

    private void compareKeys(Table from, Table to, Set<String> droppedKeys) {
        String table = to.name();
        PrimaryKey oldKey = from.primaryKey();
        PrimaryKey newKey = to.primaryKey();
        if (!Objects.equals(oldKey, newKey)) {
            if (oldKey != null && newKey != null && oldKey.columns().equals(newKey.columns())) {
                renameConstraints.add(new Op.RenameConstraint(table, oldKey.name(), newKey.name()));
            } else {
                if (oldKey != null) {
                    dropPrimaryKeys.add(new Op.DropPrimaryKey(table, oldKey));
                    droppedKeys.add(table + oldKey.columns());
                }
                if (newKey != null) {
                    addPrimaryKeys.add(new Op.AddPrimaryKey(table, newKey));
                }
            }
        }
        Named<Unique> uniques = Named.compare(from.uniques(), to.uniques(), Unique::name, Unique::columns);
        uniques.dropped.forEach(u -> {
            dropUniques.add(new Op.DropUnique(table, u));
            droppedKeys.add(table + u.columns());
        });
        uniques.added.forEach(u -> addUniques.add(new Op.AddUnique(table, u)));
        uniques.renamed.forEach((old, name) -> renameConstraints.add(new Op.RenameConstraint(table, old, name)));
    }

    private void compareChecksAndIndexes(Table from, Table to) {
        String table = to.name();
        Named<Index> indexes = Named.compare(from.indexes(), to.indexes(), Index::name, i -> i.withName("_"));
        indexes.dropped.forEach(i -> dropIndexes.add(new Op.DropIndex(table, i)));
        indexes.added.forEach(i -> createIndexes.add(new Op.CreateIndex(table, i)));
        indexes.renamed.forEach((old, name) -> renameConstraints.add(new Op.RenameConstraint(table, old, name)));
        Named<Check> checks = Named.compare(from.checks(), to.checks(), Check::name, Check::condition);
        checks.dropped.forEach(c -> dropChecks.add(new Op.DropCheck(table, c)));
        checks.added.forEach(c -> addChecks.add(new Op.AddCheck(table, c)));
        checks.renamed.forEach((old, name) -> renameConstraints.add(new Op.RenameConstraint(table, old, name)));
    }

    private void compareForeignKeys(Table from, Table to, Set<String> typeChanged, Set<String> droppedKeys) {
        String table = to.name();
        Named<ForeignKey> fks = Named.compare(from.foreignKeys(), to.foreignKeys(), ForeignKey::name, f -> f.withName("_"));
        fks.dropped.forEach(f -> dropForeignKeys.add(new Op.DropForeignKey(table, f)));
        fks.added.forEach(f -> addForeignKeys.add(new Op.AddForeignKey(table, f)));
        fks.renamed.forEach((old, name) -> renameConstraints.add(new Op.RenameConstraint(table, old, name)));
        for (ForeignKey fk : to.foreignKeys()) {
            if (!from.foreignKeys().contains(fk)) {
                continue;
            }
            boolean columnRetyped = fk.columns().stream().anyMatch(c -> typeChanged.contains(table + "." + c))
                    || fk.referencedColumns().stream().anyMatch(c -> typeChanged.contains(fk.referencedTable() + "." + c));
            if (columnRetyped || droppedKeys.contains(fk.referencedTable() + fk.referencedColumns())) {
                dropForeignKeys.add(new Op.DropForeignKey(table, fk));
                addForeignKeys.add(new Op.AddForeignKey(table, fk));
            }
        }
    }

    /**
     * Orders tables so that, when {@code childrenFirst}, every table comes before the tables it
     * references (for dropping), else after them (for creating). Foreign keys that close a cycle are
     * split off: dropped before the drops, or added after the creates. Ties go by name.
     */
    private List<Table> dependencyOrder(List<Table> tables, boolean childrenFirst) {
        Map<String, Table> remaining = new TreeMap<>();
        tables.forEach(t -> remaining.put(t.name(), t));
        List<Table> order = new ArrayList<>();
        while (!remaining.isEmpty()) {
            Table next = null;
            for (Table candidate : remaining.values()) {
                boolean ready = childrenFirst
                        ? remaining.values().stream().noneMatch(other -> other != candidate && references(other, candidate.name()))
                        : candidate.foreignKeys().stream().noneMatch(fk -> !fk.referencedTable().equals(candidate.name())
                                && remaining.containsKey(fk.referencedTable()));
                if (ready) {
                    next = candidate;
                    break;
                }
            }
            if (next == null) {
                next = breakCycle(remaining, childrenFirst);
            }
            remaining.remove(next.name());
            order.add(next);
        }
        return order;
    }

    /** Splits the cycle-closing foreign keys off the first remaining table and returns that table without them. */
    private Table breakCycle(Map<String, Table> remaining, boolean childrenFirst) {
        Table first = remaining.values().iterator().next();
        if (childrenFirst) {
            // Other remaining tables reference `first`: drop those references before any table.
            List<Table> referencing = remaining.values().stream()
                    .filter(other -> other != first && references(other, first.name())).toList();
            for (Table other : referencing) {
                List<ForeignKey> cut = other.foreignKeys().stream()
                        .filter(fk -> fk.referencedTable().equals(first.name())).toList();
                cut.forEach(fk -> dropForeignKeys.add(new Op.DropForeignKey(other.name(), fk)));
                remaining.put(other.name(), other.withForeignKeys(other.foreignKeys().stream()
                        .filter(fk -> !cut.contains(fk)).toList()));
            }
            return first;
        }
        List<ForeignKey> cut = first.foreignKeys().stream()
                .filter(fk -> !fk.referencedTable().equals(first.name()) && remaining.containsKey(fk.referencedTable()))
                .toList();
        cut.forEach(fk -> addForeignKeys.add(new Op.AddForeignKey(first.name(), fk)));
        return first.withForeignKeys(first.foreignKeys().stream().filter(fk -> !cut.contains(fk)).toList());
    }

    private static boolean references(Table table, String referenced) {
        return table.foreignKeys().stream().anyMatch(fk -> fk.referencedTable().equals(referenced));
    }

    private List<Op> ordered() {
        List<Op> all = new ArrayList<>();
        all.addAll(renames);
        all.addAll(dropForeignKeys);
        all.addAll(dropChecks);
        all.addAll(dropIndexes);
        all.addAll(dropUniques);
        all.addAll(dropPrimaryKeys);
        all.addAll(dropTables);
        all.addAll(renameConstraints);
        all.addAll(dropColumns);
        all.addAll(addColumns);
        all.addAll(alterColumns);
        all.addAll(addPrimaryKeys);
        all.addAll(addUniques);
        all.addAll(createTables);
        all.addAll(addChecks);
        all.addAll(createIndexes);
        all.addAll(addForeignKeys);
        return List.copyOf(all);
    }

    /**
     * Items of one kind compared by name: same name and definition is unchanged; same definition under
     * another name is a rename; otherwise dropped and added.
     */
    private record Named<T>(List<T> dropped, List<T> added, Map<String, String> renamed) {

        static <T> Named<T> compare(List<T> from, List<T> to, Function<T, String> name, Function<T, Object> definition) {
            Map<String, T> oldByName = new LinkedHashMap<>();
            from.forEach(item -> oldByName.put(name.apply(item), item));
            Map<String, T> newByName = new LinkedHashMap<>();
            to.forEach(item -> newByName.put(name.apply(item), item));
            List<T> dropped = new ArrayList<>();
            List<T> added = new ArrayList<>();
            Map<String, String> renamed = new TreeMap<>();
            Set<String> claimed = new TreeSet<>();
            for (T old : from) {
                String oldName = name.apply(old);
                T same = newByName.get(oldName);
                if (same != null) {
                    if (!same.equals(old)) {
                        dropped.add(old);
                        added.add(same);
                    }
                    continue;
                }
                T match = to.stream()
                        .filter(n -> !oldByName.containsKey(name.apply(n)) && !claimed.contains(name.apply(n)))
                        .filter(n -> definition.apply(n).equals(definition.apply(old)))
                        .findFirst().orElse(null);
                if (match != null) {
                    claimed.add(name.apply(match));
                    renamed.put(oldName, name.apply(match));
                } else {
                    dropped.add(old);
                }
            }
            for (T item : to) {
                String itemName = name.apply(item);
                if (!oldByName.containsKey(itemName) && !claimed.contains(itemName)) {
                    added.add(item);
                }
            }
            return new Named<>(dropped, added, renamed);
        }
    }
}
