package dev.permafrost.processor;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.permafrost.diff.Differ;
import dev.permafrost.diff.Op;
import dev.permafrost.model.Column;
import dev.permafrost.model.Schema;
import dev.permafrost.model.Table;
import dev.permafrost.render.Alignment;
import dev.permafrost.render.SqlRenderer;
import dev.permafrost.runtime.Migration;
import dev.permafrost.runtime.Migrator;
import dev.permafrost.runtime.internal.Database;
import dev.permafrost.runtime.internal.LiveSchema;
import dev.permafrost.runtime.internal.OpsMigration;
import dev.permafrost.runtime.spi.MigrationEntry;
import dev.permafrost.runtime.spi.MigrationIndex;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import dev.permafrost.testing.TestDatabase;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Random sequences of entity changes, each written as a real stub, compiled, and applied to a SQLite
 * database holding rows with foreign keys enforced. After every step the database equals the snapshot
 * and a database built fresh to that version, and every row of every surviving column is intact;
 * migrating all the way down (checking each version on the way) and up again gives the same schema.
 * On the way down, a column that comes back is added at the end of its table, as in every database, so
 * the schema is compared without the physical order of columns.
 * Eight fixed seeds of 30 steps each: 240 steps per run.
 */
class EvolutionTest {

    static final int STEPS = 30;

    @TempDir
    Path dir;

    static Stream<Arguments> runs() {
        List<Arguments> runs = new ArrayList<>();
        for (long seed : new long[] {1, 2, 3, 5, 8, 13, 21, 34}) {
            runs.add(Arguments.of(TestDatabase.SQLITE, seed));
        }
        for (TestDatabase kind : List.of(TestDatabase.POSTGRES, TestDatabase.MARIADB, TestDatabase.H2)) {
            for (long seed : new long[] {1, 2, 3, 5}) {
                runs.add(Arguments.of(kind, seed));
            }
        }
        return runs.stream();
    }

    @ParameterizedTest(name = "{0} seed {1}")
    @MethodSource("runs")
    void everyStepKeepsSchemaAndDataExact(TestDatabase kind, long seed) throws Exception {
        boolean indexableText = kind == TestDatabase.SQLITE || kind == TestDatabase.POSTGRES;
        List<Evolution.Step> steps = Evolution.generate(seed, STEPS, indexableText);
        List<StubCompiler.Stub> stubs = new ArrayList<>();
        String pkg = "evolution.s" + seed;
        for (Evolution.Step step : steps) {
            Summary summary = Summary.of(step.version(), step.ops());
            stubs.add(new StubCompiler.Stub(step.version(), pkg + "." + summary.className(), summary.description(),
                    StubWriter.write(pkg, summary, step.ops(), Map.of())));
        }
        MigrationIndex index = StubCompiler.compile(stubs, dir.resolve("stubs"));
        try (TestDatabase.Fresh db = kind.create(dir)) {
            run(kind, seed, steps, index, db.url());
        }
    }

    private void run(TestDatabase kind, long seed, List<Evolution.Step> steps, MigrationIndex index, String url)
            throws Exception {
        Migrator migrator = Migrator.configure(url).migrations(index).build();

        Evolution.Data data = new Evolution.Data();
        for (Evolution.Step step : steps) {
            String where = "seed " + seed + ", V" + step.version() + " (" + describe(step.ops()) + ")";
            insert(url, step.before(), step.inserted());
            migrator.migrateTo(step.version());
            Schema live = read(url);
            assertEquals(step.after(), align(url, live, step.after()), where + ": live schema differs: "
                    + Differ.diff(align(url, live, step.after()), step.after()));
            try (TestDatabase.Fresh fresh = kind.create(dir)) {
                assertEquals(live, read(fresh(step.after(), fresh.url())), where + ": differs from a fresh build");
            }
            assertEquals(rows(step.after(), step.expected()), rows(url, step.after()), where + ": rows differ");
            data = step.expected();
        }
        for (int k = steps.size() - 1; k >= 0; k--) {
            Evolution.Step undone = steps.get(k);
            String where = "seed " + seed + ", down to V" + k + " (" + describe(Op.inverseOf(undone.ops())) + ")";
            migrator.migrateTo(k);
            data = Evolution.transform(data, Op.inverseOf(undone.ops()));
            Schema live = align(url, read(url), undone.before());
            assertEquals(List.of(), Differ.diff(live, undone.before()), where + ": live schema differs");
            assertEquals(rows(undone.before(), data), rows(url, undone.before()), where + ": rows differ");
        }
        migrator.migrate();
        Schema last = steps.get(steps.size() - 1).after();
        assertEquals(List.of(), Differ.diff(align(url, read(url), last), last), "seed " + seed + ": up again differs");
    }

