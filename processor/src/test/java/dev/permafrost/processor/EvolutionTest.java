package dev.permafrost.processor;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.permafrost.dialect.Dialects;
import dev.permafrost.dialect.LiveReading;
import dev.permafrost.dialect.SqlRenderer;
import dev.permafrost.diff.Differ;
import dev.permafrost.diff.Op;
import dev.permafrost.model.Column;
import dev.permafrost.model.Schema;
import dev.permafrost.model.Table;
import dev.permafrost.processor.diff.Summary;
import dev.permafrost.processor.write.StubWriter;
import dev.permafrost.runtime.Migration;
import dev.permafrost.runtime.Migrator;
import dev.permafrost.runtime.internal.Alignment;
import dev.permafrost.runtime.internal.LiveSchema;
import dev.permafrost.runtime.internal.OpsMigration;
import dev.permafrost.runtime.internal.TypedRows;
import dev.permafrost.runtime.spi.MigrationEntry;
import dev.permafrost.runtime.spi.MigrationIndex;
import dev.permafrost.snapshot.SnapshotWriter;
import dev.permafrost.sql.Expressions;
import dev.permafrost.testing.TestDatabase;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Random histories of entity changes (see {@link Evolution}), each written as real stubs, compiled, and
 * applied one version at a time to a database holding rows of every mapped type, with foreign keys
 * enforced. After every step the live schema equals the snapshot and a database built fresh to that
 * version, and every value of every surviving column is what the database held before the migration
 * (what the test inserted, as the database stores it), changed only as the operations say (a default for
 * a new column, a fill for a column made NOT NULL). At the end the whole history goes down to V0001 and up
 * again, checking schema and values at every version on the way down and at the top.
 *
 * <p>At least 210 steps per database run in every build (7 seeds of 30); {@code -Devolution.soak=N} runs N
 * more seeds of 60 steps each per database, {@code -Devolution.seed=S} one seed only. A failure names the
 * seed, the step, its operations and stub, and whether that one migration fails on its own from the schema
 * and rows before it (the smallest reproduction); otherwise the history up to it is the reproduction.
 */
class EvolutionTest {

    static final int STEPS = 30;
    static final int SOAK_STEPS = 60;

    @TempDir
    Path dir;

    static Stream<Arguments> runs() {
        List<Arguments> runs = new ArrayList<>();
        String only = System.getProperty("evolution.seed");
        int soak = Integer.getInteger("evolution.soak", 0);
        for (TestDatabase kind : TestDatabase.values()) {
            if (only != null) {
                runs.add(Arguments.of(kind, Long.parseLong(only), Integer.getInteger("evolution.steps", STEPS)));
                continue;
            }
            for (long seed : new long[] {1, 2, 3, 5, 8, 13, 21}) {
                runs.add(Arguments.of(kind, seed, STEPS));
            }
            for (int i = 0; i < soak; i++) {
                runs.add(Arguments.of(kind, 1000L + i, SOAK_STEPS));
            }
        }
        return runs.stream();
    }

    @ParameterizedTest(name = "{0} seed {1}, {2} steps")
    @MethodSource("runs")
    void everyStepKeepsSchemaAndDataExact(TestDatabase kind, long seed, int count) throws Exception {
        boolean indexableText = kind == TestDatabase.SQLITE || kind == TestDatabase.POSTGRES;
        List<Evolution.Step> steps = Evolution.generate(seed, count, indexableText);
        List<StubCompiler.Stub> stubs = new ArrayList<>();
        String pkg = "evolution.s" + seed;
        for (Evolution.Step step : steps) {
            Summary summary = Summary.of(step.version(), step.ops());
            stubs.add(new StubCompiler.Stub(step.version(), pkg + "." + summary.className(), summary.description(),
                    StubWriter.write(pkg, summary, step.ops(), Map.of())));
        }
        MigrationIndex index = StubCompiler.compile(stubs, dir.resolve("stubs"));
        try (TestDatabase.Fresh db = kind.create(dir)) {
            new Run(kind, seed, steps, stubs, index, db.url()).all();
        }
    }

    /** One history applied to one database. */
    private final class Run {
        private final TestDatabase kind;
        private final long seed;
        private final List<Evolution.Step> steps;
        private final List<StubCompiler.Stub> stubs;
        private final String url;
        private final Migrator migrator;

