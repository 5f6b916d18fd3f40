package dev.permafrost.testkit;

import static org.junit.jupiter.api.Assertions.fail;

import dev.permafrost.dialect.Dialect;
import dev.permafrost.dialect.Dialects;
import dev.permafrost.dialect.LiveReading;
import dev.permafrost.dialect.SqlRenderer;
import dev.permafrost.diff.Differ;
import dev.permafrost.model.Schema;
import dev.permafrost.model.Table;
import dev.permafrost.runtime.Migrator;
import dev.permafrost.runtime.PermafrostException;
import dev.permafrost.runtime.internal.Alignment;
import dev.permafrost.runtime.internal.Drift;
import dev.permafrost.runtime.internal.LiveSchema;
import dev.permafrost.runtime.internal.Migrations;
import dev.permafrost.runtime.internal.Recorder;
import dev.permafrost.runtime.internal.Step;
import dev.permafrost.runtime.internal.TypedRows;
import dev.permafrost.runtime.spi.MigrationEntry;
import dev.permafrost.runtime.spi.MigrationIndex;
import dev.permafrost.snapshot.FrozenFiles;
import dev.permafrost.snapshot.Snapshot;
import dev.permafrost.snapshot.SnapshotException;
import dev.permafrost.snapshot.SnapshotReader;
import dev.permafrost.sql.Expressions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.jooq.DSLContext;
import org.jooq.exception.DataAccessException;
import org.jooq.impl.DSL;

/** The checks of {@link MigrationChecks}, each failing with what is wrong and where. */
final class Checks {

    private static final Pattern STUB = Pattern.compile("V(\\d+)_[A-Za-z0-9_$]+\\.java");

    private Checks() {
    }

    // ---- 1. one linear chain ----

    static void oneLinearChain(MigrationChecks c) {
        List<MigrationEntry> entries = c.migrations().migrations();
        List<String> problems = new ArrayList<>();
        Map<Integer, List<String>> byVersion = new TreeMap<>();
        entries.forEach(e -> byVersion.computeIfAbsent(e.version(), v -> new ArrayList<>()).add(e.className()));
        byVersion.forEach((version, classes) -> {
            if (classes.size() > 1) {
                problems.add(label(version) + " is claimed by " + String.join(" and ", classes) + " (two heads)");
            }
        });
        for (int version = 1; version <= byVersion.size(); version++) {
            if (!byVersion.containsKey(version)) {
                problems.add(label(version) + " is missing: the versions are " + byVersion.keySet());
                break;
            }
        }
        try {
            FrozenFiles frozen = FrozenFiles.load(c.schemaDir());
            if (frozen.newestVersion() != byVersion.size()) {
                problems.add("the migrations go up to " + label(byVersion.size()) + " but " + c.schemaDir() + " holds "
                        + frozen.newestVersion() + " snapshot(s)");
            }
            if (frozen.manifest() != null) {
                stubProblems(c, frozen.manifest().migrationsPackage(), problems);
            }
        } catch (SnapshotException e) {
            problems.add(e.getMessage());
        }
        if (!problems.isEmpty()) {
            fail("the migrations are not one linear chain:\n  - " + String.join("\n  - ", problems)
                    + "\nWhen two branches each added a version, keep one branch's version and compile: Permafrost"
                    + " writes the other change as the next version.");
        }
    }

