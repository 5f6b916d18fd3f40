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
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
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
import java.util.UUID;
import java.util.function.Function;

/**
 * A seeded history of schema changes as entity edits would make them (every constraint named by the
 * processor's conventions, renames given as hints), with the rows a test inserts before each change.
 *
 * <p>Every change kind the differ knows appears, up to four in one migration: tables created (with or
 * without a primary key), dropped and renamed; columns of every mapped type added, dropped, renamed and
 * altered (type, nullability, default); primary keys, unique constraints (one or two columns), indexes,
 * checks and foreign keys (referencing a primary key or a unique key, with delete and update actions)
 * added and dropped, including a unique key added to a table and referenced by a new table in the same
 * migration. Rows hold every mapped type with edge values: NULLs, empty strings, quotes, backslashes,
 * non-ASCII text, the extremes of each numeric type, early and late dates, empty and odd binary values.
 *
 * <p>Data stays valid under every change and its inverse: a type narrows only when every value fits; a
 * unique key is added only over distinct values; a check only when every value satisfies it, and values
 * inserted later satisfy it too; foreign-key columns hold an existing parent value or {@code NULL}; tables
 * and columns that are ever referenced are never dropped, renamed or retyped; a column becomes
 * {@code NOT NULL} only with a default to fill it with.
 */
final class Evolution {

    /** Rows by table, each row column → value as the test inserts it (or null). */
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
     */
    record Step(int version, Schema before, Schema after, List<Op> ops, Data inserted) {
    }

    /** What a foreign-key column points at. */
    private record Ref(String table, String column) {
    }

    private static final String[] TEXT_EDGES = {"", "'", "\\", "\"", "it's", "a\\'b", "é"};

    private final Random random;
    private final List<Step> steps = new ArrayList<>();
    private Schema schema = Schema.empty();
    private Data data = new Data();
    private int names;
    private long rowCounter;
    /** The rows as they will be when this step's migration runs: what changes must keep valid. */
    private Data view = new Data();
    /** table.column of columns added in this step: existing rows all get one value (no unique may follow). */
    private final Set<String> addedThisStep = new HashSet<>();
    /** This step's renames so far: new table name → old, and table → new column name → old. */
    private Map<String, String> stepTableHints = Map.of();
    private Map<String, Map<String, String>> stepColumnHints = Map.of();
    /** Whether a column became NOT NULL in this step, filling NULLs with one value (no unique may follow). */
    private boolean filledThisStep;
    /** table.column of a foreign-key column → what its values point at, kept even if the key is dropped. */
    private final Map<String, Ref> references = new HashMap<>();
    /** Tables and table.columns a foreign key ever pointed at: never dropped, renamed or altered. */
    private final Set<String> everReferenced = new HashSet<>();
    /** table.columns a check ever held: never given a negative value, so undoing a dropped check still holds. */
    private final Set<String> everChecked = new HashSet<>();
    /**
     * table.column → the narrowest type it ever had: the inverse of a widening narrows again, so every value
     * stays within this type, whatever the column's type is now.
     */
    private final Map<String, ColumnType> floor = new HashMap<>();