        Run(TestDatabase kind, long seed, List<Evolution.Step> steps, List<StubCompiler.Stub> stubs, MigrationIndex index,
            String url) {
            this.kind = kind;
            this.seed = seed;
            this.steps = steps;
            this.stubs = stubs;
            this.url = url;
            this.migrator = Migrator.configure(url).migrations(index).build();
        }

        void all() throws Exception {
            Map<String, List<Map<String, String>>> held = Map.of();
            List<Map<String, List<Map<String, String>>>> heldAt = new ArrayList<>();
            heldAt.add(Map.of());
            for (Evolution.Step step : steps) {
                String where = where(step, "V" + step.version());
                Map<String, List<Map<String, String>>> before;
                try {
                    insert(url, step.before(), step.inserted());
                    before = rows(url, step.before());
                    migrator.migrateTo(step.version());
                    Schema live = read(url);
                    assertEquals(List.of(), Differ.diff(align(url, live, step.after()), step.after()), where
                            + ": the live schema differs from the snapshot");
                    try (TestDatabase.Fresh fresh = kind.create(dir)) {
                        assertEquals(live, read(fresh(step.after(), fresh.url())), where + ": differs from a fresh build");
                    }
                    held = rows(url, step.after());
                    assertRows(expected(before, step.ops(), step.after()), held, where);
                } catch (AssertionError | RuntimeException e) {
                    throw new AssertionError(e.getMessage() + "\n" + reproduction(step), e);
                }
                heldAt.add(held);
            }
            for (int k = steps.size() - 1; k >= 1; k--) {
                Evolution.Step undone = steps.get(k);
                String where = where(undone, "down to V" + k);
                List<Op> inverse = Op.inverseOf(undone.ops());
                Map<String, List<Map<String, String>>> before = held;
                try {
                    migrator.migrateTo(k);
                    Schema live = align(url, read(url), undone.before());
                    assertEquals(List.of(), Differ.diff(live, undone.before()), where + ": the live schema differs");
                    held = rows(url, undone.before());
                    assertRows(expected(before, inverse, undone.before()), held, where);
                } catch (AssertionError | RuntimeException e) {
                    throw new AssertionError(where + ": " + e.getMessage() + "\nRe-run: -Devolution.seed=" + seed
                            + " (on " + kind + ")\nThe stub:\n" + stubs.get(k).source(), e);
                }
            }
            // Up again from V0001's own rows: what down() filled in for columns it brought back (zero values) is lost
            // data by design, and could break a unique key added again on the way up.
            Schema first = steps.get(0).after();
            deleteAll(url, first);
            insert(url, first, rowsAt(steps.get(1)));
            Map<String, List<Map<String, String>>> atOne = rows(url, first);
            List<Op> all = new ArrayList<>();
            steps.subList(1, steps.size()).forEach(s -> all.addAll(s.ops()));
            migrator.migrate();
            Schema last = steps.get(steps.size() - 1).after();
            assertEquals(List.of(), Differ.diff(align(url, read(url), last), last), "seed " + seed + " on " + kind
                    + ": up again, the schema differs");
            assertRows(expected(atOne, all, last), rows(url, last), "seed " + seed + " on " + kind + ", up again");
        }

        private String where(Evolution.Step step, String what) {
            return kind + " seed " + seed + ", " + what + " (" + step.ops().stream().map(Op::describe)
                    .collect(Collectors.joining("; ")) + ")";
        }