    private static void stubProblems(MigrationChecks c, String migrationsPackage, List<String> problems) {
        Path dir = c.migrationsDir().resolve(migrationsPackage.replace('.', '/'));
        if (!Files.isDirectory(dir)) {
            return;
        }
        Map<Integer, List<String>> files = new TreeMap<>();
        try (Stream<Path> listing = Files.list(dir)) {
            listing.map(p -> p.getFileName().toString()).sorted().forEach(name -> {
                Matcher m = STUB.matcher(name);
                if (m.matches()) {
                    files.computeIfAbsent(Integer.parseInt(m.group(1)), v -> new ArrayList<>()).add(name);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        files.forEach((version, names) -> {
            if (names.size() > 1) {
                problems.add(label(version) + " is claimed by " + String.join(" and ", names) + " in " + dir
                        + " (two heads after a merge)");
            }
        });
    }

    // ---- 2. upgrade from empty ----

    static void upgradeFromEmpty(MigrationChecks c) {
        Migrator migrator = migrator(c, c.dataSource());
        for (int version = 1; version <= c.migrations().migrations().size(); version++) {
            migrate(migrator, version, "upgrading from an empty database");
        }
    }

    // ---- 3. model matches DDL ----

    static void modelMatchesDdl(MigrationChecks c) {
        DataSource dataSource = c.dataSource();
        FrozenFiles frozen = frozen(c);
        int newest = frozen.newestVersion();
        migrate(migrator(c, dataSource), c.migrations().migrations().size(), "upgrading from an empty database");
        Schema snapshot = snapshot(frozen, newest);
        List<String> drift = differences(c, dataSource, snapshot);
        if (!drift.isEmpty()) {
            fail("after upgrading, the live schema differs from the newest snapshot " + Snapshot.fileName(newest) + ":\n  - "
                    + String.join("\n  - ", drift));
        }
        List<String> errors = ProcessorRun.run(entities(c, frozen), c.classpath(), c.schemaDir(), c.migrationsDir(),
                "check", Scratch.directory("permafrost-model"));
        if (!errors.isEmpty()) {
            fail("the entities as compiled now do not match the newest snapshot " + Snapshot.fileName(newest)
                    + " (an entity changed without its migration?):\n" + String.join("\n", errors));
        }
    }

    // ---- 4. up/down consistency ----

    static void upDownConsistency(MigrationChecks c) {
        DataSource dataSource = c.dataSource();
        Migrator migrator = migrator(c, dataSource);
        FrozenFiles frozen = frozen(c);
        for (int version = 1; version <= frozen.newestVersion(); version++) {
            migrate(migrator, version, "applying " + label(version));
            expect(c, dataSource, frozen, version, "after up() of " + label(version));
            migrate(migrator, version - 1, "reverting " + label(version));
            expect(c, dataSource, frozen, version - 1, "after down() of " + label(version) + ", which should return to "
                    + label(version - 1) + ",");
            migrate(migrator, version, "applying " + label(version) + " again");
            expect(c, dataSource, frozen, version, "after up() of " + label(version) + " applied again");
        }
    }

    // ---- 5. downgrade leaves no trace ----

    /**
     * Builds a second, fresh database one version at a time, reading its schema at every version, then
     * walks the first one down from the newest version and compares it with that reading at each stop.
     */
    static void downgradeLeavesNoTrace(MigrationChecks c) {
        int newest = c.migrations().migrations().size();
        DataSource fresh = c.dataSource();
        Migrator freshMigrator = migrator(c, fresh);
        List<Schema> freshSchemas = new ArrayList<>(List.of(live(c, fresh)));
        for (int version = 1; version <= newest; version++) {
            migrate(freshMigrator, version, "building a fresh database at " + label(version));
            freshSchemas.add(live(c, fresh));
        }
        DataSource dataSource = c.dataSource();
        Migrator migrator = migrator(c, dataSource);
        migrate(migrator, newest, "upgrading to " + label(newest));
        for (int version = newest - 1; version >= 0; version--) {
            migrate(migrator, version, "going down to " + label(version));
            List<String> trace = Differ.diff(live(c, dataSource), freshSchemas.get(version)).stream()
                    .map(op -> Drift.describe(op).replace("is in the database but not in the schema",
                                    "is left after going down but is not in a fresh database")
                            .replace("in the database", "after going down").replace("in the schema", "in a fresh database"))
                    .toList();
            if (!trace.isEmpty()) {
                fail("going down from " + label(newest) + " to " + label(version) + " left a trace: the database differs"
                        + " from a fresh one built up to " + label(version) + ":\n  - " + String.join("\n  - ", trace));
            }
            int current = migrator.status().currentVersion();
            if (current != version) {
                fail("going down to " + label(version) + " left the history at " + label(current));
            }
        }
    }

    /** The live schema; fails when part of it cannot be read, so that nothing is compared half-seen. */
    private static Schema live(MigrationChecks c, DataSource dataSource) {
        try (Connection connection = dataSource.getConnection()) {
            LiveReading reading = LiveSchema.read(connection, Dialects.detect(connection), c.ignoredTables());
            if (!reading.problems().isEmpty()) {
                fail("part of the live schema cannot be read:\n  - " + String.join("\n  - ", reading.problems()));
            }
            return reading.schema();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the live schema: " + e.getMessage(), e);
        }
    }

    // ---- 6. data survives ----

    static void dataSurvives(MigrationChecks c) {
        DataSource dataSource = c.dataSource();
        Migrator migrator = migrator(c, dataSource);
        MigrationIndex index = c.migrations();
        Migrations replay = new Migrations(index);
        List<String> problems = new ArrayList<>();
        try (Connection connection = dataSource.getConnection()) {
            Dialect database = Dialects.detect(connection);
            SqlRenderer renderer = new SqlRenderer(database);
            DSLContext ctx = DSL.using(connection, renderer.jooqDialect(), Expressions.settings());
            for (int version = 1; version <= index.migrations().size(); version++) {
                Schema before = replay.schemaAt(version - 1);
                insertFixtures(c, ctx, renderer, version, before, problems);
                Map<String, List<Map<String, String>>> rows = read(ctx, renderer, before);
                Recorder.Recording up = replay.up(version);
                Recorder.Recording down = replay.down(version);
                Survivors survivors = Survivors.of(before, up.ops(), replay.schemaAt(version));
                migrate(migrator, version, "applying " + label(version));
                if (!hasDataSteps(up)) {
                    compare(label(version) + " up()", survivors, rows, read(ctx, renderer, replay.schemaAt(version)), true,
                            problems);
                }
                migrate(migrator, version - 1, "reverting " + label(version));
                if (!hasDataSteps(up) && !hasDataSteps(down)) {
                    compare(label(version) + " down()", survivors, rows, read(ctx, renderer, before), false, problems);
                }
                migrate(migrator, version, "applying " + label(version) + " again");
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot check the data: " + e.getMessage(), e);
        }
        if (!problems.isEmpty()) {
            fail("rows did not survive:\n  - " + String.join("\n  - ", problems));
        }
    }

    private static void insertFixtures(MigrationChecks c, DSLContext ctx, SqlRenderer renderer, int version, Schema schema,
                                       List<String> problems) {
        c.fixtures(version, schema).forEach((tableName, rows) -> {
            Table table = schema.table(tableName).orElse(null);
            if (table == null) {
                problems.add("fixtures for " + label(version) + " name table " + tableName + ", which is not in the schema");
                return;
            }
            for (Map<String, Object> row : rows) {
                try {
                    TypedRows.insert(ctx, renderer, table, row);
                } catch (DataAccessException e) {
                    System.err.println("[permafrost-testkit] a generated row does not fit table " + tableName + " before "
                            + label(version) + " (" + e.getMessage().lines().findFirst().orElse("") + "); override"
                            + " fixtures() to supply rows for it");
                    return;
                }
            }
        });
    }

    private static boolean hasDataSteps(Recorder.Recording recording) {
        return recording.steps().stream().anyMatch(s -> !(s instanceof Step.Change));
    }

    private static Map<String, List<Map<String, String>>> read(DSLContext ctx, SqlRenderer renderer, Schema schema) {
        Map<String, List<Map<String, String>>> rows = new TreeMap<>();
        for (Table table : schema.tables()) {
            rows.put(table.name(), TypedRows.read(ctx, renderer, table));
        }
        return rows;
    }

    /**
     * Whether every row of {@code before} is still there (after up: under the surviving columns' new names;
     * after down: under the old ones), value by value.
     */
    private static void compare(String what, Survivors survivors, Map<String, List<Map<String, String>>> before,
                                Map<String, List<Map<String, String>>> now, boolean up, List<String> problems) {
        for (Survivors.TableMap table : survivors.tables()) {
            List<Map<String, String>> old = before.getOrDefault(table.from(), List.of());
            if (old.isEmpty() || table.columns().isEmpty()) {
                continue;
            }
            List<Map<String, String>> current = now.getOrDefault(up ? table.to() : table.from(), List.of());
            for (Map<String, String> row : old) {
                if (current.stream().noneMatch(candidate -> agreement(row, candidate, table.columns(), up) == table.columns()
                        .size())) {
                    String closest = current.stream()
                            .max(Comparator.comparingInt(candidate -> agreement(row, candidate, table.columns(), up)))
                            .map(Object::toString).orElse("no rows at all");
                    problems.add(what + ": a row of " + table.from() + " " + row + " is gone or changed (closest now: "
                            + closest + ")");
                    break;
                }
            }
        }
    }

    /** How many surviving columns of {@code old} hold the same value in {@code candidate}. */
    private static int agreement(Map<String, String> old, Map<String, String> candidate, List<Survivors.ColumnMap> columns,
                                 boolean up) {
        int same = 0;
        for (Survivors.ColumnMap column : columns) {
            String want = old.get(column.from());
            if ((want == null && column.nullsFilled())
                    || Objects.equals(want, candidate.get(up ? column.to() : column.from()))) {
                same++;
            }
        }
        return same;
    }

    // ---- 7. replay equals snapshot ----

    static void replayEqualsSnapshot(MigrationChecks c) {
        FrozenFiles frozen = frozen(c);
        Migrations replay = new Migrations(c.migrations());
        List<String> problems = new ArrayList<>();
        for (int version = 1; version <= frozen.newestVersion(); version++) {
            Schema replayed;
            Schema undone;
            try {
                replayed = replay.schemaAt(version);
                undone = replay.down(version).after();
            } catch (PermafrostException e) {
                problems.add(e.getMessage());
                break;
            }
            Schema snapshot = snapshot(frozen, version);
            if (!Differ.equivalent(replayed, snapshot)) {
                problems.add("replaying the stubs up to " + label(version) + " does not give " + Snapshot.fileName(version)
                        + ": " + Differ.diff(replayed, snapshot).stream().map(Drift::describe).toList());
            }
            if (!Differ.equivalent(undone, replay.schemaAt(version - 1))) {
                problems.add("down() of " + label(version) + " does not undo its up(): " + Differ.diff(undone,
                        replay.schemaAt(version - 1)).stream().map(Drift::describe).toList());
            }
        }
        if (!problems.isEmpty()) {
            fail("the stubs and the frozen snapshots disagree (a stub edited by hand?):\n  - "
                    + String.join("\n  - ", problems));
        }
    }

    // ---- 8. generation is deterministic ----

    static void generationIsDeterministic(MigrationChecks c) {
        FrozenFiles frozen = frozen(c);
        int newest = frozen.newestVersion();
        if (newest == 0) {
            return;
        }
        List<String> entities = entities(c, frozen);
        Path[] runs = {Scratch.directory("permafrost-generation-a"), Scratch.directory("permafrost-generation-b")};
        String[] snapshots = new String[2];
        String[] stubs = new String[2];
        for (int run = 0; run < 2; run++) {
            Path root = runs[run];
            Path schema = root.resolve("schema");
            Path sources = root.resolve("java");
            String pkg = frozen.manifest().migrationsPackage();
            copyFrozenBefore(c, frozen, newest, schema, sources, pkg);
            List<String> errors = ProcessorRun.run(entities, c.classpath(), schema, sources, "write", root.resolve("out"));
            if (!errors.isEmpty()) {
                fail("generating " + Snapshot.fileName(newest) + " again failed:\n" + String.join("\n", errors));
            }
            snapshots[run] = read(schema.resolve(Snapshot.fileName(newest)));
            stubs[run] = read(findStub(sources.resolve(pkg.replace('.', '/')), newest));
        }
        if (!snapshots[0].equals(snapshots[1]) || !stubs[0].equals(stubs[1])) {
            fail("generating " + Snapshot.fileName(newest) + " twice from the same entities gave different bytes: the"
                    + " output must not depend on the run");
        }
        if (!snapshots[0].equals(frozen.text(newest))) {
            fail("generating " + Snapshot.fileName(newest) + " again from the compiled entities gives other bytes than the"
                    + " frozen file (first difference on line " + firstDifference(snapshots[0], frozen.text(newest))
                    + "); the entities changed since it was written, or the generator depends on the machine");
        }
    }

    private static void copyFrozenBefore(MigrationChecks c, FrozenFiles frozen, int newest, Path schema, Path sources,
                                         String pkg) {
        try {
            Files.createDirectories(schema);
            Path stubs = sources.resolve(pkg.replace('.', '/'));
            Files.createDirectories(stubs);
            if (newest > 1) {
                var manifest = frozen.manifest();
                var earlier = new dev.permafrost.snapshot.Manifest(pkg, manifest.entries().subList(0, newest - 1));
                Files.writeString(schema.resolve(dev.permafrost.snapshot.Manifest.FILE), earlier.write());
                for (var entry : earlier.entries()) {
                    Files.writeString(schema.resolve(entry.file()), frozen.text(entry.version()));
                    Path stub = c.migrationsDir().resolve(pkg.replace('.', '/')).resolve(entry.migrationClass() + ".java");
                    Files.copy(stub, stubs.resolve(stub.getFileName()));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path findStub(Path dir, int version) {
        try (Stream<Path> listing = Files.list(dir)) {
            String prefix = "V" + Snapshot.versionLabel(version) + "_";
            return listing.filter(p -> p.getFileName().toString().startsWith(prefix)).findFirst()
                    .orElseThrow(() -> new AssertionError("no stub for " + label(version) + " was generated in " + dir));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int firstDifference(String a, String b) {
        String[] x = a.split("\n", -1);
        String[] y = b.split("\n", -1);
        for (int i = 0; i < Math.min(x.length, y.length); i++) {
            if (!x[i].equals(y[i])) {
                return i + 1;
            }
        }
        return Math.min(x.length, y.length) + 1;
    }

    // ---- shared ----

    private static Migrator migrator(MigrationChecks c, DataSource dataSource) {
        return Migrator.configure(dataSource).migrations(c.migrations())
                .ignoreTables(c.ignoredTables().toArray(String[]::new)).logger(QuietLog.INSTANCE).build();
    }

    private static void migrate(Migrator migrator, int version, String what) {
        try {
            migrator.migrateTo(version);
        } catch (PermafrostException e) {
            fail(what + " failed: " + e.getMessage(), e);
        }
    }

    private static FrozenFiles frozen(MigrationChecks c) {
        try {
            return FrozenFiles.load(c.schemaDir());
        } catch (SnapshotException e) {
            return fail("the frozen snapshots in " + c.schemaDir().toAbsolutePath() + " cannot be read: " + e.getMessage());
        }
    }

    private static Schema snapshot(FrozenFiles frozen, int version) {
        return version == 0 ? Schema.empty() : frozen.snapshot(version).schema();
    }

    private static void expect(MigrationChecks c, DataSource dataSource, FrozenFiles frozen, int version, String when) {
        Schema expected = snapshot(frozen, version);
        List<String> drift = differences(c, dataSource, expected);
        if (!drift.isEmpty()) {
            fail(when + " the live schema differs from " + (version == 0 ? "an empty database" : Snapshot.fileName(version))
                    + ":\n  - " + String.join("\n  - ", drift));
        }
    }

    /** The differences between the live schema and {@code expected}, phrased for people; empty when equal. */
    private static List<String> differences(MigrationChecks c, DataSource dataSource, Schema expected) {
        try (Connection connection = dataSource.getConnection()) {
            Dialect database = Dialects.detect(connection);
            LiveReading reading = LiveSchema.read(connection, database, c.ignoredTables());
            Schema live = Alignment.align(reading.schema(), expected, new SqlRenderer(database));
            List<String> differences = new ArrayList<>(reading.problems());
            Differ.diff(live, expected).forEach(op -> differences.add(Drift.describe(op)));
            return differences;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the live schema: " + e.getMessage(), e);
        }
    }

    private static List<String> entities(MigrationChecks c, FrozenFiles frozen) {
        LinkedHashSet<String> entities = new LinkedHashSet<>(c.migrations().entities());
        if (frozen.newestVersion() > 0) {
            entities.addAll(SnapshotReader.entities(frozen.text(frozen.newestVersion())).values());
        }
        return List.copyOf(entities);
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String label(int version) {
        return Snapshot.label(version);
    }

}
