package dev.permafrost.processor;

import dev.permafrost.diff.Differ;
import dev.permafrost.diff.Hints;
import dev.permafrost.diff.Op;
import dev.permafrost.diff.Replay;
import dev.permafrost.model.Check;
import dev.permafrost.model.Column;
import dev.permafrost.model.ColumnType;
import dev.permafrost.model.ForeignKey;
import dev.permafrost.model.Index;
import dev.permafrost.model.Names;
import dev.permafrost.model.PrimaryKey;
import dev.permafrost.model.Schema;
import dev.permafrost.model.Table;
import dev.permafrost.model.Unique;
import dev.permafrost.sql.Expressions;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * A seeded history of schema changes as entity edits would make them (every constraint named by the
 * processor's conventions, renames given as hints), with the rows a test inserts before each change
 * and what each change does to them.
 *
 * <p>Data stays valid under every change and its inverse: values are distinct and non-negative,
 * foreign-key columns hold an existing parent id or {@code NULL}, tables that were ever referenced are
 * never dropped, and a column becomes {@code NOT NULL} only when it holds no {@code NULL}.
 */
final class Evolution {

    /** Rows by table, each row column → value ({@code Long}, {@code String}, {@code Boolean}, {@code BigDecimal} or null). */
    static final class Data {
        final Map<String, List<Map<String, Object>>> tables = new TreeMap<>();

        Data copy() {
            Data copy = new Data();
            tables.forEach((t, rows) -> copy.tables.put(t, new ArrayList<>(rows.stream().map(r -> (Map<String, Object>) new LinkedHashMap<>(r)).toList())));
            return copy;
        }
    }

    /**
     * One change.
     *
     * @param inserted rows inserted (in this order) before migrating to this version
     * @param expected every table's rows once this version is applied
     */
    record Step(int version, Schema before, Schema after, List<Op> ops, Data inserted, Data expected) {
    }

    private final Random random;
    private final List<Step> steps = new ArrayList<>();
    private Schema schema = Schema.empty();
    private Data data = new Data();
    private int names;
    private long rowCounter;
    /** The rows as they will be when this step's migration runs: what changes must keep valid. */
    private Data view = new Data();
    /** Whether a column became NOT NULL in this step, filling NULLs with one value (no unique may follow). */
    private boolean filledThisStep;
    /** table.column of columns added in this step: existing rows all get one value (no unique may follow). */
    private final Set<String> addedThisStep = new HashSet<>();
    /** table.column of a foreign-key column → the table its values point at, kept even if the key is dropped. */
    private final Map<String, String> references = new HashMap<>();
    private final Set<String> everReferenced = new HashSet<>();

    /** Whether text columns may be indexed (MariaDB and H2 cannot index unbounded text). */
    private final boolean indexableText;

    private Evolution(long seed, boolean indexableText) {
        this.random = new Random(seed);
        this.indexableText = indexableText;
    }

    static List<Step> generate(long seed, int count, boolean indexableText) {
        Evolution evolution = new Evolution(seed, indexableText);
        while (evolution.steps.size() < count) {
            evolution.step();
        }
        return evolution.steps;
    }

    private void step() {
        long rowsBefore = rowCounter;
        Data inserted = schema.isEmpty() ? new Data() : insertRows();
        view = apply(data, inserted);
        filledThisStep = false;
        addedThisStep.clear();
        Map<String, String> tableHints = new TreeMap<>();
        Map<String, Map<String, String>> columnHints = new TreeMap<>();
        Schema target = schema;
        int changes = schema.isEmpty() ? 2 : 1 + random.nextInt(3);
        for (int i = 0; i < changes; i++) {
            Schema next = mutate(target, tableHints, columnHints);
            if (next != null) {
                target = conventional(next);
            }
        }
        List<Op> ops = Differ.diff(schema, target, new Hints(tableHints, columnHints));
        if (ops.isEmpty()) {
            rowCounter = rowsBefore;
            return;
        }
        Schema after = Replay.apply(schema, ops);
        Data expected = transform(apply(data, inserted), ops);
        steps.add(new Step(steps.size() + 1, schema, after, ops, inserted, expected));
        schema = after;
        data = expected;
    }

    private static Data apply(Data data, Data inserted) {
        Data copy = data.copy();
        inserted.tables.forEach((t, rows) -> copy.tables.computeIfAbsent(t, k -> new ArrayList<>()).addAll(rows));
        return copy;
    }

    // ---- rows ----

    private Data insertRows() {
        Data inserted = new Data();
        for (Table table : schema.tables()) {
            List<Map<String, Object>> rows = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                long id = ++rowCounter;
                Map<String, Object> row = new LinkedHashMap<>();
                for (Column column : table.columns()) {
                    row.put(column.name(), value(table, column, id));
                }
                rows.add(row);
            }
            inserted.tables.put(table.name(), rows);
        }
        return inserted;
    }

    private Object value(Table table, Column column, long id) {
        if (column.name().equals("id")) {
            return id;
        }
        String target = references.get(table.name() + "." + column.name());
        if (target != null) {
            List<Map<String, Object>> parents = data.tables.getOrDefault(target, List.of());
            return parents.isEmpty() || random.nextInt(4) == 0 ? null
                    : parents.get(random.nextInt(parents.size())).get("id");
        }
        if (column.nullable() && random.nextInt(5) == 0) {
            return null;
        }
        return switch (column.type().kind()) {
            case SMALLINT, INTEGER, BIGINT -> id;
            case VARCHAR, TEXT -> "v" + id;
            case BOOLEAN -> id % 2 == 0;
            case DECIMAL -> column.type().scale() > 0 ? new BigDecimal(id + ".5") : BigDecimal.valueOf(id);
            default -> throw new IllegalStateException("the generator does not make " + column.type());
        };
    }

    /** What the operations do to rows, as the database does it. */
    static Data transform(Data data, List<Op> ops) {
        Data result = data.copy();
        for (Op op : ops) {
            List<Map<String, Object>> rows = result.tables.get(op.table());
            switch (op) {
                case Op.CreateTable o -> result.tables.put(o.table(), new ArrayList<>());
                case Op.DropTable o -> result.tables.remove(o.table());
                case Op.RenameTable o -> result.tables.put(o.newName(), result.tables.remove(o.table()));
                case Op.AddColumn o -> rows.forEach(r -> r.put(o.column().name(), literal(o.column().defaultValue())));
                case Op.DropColumn o -> rows.forEach(r -> r.remove(o.column().name()));
                case Op.RenameColumn o -> {
                    for (int i = 0; i < rows.size(); i++) {
                        Map<String, Object> renamed = new LinkedHashMap<>();
                        rows.get(i).forEach((k, v) -> renamed.put(k.equals(o.column()) ? o.newName() : k, v));
                        rows.set(i, renamed);
                    }
                }
                case Op.AlterColumn o -> {
                    if (o.from().nullable() && !o.to().nullable()) {
                        rows.forEach(r -> {
                            if (r.get(o.column()) == null) {
                                r.put(o.column(), literal(o.effectiveFill()));
                            }
                        });
                    }
                }
                default -> {
                    // Keys, indexes, checks and foreign keys leave rows as they are.
                }
            }
        }
        return result;
    }

    /** The value of a canonical literal default: {@code 'x'}, {@code 12}, {@code 1.5}, {@code true}. */
    static Object literal(String canonical) {
        if (canonical == null || canonical.equals("null")) {
            return null;
        }
        if (canonical.startsWith("'")) {
            return canonical.substring(1, canonical.length() - 1).replace("''", "'");
        }
        if (canonical.equals("true") || canonical.equals("false")) {
            return Boolean.parseBoolean(canonical);
        }
        return new BigDecimal(canonical);
    }

    // ---- changes ----

    private Schema mutate(Schema s, Map<String, String> tableHints, Map<String, Map<String, String>> columnHints) {
        if (s.tables().size() < 2) {
            return createTable(s);
        }
        return switch (random.nextInt(17)) {
            case 0, 1 -> createTable(s);
            case 2 -> dropTable(s);
            case 3 -> renameTable(s, tableHints, columnHints);
            case 4, 5 -> addColumn(s);
            case 6 -> dropColumn(s);
            case 7 -> renameColumn(s, columnHints);
            case 8 -> alterType(s);
            case 9 -> alterNullability(s);
            case 10 -> alterDefault(s);
            case 11 -> addIndex(s);
            case 12 -> dropConstraint(s);
            case 13 -> addUnique(s);
            case 14 -> addForeignKey(s);
            case 15 -> changeForeignKeyAction(s);
            default -> addCheck(s);
        };
    }

    private String name(String prefix) {
        return prefix + (++names);
    }

    private <T> T pick(List<T> items) {
        return items.isEmpty() ? null : items.get(random.nextInt(items.size()));
    }

    private Column randomColumn(boolean existingTable) {
        ColumnType type = switch (random.nextInt(7)) {
            case 0 -> ColumnType.INTEGER;
            case 1 -> ColumnType.BIGINT;
            case 2 -> ColumnType.SMALLINT;
            case 3 -> ColumnType.varchar(8 + random.nextInt(40));
            case 4 -> ColumnType.TEXT;
            case 5 -> ColumnType.BOOLEAN;
            default -> ColumnType.decimal(8 + random.nextInt(6), random.nextInt(3));
        };
        Column column = Column.of(name("c"), type);
        if (random.nextInt(3) == 0) {
            column = column.defaultValue(defaultFor(type));
        }
        if (random.nextInt(3) == 0) {
            column = column.notNull();
            if (existingTable && !column.hasDefault()) {
                column = column.defaultValue(defaultFor(type));
            }
        }
        return column;
    }

    private String defaultFor(ColumnType type) {
        int n = random.nextInt(50);
        return Expressions.canonicalDefault(switch (type.kind()) {
            case SMALLINT, INTEGER, BIGINT -> String.valueOf(n);
            case VARCHAR, TEXT -> "'d" + n + "'";
            case BOOLEAN -> n % 2 == 0 ? "true" : "false";
            case DECIMAL -> type.scale() > 0 ? n + ".5" : String.valueOf(n);
            default -> throw new IllegalStateException(type.toString());
        });
    }

    private Schema createTable(Schema s) {
        String name = name("t");
        List<Column> columns = new ArrayList<>(List.of(Column.of("id", ColumnType.BIGINT).notNull()));
        for (int i = random.nextInt(3); i >= 0; i--) {
            columns.add(randomColumn(false));
        }
        List<ForeignKey> fks = new ArrayList<>();
        Table parent = pick(s.tables());
        if (parent != null && random.nextBoolean()) {
            String column = name("r");
            columns.add(Column.of(column, ColumnType.BIGINT));
            fks.add(foreignKey(name, column, parent.name()));
            references.put(name + "." + column, parent.name());
            everReferenced.add(parent.name());
        }
        List<Index> indexes = new ArrayList<>();
        Column indexedColumn = columns.get(1 + random.nextInt(columns.size() - 1));
        if (random.nextBoolean() && indexable(indexedColumn)) {
            indexes.add(new Index("_ix", List.of(indexedColumn.name()), false));
        }
        return s.with(new Table(name, columns, new PrimaryKey("_pk", List.of("id")), List.of(), indexes, fks, List.of()));
    }

    private ForeignKey foreignKey(String table, String column, String parent) {
        ForeignKey.Action action = pick(List.of(ForeignKey.Action.NO_ACTION, ForeignKey.Action.CASCADE,
                ForeignKey.Action.SET_NULL, ForeignKey.Action.RESTRICT));
        return new ForeignKey("_fk", List.of(column), parent, List.of("id"), action, ForeignKey.Action.NO_ACTION);
    }

    private Schema dropTable(Schema s) {
        Table table = pick(s.tables().stream().filter(t -> !everReferenced.contains(t.name())).toList());
        if (table == null) {
            return null;
        }
        references.keySet().removeIf(k -> k.startsWith(table.name() + "."));
        return s.without(table.name());
    }

    private Schema renameTable(Schema s, Map<String, String> tableHints, Map<String, Map<String, String>> columnHints) {
        Table table = pick(s.tables().stream().filter(t -> !tableHints.containsKey(t.name())
                && !tableHints.containsValue(t.name()) && !columnHints.containsKey(t.name())).toList());
        if (table == null) {
            return null;
        }
        String name = name("t");
        tableHints.put(name, table.name());
        rename(references, table.name(), name);
        if (everReferenced.remove(table.name())) {
            everReferenced.add(name);
        }
        return s.without(table.name()).with(table.withName(name)).mapTables(t -> t.withForeignKeys(t.foreignKeys().stream()
                .map(fk -> fk.referencedTable().equals(table.name()) ? fk.withReference(name, fk.referencedColumns()) : fk)
                .toList()));
    }

    private static void rename(Map<String, String> references, String old, String name) {
        Map<String, String> renamed = new HashMap<>();
        references.forEach((k, v) -> renamed.put(k.startsWith(old + ".") ? name + k.substring(old.length()) : k,
                v.equals(old) ? name : v));
        references.clear();
        references.putAll(renamed);
    }

    private Schema addColumn(Schema s) {
        Table table = pick(s.tables());
        List<Column> columns = new ArrayList<>(table.columns());
        Column added = randomColumn(true);
        addedThisStep.add(table.name() + "." + added.name());
        columns.add(added);
        return s.with(table.withColumns(columns));
    }

    private List<Column> plainColumns(Table table) {
        return table.columns().stream().filter(c -> !c.name().equals("id")
                && !references.containsKey(table.name() + "." + c.name())).toList();
    }

    private boolean indexable(Column column) {
        return indexableText || column.type().kind() != ColumnType.Kind.TEXT;
    }

    /** Whether a column has a unique key now or had one when this step began (down() restores that too). */
    private boolean uniqueKey(Table table, String column) {
        Table before = schema.table(table.name()).orElse(table);
        for (Table t : List.of(table, before)) {
            if (t.uniques().stream().anyMatch(u -> u.columns().contains(column))
                    || t.indexes().stream().anyMatch(i -> i.unique() && i.columns().contains(column))) {
                return true;
            }
        }
        return false;
    }

    private static boolean indexed(Table table, String column) {
        return table.indexes().stream().anyMatch(i -> i.columns().contains(column))
                || table.uniques().stream().anyMatch(u -> u.columns().contains(column));
    }

    private Schema dropColumn(Schema s) {
        Table table = pick(s.tables().stream().filter(t -> t.columns().size() > 1).toList());
        if (table == null) {
            return null;
        }
        // A column with a unique key cannot come back in down() if every row would get one value: its default,
        // or the zero value of a NOT NULL type.
        Column column = pick(table.columns().stream().filter(c -> !c.name().equals("id"))
                .filter(c -> (c.nullable() && !c.hasDefault()) || !uniqueKey(table, c.name()))
                .toList());
        if (column == null) {
            return null;
        }
        references.remove(table.name() + "." + column.name());
        String name = column.name();
        return s.with(new Table(table.name(), table.columns().stream().filter(c -> c != column).toList(),
                table.primaryKey(),
                table.uniques().stream().filter(u -> !u.columns().contains(name)).toList(),
                table.indexes().stream().filter(i -> !i.columns().contains(name)).toList(),
                table.foreignKeys().stream().filter(f -> !f.columns().contains(name)).toList(),
                table.checks().stream().filter(c -> !Expressions.columnsOf(c.condition()).contains(name)).toList()));
    }

    private Schema renameColumn(Schema s, Map<String, Map<String, String>> columnHints) {
        Table table = pick(s.tables().stream().filter(t -> !columnHints.containsKey(t.name())).toList());
        Column column = table == null ? null : pick(plainColumns(table));
        if (column == null) {
            return null;
        }
        String name = name("c");
        columnHints.computeIfAbsent(table.name(), t -> new TreeMap<>()).put(name, column.name());
        Function<List<String>, List<String>> r = cols -> cols.stream().map(c -> c.equals(column.name()) ? name : c).toList();
        return s.with(new Table(table.name(),
                table.columns().stream().map(c -> c == column ? c.withName(name) : c).toList(),
                table.primaryKey(),
                table.uniques().stream().map(u -> u.withColumns(r.apply(u.columns()))).toList(),
                table.indexes().stream().map(i -> i.withColumns(r.apply(i.columns()))).toList(),
                table.foreignKeys(),
                table.checks().stream().map(c -> c.withCondition(Expressions.renameColumns(c.condition(),
                        Map.of(column.name(), name)))).toList()));
    }

    private Schema alterType(Schema s) {
        Table table = pick(s.tables());
        Column column = pick(plainColumns(table));
        if (column == null) {
            return null;
        }
        ColumnType type = column.type();
        boolean textAllowed = indexableText || !indexed(table, column.name());
        ColumnType next = switch (type.kind()) {
            case VARCHAR -> random.nextBoolean() && textAllowed ? ColumnType.TEXT : ColumnType.varchar(8 + random.nextInt(60));
            case TEXT -> ColumnType.varchar(8 + random.nextInt(60));
            case SMALLINT -> ColumnType.INTEGER;
            case INTEGER -> random.nextBoolean() ? ColumnType.BIGINT : ColumnType.SMALLINT;
            case BIGINT -> ColumnType.INTEGER;
            case DECIMAL -> ColumnType.decimal(type.precision() + 1 + random.nextInt(3), type.scale());
            default -> null;
        };
        if (next == null || next.equals(type)) {
            return null;
        }
        String defaultValue = column.hasDefault() ? defaultFor(next) : null;
        return s.with(table.mapColumns(c -> c == column ? c.withType(next).defaultValue(defaultValue) : c));
    }

    private Schema alterNullability(Schema s) {
        Table table = pick(s.tables());
        Column column = pick(plainColumns(table));
        if (column == null) {
            return null;
        }
        boolean uniqueKey = uniqueKey(table, column.name());
        if (!column.nullable()) {
            // down() would make it NOT NULL again by filling NULLs with one value, which a unique key refuses.
            return uniqueKey ? null : s.with(table.mapColumns(c -> c == column ? c.withNullable(true) : c));
        }
        boolean holdsNull = view.tables.getOrDefault(table.name(), List.of()).stream()
                .anyMatch(r -> r.get(column.name()) == null);
        if (holdsNull) {
            if (uniqueKey || random.nextBoolean()) {
                return null;
            }
            filledThisStep = true;
        }
        Column tightened = column.notNull().defaultValue(column.hasDefault() ? column.defaultValue() : defaultFor(column.type()));
        return s.with(table.mapColumns(c -> c == column ? tightened : c));
    }

    private Schema alterDefault(Schema s) {
        Table table = pick(s.tables());
        Column column = pick(plainColumns(table).stream().filter(Column::nullable).toList());
        if (column == null) {
            return null;
        }
        String next = random.nextInt(3) == 0 ? null : defaultFor(column.type());
        return s.with(table.mapColumns(c -> c == column ? c.defaultValue(next) : c));
    }

    private Schema addIndex(Schema s) {
        Table table = pick(s.tables().stream().filter(t -> t.columns().size() > 1).toList());
        if (table == null) {
            return null;
        }
        List<String> columns = new ArrayList<>();
        Column first = table.columns().get(1 + random.nextInt(table.columns().size() - 1));
        if (!indexable(first)) {
            return null;
        }
        columns.add(first.name());
        if (random.nextBoolean()) {
            Column second = table.columns().get(random.nextInt(table.columns().size()));
            if (!columns.contains(second.name()) && indexable(second)) {
                columns.add(second.name());
            }
        }
        boolean plain = columns.stream().allMatch(c -> !references.containsKey(table.name() + "." + c)
                && table.column(c).orElseThrow().type().kind() != ColumnType.Kind.BOOLEAN);
        boolean unique = plain && random.nextInt(3) == 0 && distinct(table.name(), columns);
        String name = Names.index(table.name(), columns);
        if (table.constraintNames().contains(name)) {
            return null;
        }
        List<Index> indexes = new ArrayList<>(table.indexes());
        indexes.add(new Index(name, columns, unique));
        return s.with(table.withIndexes(indexes));
    }

    private boolean distinct(String table, List<String> columns) {
        if (filledThisStep || columns.stream().anyMatch(c -> addedThisStep.contains(table + "." + c))) {
            return false;
        }
        Set<List<Object>> seen = new HashSet<>();
        for (Map<String, Object> row : view.tables.getOrDefault(table, List.of())) {
            List<Object> key = columns.stream().map(row::get).toList();
            if (key.stream().noneMatch(Objects::isNull) && !seen.add(key)) {
                return false;
            }
        }
        return true;
    }

    private Schema addUnique(Schema s) {
        Table table = pick(s.tables());
        // Inserted values are distinct for every kind but boolean.
        Column column = pick(plainColumns(table).stream().filter(this::indexable)
                .filter(c -> c.type().kind() != ColumnType.Kind.BOOLEAN)
                .filter(c -> distinct(table.name(), List.of(c.name()))).toList());
        if (column == null || table.constraintNames().contains(Names.unique(table.name(), List.of(column.name())))) {
            return null;
        }
        List<Unique> uniques = new ArrayList<>(table.uniques());
        uniques.add(new Unique("_uq", List.of(column.name())));
        return s.with(table.withUniques(uniques));
    }

    private Schema dropConstraint(Schema s) {
        Table table = pick(s.tables());
        return switch (random.nextInt(4)) {
            case 0 -> table.indexes().isEmpty() ? null : s.with(table.withIndexes(table.indexes().subList(1, table.indexes().size())));
            case 1 -> table.uniques().isEmpty() ? null : s.with(table.withUniques(table.uniques().subList(1, table.uniques().size())));
            case 2 -> table.checks().isEmpty() ? null : s.with(table.withChecks(table.checks().subList(1, table.checks().size())));
            default -> table.foreignKeys().isEmpty() ? null
                    : s.with(table.withForeignKeys(table.foreignKeys().subList(1, table.foreignKeys().size())));
        };
    }

    private Schema addForeignKey(Schema s) {
        Table table = pick(s.tables());
        Table parent = pick(s.tables());
        String column = name("r");
        List<Column> columns = new ArrayList<>(table.columns());
        columns.add(Column.of(column, ColumnType.BIGINT));
        List<ForeignKey> fks = new ArrayList<>(table.foreignKeys());
        fks.add(foreignKey(table.name(), column, parent.name()));
        references.put(table.name() + "." + column, parent.name());
        everReferenced.add(parent.name());
        return s.with(new Table(table.name(), columns, table.primaryKey(), table.uniques(), table.indexes(), fks,
                table.checks()));
    }

    private Schema changeForeignKeyAction(Schema s) {
        Table table = pick(s.tables().stream().filter(t -> !t.foreignKeys().isEmpty()).toList());
        if (table == null) {
            return null;
        }
        ForeignKey fk = pick(table.foreignKeys());
        ForeignKey changed = new ForeignKey(fk.name(), fk.columns(), fk.referencedTable(), fk.referencedColumns(),
                fk.onDelete() == ForeignKey.Action.CASCADE ? ForeignKey.Action.SET_NULL : ForeignKey.Action.CASCADE,
                fk.onUpdate());
        return s.with(table.withForeignKeys(table.foreignKeys().stream().map(f -> f == fk ? changed : f).toList()));
    }

    private Schema addCheck(Schema s) {
        Table table = pick(s.tables());
        Column column = pick(plainColumns(table).stream().filter(c -> switch (c.type().kind()) {
            case SMALLINT, INTEGER, BIGINT, DECIMAL -> true;
            default -> false;
        }).toList());
        if (column == null || table.checks().stream().anyMatch(c -> Expressions.columnsOf(c.condition()).contains(column.name()))) {
            return null;
        }
        List<Check> checks = new ArrayList<>(table.checks());
        checks.add(new Check("_ck", Expressions.canonicalCondition(column.name() + " >= 0")));
        return s.with(table.withChecks(checks));
    }

    /** Every constraint named as the processor names it: what a model built from entities would say. */
    private static Schema conventional(Schema s) {
        return s.mapTables(t -> new Table(t.name(), t.columns(),
                t.primaryKey() == null ? null : new PrimaryKey(Names.primaryKey(t.name()), t.primaryKey().columns()),
                t.uniques().stream().map(u -> u.withName(Names.unique(t.name(), u.columns()))).toList(),
                t.indexes().stream().map(i -> i.withName(Names.index(t.name(), i.columns()))).toList(),
                t.foreignKeys().stream().map(f -> f.withName(Names.foreignKey(t.name(), f.columns(), f.referencedTable()))).toList(),
                t.checks().stream().map(c -> c.withName(Names.check(t.name(),
                        Expressions.columnsOf(c.condition()).first()))).toList()));
    }
}