        /**
         * The smallest reproduction found: this one migration from a fresh database at the schema before it,
         * holding the same rows, if it fails there too; else the history up to it.
         */
        private String reproduction(Evolution.Step step) {
            String rerun = "Re-run: -Devolution.seed=" + seed + " -Devolution.steps=" + step.version() + " (on " + kind + ")";
            String alone;
            try (TestDatabase.Fresh fresh = kind.create(dir)) {
                Migrator twoSteps = Migrator.configure(fresh.url()).migrations(index(List.of(
                        new MigrationEntry(1, "fresh", "f", OpsMigration.class.getName()),
                        new MigrationEntry(2, "the step", "s", OpsMigration.class.getName())),
                        List.of(new OpsMigration(Differ.diff(Schema.empty(), step.before())), new OpsMigration(step.ops()))))
                        .build();
                twoSteps.migrateTo(1);
                try {
                    insert(fresh.url(), step.before(), rowsAt(step));
                } catch (RuntimeException | SQLException e) {
                    return rerun + "\nThe rows could not be put into a fresh database at V" + (step.version() - 1) + " ("
                            + e.getMessage() + "): the history up to it is the reproduction.\nThe stub:\n"
                            + stubs.get(step.version() - 1).source();
                }
                twoSteps.migrate();
                alone = "The migration alone, from a fresh database at V" + (step.version() - 1) + " with the same rows,"
                        + " works: the history up to it is the reproduction.";
            } catch (Throwable e) {
                alone = "Smallest reproduction: this migration alone fails on a fresh database at V" + (step.version() - 1)
                        + " holding the same rows (" + e.getMessage() + ").\nSchema before:\n"
                        + SnapshotWriter.body(step.before());
            }
            return rerun + "\n" + alone + "\nThe stub:\n" + stubs.get(step.version() - 1).source();
        }

        /** Every row inserted up to this step that is still in the schema before it, as inserted. */
        private Evolution.Data rowsAt(Evolution.Step step) {
            Evolution.Data data = new Evolution.Data();
            for (Evolution.Step s : steps.subList(0, step.version())) {
                data = Evolution.transform(merge(data, s.inserted()), s.version() < step.version() ? s.ops() : List.of());
            }
            return data;
        }
    }

    /** Fails with the rows that differ, each with its table and id, rather than every row of every table. */
    private static void assertRows(Map<String, List<Map<String, String>>> expected,
                                   Map<String, List<Map<String, String>>> actual, String where) {
        if (expected.equals(actual)) {
            return;
        }
        List<String> differences = new ArrayList<>();
        for (String table : new java.util.TreeSet<>(java.util.stream.Stream.concat(expected.keySet().stream(),
                actual.keySet().stream()).toList())) {
            Map<String, Map<String, String>> want = byId(expected.getOrDefault(table, List.of()));
            Map<String, Map<String, String>> got = byId(actual.getOrDefault(table, List.of()));
            for (String id : new java.util.TreeSet<>(java.util.stream.Stream.concat(want.keySet().stream(),
                    got.keySet().stream()).toList())) {
                if (!java.util.Objects.equals(want.get(id), got.get(id))) {
                    differences.add(table + " id " + id + ": expected " + want.get(id) + " but was " + got.get(id));
                }
            }
        }
        throw new AssertionError(where + ": values differ:\n  " + String.join("\n  ",
                differences.subList(0, Math.min(10, differences.size()))) + (differences.size() > 10
                ? "\n  ... " + (differences.size() - 10) + " more" : ""));
    }

    private static Map<String, Map<String, String>> byId(List<Map<String, String>> rows) {
        Map<String, Map<String, String>> byId = new TreeMap<>();
        rows.forEach(r -> byId.put(r.get("id"), r));
        return byId;
    }

    private static Evolution.Data merge(Evolution.Data data, Evolution.Data inserted) {
        Evolution.Data copy = data.copy();
        inserted.tables.forEach((t, rows) -> copy.tables.computeIfAbsent(t, k -> new ArrayList<>()).addAll(rows));
        return copy;
    }

    /**
     * The rows the database should hold after {@code ops}, from the rows it held before them: surviving values
     * unchanged, new ones (defaults, fills) as the operations give them, normalised as {@link TypedRows} reads.
     */
    private static Map<String, List<Map<String, String>>> expected(Map<String, List<Map<String, String>>> held,
                                                                   List<Op> ops, Schema after) {
        Map<String, List<Map<String, Object>>> values = new TreeMap<>();
        held.forEach((table, rows) -> values.put(table, rows.stream().map(r -> (Map<String, Object>) new LinkedHashMap<String, Object>(r)).collect(Collectors.toCollection(ArrayList::new))));
        Map<String, List<Map<String, Object>>> transformed = Evolution.transform(values, ops);
        Map<String, List<Map<String, String>>> result = new TreeMap<>();
        for (Table table : after.tables()) {
            List<Map<String, String>> rows = new ArrayList<>();
            for (Map<String, Object> row : transformed.getOrDefault(table.name(), List.of())) {
                Map<String, String> normalized = new LinkedHashMap<>();
                for (Column column : table.columns()) {
                    Object value = row.get(column.name());
                    normalized.put(column.name(), value == null ? null : TypedRows.normalize(value, column.type()));
                }
                rows.add(normalized);
            }
            rows.sort(Comparator.comparing(r -> Long.parseLong(r.get("id"))));
            result.put(table.name(), rows);
        }
        return result;
    }