    private static String describe(List<Op> ops) {
        return ops.stream().map(Op::describe).collect(Collectors.joining("; "));
    }

    private static Schema read(String url) throws SQLException {
        try (Connection connection = DriverManager.getConnection(url)) {
            LiveSchema.Reading reading = LiveSchema.read(connection, Database.detect(connection), Set.of());
            assertEquals(List.of(), reading.problems());
            return reading.schema();
        }
    }

    private static Schema align(String url, Schema live, Schema expected) throws SQLException {
        try (Connection connection = DriverManager.getConnection(url)) {
            return Alignment.align(live, expected, new SqlRenderer(Database.detect(connection).dialect(connection)));
        }
    }

    /** The database at {@code url} built straight from the snapshot, not through the history of changes. */
    private static String fresh(Schema snapshot, String url) {
        List<Op> ops = Differ.diff(Schema.empty(), snapshot);
        MigrationEntry entry = new MigrationEntry(1, "fresh", "fresh", OpsMigration.class.getName());
        Migrator.configure(url).migrations(new MigrationIndex() {
            @Override
            public List<MigrationEntry> migrations() {
                return List.of(entry);
            }

            @Override
            public Migration load(MigrationEntry e) {
                return new OpsMigration(ops);
            }
        }).build().migrate();
        return url;
    }

    private static void insert(String url, Schema schema, Evolution.Data data) throws SQLException {
        try (Connection connection = DriverManager.getConnection(url)) {
            for (Map.Entry<String, List<Map<String, Object>>> rows : data.tables.entrySet()) {
                Table table = schema.table(rows.getKey()).orElseThrow();
                String columns = table.columns().stream().map(Column::name).collect(Collectors.joining(", "));
                String marks = table.columns().stream().map(c -> "?").collect(Collectors.joining(", "));
                try (PreparedStatement insert = connection.prepareStatement(
                        "insert into " + table.name() + " (" + columns + ") values (" + marks + ")")) {
                    for (Map<String, Object> row : rows.getValue()) {
                        int i = 1;
                        for (Column column : table.columns()) {
                            Object value = row.get(column.name());
                            if (value == null) {
                                insert.setNull(i++, Types.NULL);
                            } else {
                                insert.setObject(i++, value);
                            }
                        }
                        insert.executeUpdate();
                    }
                }
            }
        }
    }

    /** Every table's rows as the database holds them, each value normalised for its column's kind. */
    private static Map<String, List<List<String>>> rows(String url, Schema schema) throws SQLException {
        Map<String, List<List<String>>> all = new java.util.TreeMap<>();
        try (Connection connection = DriverManager.getConnection(url); Statement statement = connection.createStatement()) {
            for (Table table : schema.tables()) {
                List<List<String>> rows = new ArrayList<>();
                try (ResultSet rs = statement.executeQuery("select " + table.columns().stream().map(Column::name)
                        .collect(Collectors.joining(", ")) + " from " + table.name() + " order by id")) {
                    while (rs.next()) {
                        List<String> row = new ArrayList<>();
                        for (int i = 0; i < table.columns().size(); i++) {
                            row.add(normalize(table.columns().get(i), rs.getString(i + 1)));
                        }
                        rows.add(row);
                    }
                }
                all.put(table.name(), rows);
            }
        }
        return all;
    }

    /** The expected rows in the same form. */
    private static Map<String, List<List<String>>> rows(Schema schema, Evolution.Data data) {
        Map<String, List<List<String>>> all = new java.util.TreeMap<>();
        for (Table table : schema.tables()) {
            List<List<String>> rows = new ArrayList<>();
            for (Map<String, Object> row : data.tables.getOrDefault(table.name(), List.of())) {
                rows.add(table.columns().stream().map(c -> normalize(c, row.get(c.name()) == null ? null
                        : String.valueOf(row.get(c.name())))).toList());
            }
            all.put(table.name(), rows);
        }
        return all;
    }

    static String normalize(Column column, String value) {
        if (value == null) {
            return null;
        }
        return switch (column.type().kind()) {
            case BOOLEAN -> String.valueOf(value.equals("1") || value.equalsIgnoreCase("true") || value.equals("t"));
            case SMALLINT, INTEGER, BIGINT, DECIMAL, REAL, DOUBLE -> new BigDecimal(value).stripTrailingZeros().toPlainString();
            default -> value;
        };
    }
}