    /** Whether text and binary columns may be indexed (MariaDB and H2 cannot index unbounded ones). */
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
        stepTableHints = tableHints;
        stepColumnHints = columnHints;
        Schema target = schema;
        int changes = schema.isEmpty() ? 2 : 1 + random.nextInt(4);
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
        steps.add(new Step(steps.size() + 1, schema, after, ops, inserted));
        schema = after;
        data = transform(view, ops);
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
        Ref target = references.get(table.name() + "." + column.name());
        if (target != null) {
            List<Object> parents = data.tables.getOrDefault(target.table(), List.of()).stream()
                    .map(r -> r.get(target.column())).filter(Objects::nonNull).toList();
            return parents.isEmpty() || random.nextInt(4) == 0 ? null : parents.get(random.nextInt(parents.size()));
        }
        if (column.nullable() && random.nextInt(5) == 0) {
            return null;
        }
        boolean checked = table.checks().stream().anyMatch(c -> Expressions.columnsOf(c.condition()).contains(column.name()));
        // A column under a key gets only values that differ from row to row.
        boolean keyed = table.uniques().stream().anyMatch(u -> u.columns().contains(column.name()))
                || table.indexes().stream().anyMatch(i -> i.unique() && i.columns().contains(column.name()));
        int edge = keyed ? pick(List.of(0, 2, 3)) : random.nextInt(6);
        boolean negative = edge == 2 && !checked && !everChecked.contains(table.name() + "." + column.name());
        ColumnType type = column.type();
        ColumnType narrowest = floor.getOrDefault(table.name() + "." + column.name(), type);
        long max = switch (narrowest.kind()) {
            case SMALLINT -> Short.MAX_VALUE;
            case INTEGER -> Integer.MAX_VALUE;
            default -> Long.MAX_VALUE;
        };
        long whole = edge == 0 ? max - id : edge == 1 ? 0 : negative ? -id : id;
        return switch (type.kind()) {
            case SMALLINT -> (short) whole;
            case INTEGER -> (int) whole;
            case BIGINT -> whole;
            case DECIMAL -> {
                BigDecimal integral = edge == 0 ? BigDecimal.TEN.pow(narrowest.precision() - narrowest.scale())
                        .subtract(BigDecimal.valueOf(id + 1)) : BigDecimal.valueOf(id);
                BigDecimal value = type.scale() > 0 ? integral.add(new BigDecimal("0.5")) : integral;
                yield (negative ? value.negate() : value).setScale(type.scale());
            }
            // Large floats whose shortest decimal spelling is exact: MariaDB's driver sends floats as that text.
            case REAL -> negative ? -(id + 0.25f) : edge == 0 ? 8388608f - id : id + 0.5f;
            case DOUBLE -> narrowest.kind() == ColumnType.Kind.REAL
                    ? (double) (negative ? -(id + 0.25f) : edge == 0 ? 8388608f - id : id + 0.5f)
                    : negative ? -(id + 0.75d) : edge == 0 ? 123456789.125d + id : id + 0.25d;
            case BOOLEAN -> id % 2 == 0;
            case VARCHAR, TEXT -> edge == 1 ? TEXT_EDGES[(int) (id % TEXT_EDGES.length)]
                    : (edge == 0 ? TEXT_EDGES[(int) (id % TEXT_EDGES.length)] : "v") + id;
            case TIME -> edge == 0 && !keyed ? LocalTime.of(23, 59, 59).minusSeconds(id % 80000)
                    : LocalTime.MIDNIGHT.plusSeconds(id % 80000);
            case DATE -> edge == 0 ? LocalDate.of(1900, 1, 1).plusDays(id) : edge == 1 ? LocalDate.of(9999, 12, 31).minusDays(id)
                    : LocalDate.of(2020, 1, 1).plusDays(id);
            case TIMESTAMP -> edge == 0 ? LocalDateTime.of(1970, 1, 1, 0, 0).plusSeconds(id)
                    : LocalDateTime.of(2020, 2, 29, 23, 59, 59).plusSeconds(id);
            case TIMESTAMP_TZ -> (edge == 0 ? OffsetDateTime.of(2038, 1, 19, 3, 14, 8, 0, ZoneOffset.UTC)
                    : OffsetDateTime.of(2020, 1, 1, 10, 0, 0, 0, ZoneOffset.UTC)).plusSeconds(id);
            case UUID -> UUID.nameUUIDFromBytes(("row " + id).getBytes(StandardCharsets.UTF_8));
            case BLOB -> edge == 1 ? new byte[0] : edge == 0 ? ("\0\u00ff'\\" + id).getBytes(StandardCharsets.ISO_8859_1)
                    : ("b" + id).getBytes(StandardCharsets.UTF_8);
            case JSON -> "{\"v\": " + id + "}";
        };
    }

    /** What the operations do to rows, as the database does it: values by column, with their logical types. */
    static Map<String, List<Map<String, Object>>> transform(Map<String, List<Map<String, Object>>> tables, List<Op> ops) {
        Data data = new Data();
        data.tables.putAll(tables);
        return transform(data, ops).tables;
    }

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
                case Op.AddPrimaryKey o -> { }
                case Op.DropPrimaryKey o -> { }
                case Op.AddUnique o -> { }
                case Op.DropUnique o -> { }
                case Op.CreateIndex o -> { }
                case Op.DropIndex o -> { }
                case Op.AddForeignKey o -> { }
                case Op.DropForeignKey o -> { }
                case Op.AddCheck o -> { }
                case Op.DropCheck o -> { }
                case Op.RenameConstraint o -> { }
            }
        }
        return result;
    }

    /**
     * The value of a canonical literal default or fill: {@code 'x'}, {@code 12}, {@code 1.5}, {@code true}, or
     * a typed literal as {@code down()} writes zero values ({@code date '1970-01-01'}, {@code X''}).
     */
    static Object literal(String canonical) {
        if (canonical == null || canonical.equals("null")) {
            return null;
        }
        String lower = canonical.toLowerCase(java.util.Locale.ROOT);
        for (String prefix : new String[] {"timestamp with time zone ", "timestamp ", "date ", "time "}) {
            if (lower.startsWith(prefix)) {
                String text = canonical.substring(prefix.length() + 1, canonical.length() - 1);
                return switch (prefix.trim()) {
                    case "date" -> LocalDate.parse(text);
                    case "time" -> LocalTime.parse(text);
                    case "timestamp" -> LocalDateTime.parse(text.replace(' ', 'T'));
                    default -> OffsetDateTime.parse(text.replace(' ', 'T'));
                };
            }
        }
        if (lower.startsWith("x'")) {
            return java.util.HexFormat.of().parseHex(canonical.substring(2, canonical.length() - 1));
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
        return switch (random.nextInt(23)) {
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
            case 16 -> addCheck(s);
            case 17 -> uniqueAndReference(s);
            case 18 -> addPrimaryKey(s);
            case 19 -> dropPrimaryKey(s);
            case 20 -> renameColumnAndDropAnother(s, columnHints);
            case 21 -> toggleIdentity(s);
            default -> dropColumn(s);
        };
    }

    private String name(String prefix) {
        return prefix + (++names);
    }

    private <T> T pick(List<T> items) {
        return items.isEmpty() ? null : items.get(random.nextInt(items.size()));
    }

    private static boolean hasDefaults(ColumnType type) {
        return switch (type.kind()) {
            case SMALLINT, INTEGER, BIGINT, DECIMAL, REAL, DOUBLE, VARCHAR, TEXT, BOOLEAN -> true;
            default -> false;
        };
    }

    private ColumnType randomType() {
        return switch (random.nextInt(15)) {
            case 0 -> ColumnType.INTEGER;
            case 1 -> ColumnType.BIGINT;
            case 2 -> ColumnType.SMALLINT;
            case 3 -> ColumnType.varchar(8 + random.nextInt(40));
            case 4 -> ColumnType.TEXT;
            case 5 -> ColumnType.BOOLEAN;
            case 6 -> ColumnType.decimal(8 + random.nextInt(6), random.nextInt(3));
            case 7 -> ColumnType.REAL;
            case 8 -> ColumnType.DOUBLE;
            case 9 -> ColumnType.DATE;
            case 10 -> ColumnType.TIME;
            case 11 -> ColumnType.TIMESTAMP;
            case 12 -> ColumnType.TIMESTAMP_TZ;
            case 13 -> ColumnType.UUID;
            default -> ColumnType.BLOB;
        };
    }

    private Column randomColumn(boolean existingTable) {
        ColumnType type = randomType();
        Column column = Column.of(name("c"), type);
        if (hasDefaults(type) && random.nextInt(3) == 0) {
            column = column.defaultValue(defaultFor(type));
        }
        if (random.nextInt(3) == 0 && (!existingTable || hasDefaults(type))) {
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
            case VARCHAR, TEXT -> random.nextBoolean() ? "'d" + n + "'" : "'it''s " + n + "'";
            case BOOLEAN -> n % 2 == 0 ? "true" : "false";
            case DECIMAL -> type.scale() > 0 ? n + ".5" : String.valueOf(n);
            case REAL, DOUBLE -> n + ".5";
            default -> throw new IllegalStateException(type.toString());
        });
    }

    private Schema createTable(Schema s) {
        String name = name("t");
        List<Column> columns = new ArrayList<>(List.of(Column.of("id", ColumnType.BIGINT).notNull()));
        for (int i = random.nextInt(4); i >= 0; i--) {
            columns.add(randomColumn(false));
        }
        List<ForeignKey> fks = new ArrayList<>();
        Table parent = pick(keyed(s));
        if (parent != null && random.nextBoolean()) {
            String column = name("r");
            columns.add(Column.of(column, ColumnType.BIGINT));
            fks.add(foreignKey(column, parent.name(), "id"));
            references.put(name + "." + column, new Ref(parent.name(), "id"));
            everReferenced.add(parent.name());
        }
        List<Index> indexes = new ArrayList<>();
        Column indexedColumn = columns.get(1 + random.nextInt(columns.size() - 1));
        if (random.nextBoolean() && indexable(indexedColumn)) {
            indexes.add(new Index("_ix", List.of(indexedColumn.name()), false));
        }
        PrimaryKey key = random.nextInt(6) == 0 ? null : new PrimaryKey("_pk", List.of("id"));
        return s.with(new Table(name, columns, key, List.of(), indexes, fks, List.of()));
    }

    /** Tables with a primary key on id, which foreign keys may reference. */
    private static List<Table> keyed(Schema s) {
        return s.tables().stream().filter(t -> t.primaryKey() != null).toList();
    }

    private ForeignKey foreignKey(String column, String parent, String parentColumn) {
        ForeignKey.Action onDelete = pick(List.of(ForeignKey.Action.NO_ACTION, ForeignKey.Action.CASCADE,
                ForeignKey.Action.SET_NULL, ForeignKey.Action.RESTRICT));
        ForeignKey.Action onUpdate = random.nextInt(4) == 0 ? ForeignKey.Action.CASCADE : ForeignKey.Action.NO_ACTION;
        return new ForeignKey("_fk", List.of(column), parent, List.of(parentColumn), onDelete, onUpdate);
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
        Map<String, Ref> renamed = new HashMap<>();
        references.forEach((k, v) -> renamed.put(k.startsWith(table.name() + ".") ? name + k.substring(table.name().length()) : k,
                v.table().equals(table.name()) ? new Ref(name, v.column()) : v));
        references.clear();
        references.putAll(renamed);
        Set<String> referenced = new HashSet<>();
        everReferenced.forEach(r -> referenced.add(r.equals(table.name()) ? name
                : r.startsWith(table.name() + ".") ? name + r.substring(table.name().length()) : r));
        everReferenced.clear();
        everReferenced.addAll(referenced);
        Map<String, ColumnType> floors = new HashMap<>();
        floor.forEach((k, v) -> floors.put(k.startsWith(table.name() + ".") ? name + k.substring(table.name().length()) : k, v));
        floor.clear();
        floor.putAll(floors);
        Set<String> checkedColumns = new HashSet<>();
        everChecked.forEach(k -> checkedColumns.add(k.startsWith(table.name() + ".") ? name + k.substring(table.name().length()) : k));
        everChecked.clear();
        everChecked.addAll(checkedColumns);
        return s.without(table.name()).with(table.withName(name)).mapTables(t -> t.withForeignKeys(t.foreignKeys().stream()
                .map(fk -> fk.referencedTable().equals(table.name()) ? fk.withReference(name, fk.referencedColumns()) : fk)
                .toList()));
    }

    private Schema addColumn(Schema s) {
        Table table = pick(s.tables());
        List<Column> columns = new ArrayList<>(table.columns());
        Column added = randomColumn(true);
        addedThisStep.add(table.name() + "." + added.name());
        columns.add(added);
        return s.with(table.withColumns(columns));
    }

    /** Columns no key, reference or foreign key involves: free to rename, retype, drop and constrain. */
    private List<Column> plainColumns(Table table) {
        return table.columns().stream().filter(c -> !c.name().equals("id")
                && !references.containsKey(table.name() + "." + c.name())
                && !everReferenced.contains(table.name() + "." + c.name())).toList();
    }

    private boolean indexable(Column column) {
        ColumnType.Kind kind = column.type().kind();
        return indexableText || (kind != ColumnType.Kind.TEXT && kind != ColumnType.Kind.BLOB);
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
        Table table = pick(s.tables().stream().filter(t -> t.columns().size() > 2).toList());
        if (table == null) {
            return null;
        }
        // A column with a unique key cannot come back in down() if every row would get one value: its default,
        // or the zero value of a NOT NULL type.
        Column column = pick(table.columns().stream().filter(c -> !c.name().equals("id"))
                .filter(c -> !everReferenced.contains(table.name() + "." + c.name()))
                .filter(c -> (c.nullable() && !c.hasDefault()) || !uniqueKey(table, c.name()))
                .toList());
        return column == null ? null : without(s, table, column);
    }

    private Schema without(Schema s, Table table, Column column) {
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
        return column == null ? null : renamed(s, table, column, columnHints);
    }

    private Schema renamed(Schema s, Table table, Column column, Map<String, Map<String, String>> columnHints) {
        String name = name("c");
        columnHints.computeIfAbsent(table.name(), t -> new TreeMap<>()).put(name, column.name());
        ColumnType narrowest = floor.remove(table.name() + "." + column.name());
        if (narrowest != null) {
            floor.put(table.name() + "." + name, narrowest);
        }
        if (everChecked.remove(table.name() + "." + column.name())) {
            everChecked.add(table.name() + "." + name);
        }
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

    /** A rename beside a drop in the same table: the drop and the rename must not be mistaken for each other. */
    private Schema renameColumnAndDropAnother(Schema s, Map<String, Map<String, String>> columnHints) {
        Table table = pick(s.tables().stream().filter(t -> !columnHints.containsKey(t.name()) && plainColumns(t).size() >= 2)
                .toList());
        if (table == null) {
            return null;
        }
        List<Column> plain = plainColumns(table);
        Column renamed = plain.get(0);
        Column dropped = plain.stream().skip(1).filter(c -> (c.nullable() && !c.hasDefault()) || !uniqueKey(table, c.name()))
                .findFirst().orElse(null);
        if (dropped == null) {
            return null;
        }
        Schema without = without(s, table, dropped);
        return renamed(without, without.table(table.name()).orElseThrow(), renamed, columnHints);
    }

    private List<Object> values(String table, String column) {
        return viewRows(table).stream().map(r -> r.get(column)).toList();
    }

    /**
     * The rows of {@code table} the step's migration will meet, keyed by the names the table and its columns
     * have after this step's renames so far (a rename and a unique key or check over the renamed column can
     * share a step).
     */
    private List<Map<String, Object>> viewRows(String table) {
        List<Map<String, Object>> rows = view.tables.getOrDefault(stepTableHints.getOrDefault(table, table), List.of());
        Map<String, String> renamedColumns = stepColumnHints.getOrDefault(table, Map.of());
        if (renamedColumns.isEmpty()) {
            return rows;
        }
        List<Map<String, Object>> renamed = new ArrayList<>();
        for (Map<String, Object> row : rows) {
            Map<String, Object> copy = new HashMap<>(row);
            renamedColumns.forEach((now, before) -> copy.put(now, row.get(before)));
            renamed.add(copy);
        }
        return renamed;
    }

    /** Whether every value of the column fits {@code type}: narrowing never truncates or overflows. */
    private boolean fits(String table, String column, ColumnType type) {
        for (Object value : values(table, column)) {
            if (value == null) {
                continue;
            }
            boolean ok = switch (type.kind()) {
                case SMALLINT -> ((Number) value).longValue() >= Short.MIN_VALUE && ((Number) value).longValue() <= Short.MAX_VALUE;
                case INTEGER -> ((Number) value).longValue() >= Integer.MIN_VALUE && ((Number) value).longValue() <= Integer.MAX_VALUE;
                case VARCHAR -> value.toString().length() <= type.length();
                default -> true;
            };
            if (!ok) {
                return false;
            }
        }
        return true;
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
            case REAL -> ColumnType.DOUBLE;
            default -> null;
        };
        if (next == null || next.equals(type) || !fits(table.name(), column.name(), next)) {
            return null;
        }
        String defaultValue = column.hasDefault() ? defaultFor(next) : null;
        String key = table.name() + "." + column.name();
        ColumnType narrowest = floor.getOrDefault(key, type);
        floor.put(key, narrower(next, narrowest) ? next : narrowest);
        return s.with(table.mapColumns(c -> c == column ? c.withType(next).defaultValue(defaultValue) : c));
    }

    /** Whether {@code a} holds fewer values than {@code b} on the ladders the generator moves along. */
    private static boolean narrower(ColumnType a, ColumnType b) {
        List<ColumnType.Kind> integers = List.of(ColumnType.Kind.SMALLINT, ColumnType.Kind.INTEGER, ColumnType.Kind.BIGINT);
        if (integers.contains(a.kind()) && integers.contains(b.kind())) {
            return integers.indexOf(a.kind()) < integers.indexOf(b.kind());
        }
        if (a.kind() == ColumnType.Kind.DECIMAL && b.kind() == ColumnType.Kind.DECIMAL) {
            return a.precision() - a.scale() < b.precision() - b.scale();
        }
        return a.kind() == ColumnType.Kind.REAL && b.kind() == ColumnType.Kind.DOUBLE;
    }

    private Schema alterNullability(Schema s) {
        Table table = pick(s.tables());
        Column column = pick(plainColumns(table).stream().filter(c -> hasDefaults(c.type()) || !c.nullable()).toList());
        if (column == null) {
            return null;
        }
        boolean uniqueKey = uniqueKey(table, column.name());
        if (!column.nullable()) {
            // down() would make it NOT NULL again by filling NULLs with one value, which a unique key refuses.
            return uniqueKey ? null : s.with(table.mapColumns(c -> c == column ? c.withNullable(true) : c));
        }
        boolean holdsNull = values(table.name(), column.name()).stream().anyMatch(Objects::isNull);
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
        Column column = pick(plainColumns(table).stream().filter(c -> hasDefaults(c.type())).toList());
        if (column == null) {
            return null;
        }
        String next = random.nextInt(3) == 0 && column.nullable() ? null : defaultFor(column.type());
        if (!column.nullable() && checked(table, column.name()) && next == null) {
            return null;
        }
        return s.with(table.mapColumns(c -> c == column ? c.defaultValue(next) : c));
    }

    private static boolean checked(Table table, String column) {
        return table.checks().stream().anyMatch(c -> Expressions.columnsOf(c.condition()).contains(column));
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
        for (Map<String, Object> row : viewRows(table)) {
            List<Object> key = columns.stream().map(c -> comparable(row.get(c))).toList();
            if (key.stream().noneMatch(Objects::isNull) && !seen.add(key)) {
                return false;
            }
        }
        return true;
    }

    /**
     * A value as a unique key compares it, on the strictest of the databases: numbers by value whatever their
     * Java type ({@code 12} and a filled {@code 12.0}), text ignoring case and trailing spaces (MariaDB).
     */
    private static Object comparable(Object value) {
        return switch (value) {
            case null -> null;
            case Number n -> new BigDecimal(n.toString()).stripTrailingZeros();
            case byte[] b -> java.util.HexFormat.of().formatHex(b);
            case String t -> t.toLowerCase(java.util.Locale.ROOT).stripTrailing();
            default -> value.toString();
        };
    }

    private List<Column> uniqueCandidates(Table table) {
        // Inserted values are distinct for every kind but boolean; floating point keys are left out.
        return plainColumns(table).stream().filter(this::indexable)
                .filter(c -> switch (c.type().kind()) {
                    case BOOLEAN, REAL, DOUBLE -> false;
                    default -> true;
                })
                .filter(c -> distinct(table.name(), List.of(c.name()))).toList();
    }

    private Schema addUnique(Schema s) {
        Table table = pick(s.tables());
        List<Column> candidates = uniqueCandidates(table);
        Column column = pick(candidates);
        if (column == null) {
            return null;
        }
        List<String> columns = new ArrayList<>(List.of(column.name()));
        if (random.nextInt(3) == 0 && candidates.size() > 1) {
            Column second = pick(candidates);
            if (second != column) {
                columns.add(second.name());
            }
        }
        if (table.constraintNames().contains(Names.unique(table.name(), columns)) || !distinct(table.name(), columns)) {
            return null;
        }
        List<Unique> uniques = new ArrayList<>(table.uniques());
        uniques.add(new Unique("_uq", columns));
        return s.with(table.withUniques(uniques));
    }

    /**
     * A unique key added to a column of an existing table and, in the same migration, a new table whose
     * foreign key references that key: the key must exist before the table that needs it, and outlive it.
     */
    private Schema uniqueAndReference(Schema s) {
        Table parent = pick(s.tables());
        Column key = pick(uniqueCandidates(parent).stream().filter(c -> switch (c.type().kind()) {
            case SMALLINT, INTEGER, BIGINT, VARCHAR -> true;
            default -> false;
        }).toList());
        if (key == null) {
            return null;
        }
        Table keyed = parent;
        if (keyed.uniques().stream().noneMatch(u -> u.columns().equals(List.of(key.name())))) {
            List<Unique> uniques = new ArrayList<>(parent.uniques());
            uniques.add(new Unique(Names.unique(parent.name(), List.of(key.name())), List.of(key.name())));
            keyed = parent.withUniques(uniques);
        }
        String name = name("t");
        String column = name("r");
        Table child = new Table(name, List.of(Column.of("id", ColumnType.BIGINT).notNull(), Column.of(column, key.type())),
                new PrimaryKey("_pk", List.of("id")), List.of(), List.of(),
                List.of(foreignKey(column, parent.name(), key.name())), List.of());
        references.put(name + "." + column, new Ref(parent.name(), key.name()));
        everReferenced.add(parent.name());
        everReferenced.add(parent.name() + "." + key.name());
        return s.with(keyed).with(child);
    }

    private Schema addPrimaryKey(Schema s) {
        Table table = pick(s.tables().stream().filter(t -> t.primaryKey() == null).toList());
        return table == null ? null : s.with(table.withPrimaryKey(new PrimaryKey("_pk", List.of("id"))));
    }

    private Schema dropPrimaryKey(Schema s) {
        Table table = pick(s.tables().stream().filter(t -> t.primaryKey() != null && !everReferenced.contains(t.name()))
                .toList());
        // An identity is the table's key: it goes with the key, as @Identity goes with @Id.
        return table == null ? null : s.with(table.withPrimaryKey(null).mapColumns(c -> c.withIdentity(false)
                .withNullable(c.identity() ? false : c.nullable())));
    }

    /** The database starts or stops numbering a table's integer key {@code id} (the rows keep their ids). */
    private Schema toggleIdentity(Schema s) {
        Table table = pick(s.tables().stream().filter(t -> t.primaryKey() != null
                && t.primaryKey().columns().equals(List.of("id"))
                && t.column("id").map(c -> c.type().isInteger() && !c.hasDefault()).orElse(false)).toList());
        return table == null ? null
                : s.with(table.mapColumns(c -> c.name().equals("id") ? c.withIdentity(!c.identity()) : c));
    }

    private Schema dropConstraint(Schema s) {
        Table table = pick(s.tables());
        List<Unique> droppableUniques = table.uniques().stream()
                .filter(u -> u.columns().stream().noneMatch(c -> everReferenced.contains(table.name() + "." + c))).toList();
        return switch (random.nextInt(4)) {
            case 0 -> table.indexes().isEmpty() ? null : s.with(table.withIndexes(table.indexes().subList(1, table.indexes().size())));
            case 1 -> droppableUniques.isEmpty() ? null : s.with(table.withUniques(table.uniques().stream()
                    .filter(u -> u != droppableUniques.get(0)).toList()));
            case 2 -> table.checks().isEmpty() ? null : s.with(table.withChecks(table.checks().subList(1, table.checks().size())));
            default -> table.foreignKeys().isEmpty() ? null
                    : s.with(table.withForeignKeys(table.foreignKeys().subList(1, table.foreignKeys().size())));
        };
    }

    private Schema addForeignKey(Schema s) {
        Table table = pick(s.tables());
        Table parent = pick(keyed(s));
        if (parent == null) {
            return null;
        }
        String column = name("r");
        List<Column> columns = new ArrayList<>(table.columns());
        columns.add(Column.of(column, ColumnType.BIGINT));
        List<ForeignKey> fks = new ArrayList<>(table.foreignKeys());
        fks.add(foreignKey(column, parent.name(), "id"));
        references.put(table.name() + "." + column, new Ref(parent.name(), "id"));
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
                fk.onUpdate() == ForeignKey.Action.CASCADE ? ForeignKey.Action.NO_ACTION : ForeignKey.Action.CASCADE);
        return s.with(table.withForeignKeys(table.foreignKeys().stream().map(f -> f == fk ? changed : f).toList()));
    }

    private Schema addCheck(Schema s) {
        Table table = pick(s.tables());
        Column column = pick(plainColumns(table).stream().filter(c -> switch (c.type().kind()) {
            case SMALLINT, INTEGER, BIGINT, DECIMAL -> true;
            default -> false;
        }).toList());
        if (column == null || checked(table, column.name()) || !nonNegative(table.name(), column)) {
            return null;
        }
        List<Check> checks = new ArrayList<>(table.checks());
        checks.add(new Check("_ck", Expressions.canonicalCondition(column.name() + " >= 0")));
        everChecked.add(table.name() + "." + column.name());
        return s.with(table.withChecks(checks));
    }

    /** Whether every value, and the column's default and fill, satisfy {@code >= 0}. */
    private boolean nonNegative(String table, Column column) {
        if (column.hasDefault() && new BigDecimal(column.defaultValue()).signum() < 0) {
            return false;
        }
        return values(table, column.name()).stream().allMatch(v -> v == null || new BigDecimal(v.toString()).signum() >= 0);
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