    /** Deletes every row, children before the tables they reference. */
    private static void deleteAll(String url, Schema schema) throws SQLException {
        List<Table> sorted = new ArrayList<>(parentsFirst(schema)).reversed();
        withContext(url, (ctx, renderer) -> {
            sorted.forEach(t -> ctx.deleteFrom(DSL.table(DSL.name(t.name()))).execute());
            return null;
        });
    }

    private static MigrationIndex index(List<MigrationEntry> entries, List<Migration> migrations) {
        return new MigrationIndex() {
            @Override
            public List<MigrationEntry> migrations() {
                return entries;
            }

            @Override
            public Migration load(MigrationEntry e) {
                return migrations.get(e.version() - 1);
            }
        };
    }

    private static Schema read(String url) throws SQLException {
        try (Connection connection = DriverManager.getConnection(url)) {
            LiveReading reading = LiveSchema.read(connection, Dialects.detect(connection), Set.of());
            assertEquals(List.of(), reading.problems());
            return reading.schema();
        }
    }

    private static Schema align(String url, Schema live, Schema expected) throws SQLException {
        try (Connection connection = DriverManager.getConnection(url)) {
            return Alignment.align(live, expected, new SqlRenderer(Dialects.detect(connection)));
        }
    }

    /** The database at {@code url} built straight from the snapshot, not through the history of changes. */
    private static String fresh(Schema snapshot, String url) {
        List<Op> ops = Differ.diff(Schema.empty(), snapshot);
        Migrator.configure(url).migrations(index(List.of(new MigrationEntry(1, "fresh", "fresh",
                OpsMigration.class.getName())), List.of(new OpsMigration(ops)))).build().migrate();
        return url;
    }

    private static <T> T withContext(String url, java.util.function.BiFunction<DSLContext, SqlRenderer, T> action)
            throws SQLException {
        try (Connection connection = DriverManager.getConnection(url)) {
            SQLDialect dialect = Dialects.detect(connection).jooq();
            return action.apply(DSL.using(connection, dialect, Expressions.settings()), new SqlRenderer(dialect));
        }
    }

    /** Inserts the rows, tables that others reference first. */
    private static void insert(String url, Schema schema, Evolution.Data data) throws SQLException {
        List<Table> order = parentsFirst(schema);
        withContext(url, (ctx, renderer) -> {
            for (Table table : order) {
                for (Map<String, Object> row : data.tables.getOrDefault(table.name(), List.of())) {
                    TypedRows.insert(ctx, renderer, table, row);
                }
            }
            return null;
        });
    }

    private static List<Table> parentsFirst(Schema schema) {
        List<Table> remaining = new ArrayList<>(schema.tables());
        List<Table> order = new ArrayList<>();
        while (!remaining.isEmpty()) {
            Table next = remaining.stream().filter(t -> t.foreignKeys().stream().noneMatch(fk -> !fk.referencedTable()
                    .equals(t.name()) && remaining.stream().anyMatch(r -> r.name().equals(fk.referencedTable()))))
                    .findFirst().orElse(remaining.get(0));
            order.add(next);
            remaining.remove(next);
        }
        return order;
    }

    /** Every table's rows as the database holds them, normalised, by id. */
    private static Map<String, List<Map<String, String>>> rows(String url, Schema schema) throws SQLException {
        return withContext(url, (ctx, renderer) -> {
            Map<String, List<Map<String, String>>> all = new TreeMap<>();
            for (Table table : schema.tables()) {
                List<Map<String, String>> rows = new ArrayList<>(TypedRows.read(ctx, renderer, table));
                rows.sort(Comparator.comparing(r -> Long.parseLong(r.get("id"))));
                all.put(table.name(), rows);
            }
            return all;
        });
    }
}
