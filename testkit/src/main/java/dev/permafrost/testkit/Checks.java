package dev.permafrost.testkit;

import static org.junit.jupiter.api.Assertions.fail;

import dev.permafrost.dialect.Dialect;
import dev.permafrost.dialect.Dialects;
import dev.permafrost.dialect.LiveReading;
import dev.permafrost.dialect.SqlRenderer;
import dev.permafrost.diff.Differ;
import dev.permafrost.model.Schema;
import dev.permafrost.runtime.Migrator;
import dev.permafrost.runtime.PermafrostException;
import dev.permafrost.runtime.internal.Alignment;
import dev.permafrost.runtime.internal.Drift;
import dev.permafrost.runtime.internal.LiveSchema;
import dev.permafrost.runtime.internal.Migrations;
import dev.permafrost.runtime.spi.MigrationEntry;
import dev.permafrost.snapshot.FrozenFiles;
import dev.permafrost.snapshot.Snapshot;
import dev.permafrost.snapshot.SnapshotException;
import dev.permafrost.snapshot.SnapshotReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.sql.DataSource;

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
        List<LiveReading> freshSchemas = new ArrayList<>(List.of(live(c, fresh)));
        for (int version = 1; version <= newest; version++) {
            migrate(freshMigrator, version, "building a fresh database at " + label(version));
            freshSchemas.add(live(c, fresh));
        }
        DataSource dataSource = c.dataSource();
        Migrator migrator = migrator(c, dataSource);
        migrate(migrator, newest, "upgrading to " + label(newest));
        for (int version = newest - 1; version >= 0; version--) {
            migrate(migrator, version, "going down to " + label(version));
            LiveReading down = live(c, dataSource);
            LiveReading expected = freshSchemas.get(version);
            List<String> trace = new ArrayList<>(Differ.diff(down.schema(), expected.schema()).stream()
                    .map(op -> Drift.describe(op).replace("is in the database but not in the schema",
                                    "is left after going down but is not in a fresh database")
                            .replace("in the database", "after going down").replace("in the schema", "in a fresh database"))
                    .toList());
            for (LiveReading.LiveSequence sequence : down.sequences()) {
                if (!expected.sequences().contains(sequence)) {
                    trace.add(sequence.sequence() + " is left after going down but is not in a fresh database");
                }
            }
            for (LiveReading.LiveSequence sequence : expected.sequences()) {
                if (!down.sequences().contains(sequence)) {
                    trace.add(sequence.sequence() + " is missing after going down but is in a fresh database");
                }
            }
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

    /**
     * What the live database holds (its tables and its sequences, apart); fails when part of it cannot be read,
     * so that nothing is compared half-seen.
     */
    static LiveReading live(MigrationChecks c, DataSource dataSource) {
        try (Connection connection = dataSource.getConnection()) {
            LiveReading reading = LiveSchema.read(connection, Dialects.detect(connection), c.ignoredTables());
            if (!reading.problems().isEmpty()) {
                fail("part of the live schema cannot be read:\n  - " + String.join("\n  - ", reading.problems()));
            }
            return reading;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the live schema: " + e.getMessage(), e);
        }
    }

    // ---- 7. replay equals snapshot ----

    static void replayEqualsSnapshot(MigrationChecks c) {
        FrozenFiles frozen = frozen(c);
        Migrations replay = Migrations.replayed(c.migrations());
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

    // ---- shared ----

    static Migrator migrator(MigrationChecks c, DataSource dataSource) {
        return Migrator.configure(dataSource).migrations(c.migrations())
                .ignoreTables(c.ignoredTables().toArray(String[]::new)).logger(QuietLog.INSTANCE).build();
    }

    static void migrate(Migrator migrator, int version, String what) {
        try {
            migrator.migrateTo(version);
        } catch (PermafrostException e) {
            fail(what + " failed: " + e.getMessage(), e);
        }
    }

    static FrozenFiles frozen(MigrationChecks c) {
        try {
            return FrozenFiles.load(c.schemaDir());
        } catch (SnapshotException e) {
            return fail("the frozen snapshots in " + c.schemaDir().toAbsolutePath() + " cannot be read: " + e.getMessage());
        }
    }

    static Schema snapshot(FrozenFiles frozen, int version) {
        return version == 0 ? Schema.empty() : frozen.snapshot(version).schema();
    }

    static void expect(MigrationChecks c, DataSource dataSource, FrozenFiles frozen, int version, String when) {
        Schema expected = snapshot(frozen, version);
        List<String> drift = differences(c, dataSource, expected);
        if (!drift.isEmpty()) {
            fail(when + " the live schema differs from " + (version == 0 ? "an empty database" : Snapshot.fileName(version))
                    + ":\n  - " + String.join("\n  - ", drift));
        }
    }

    /** The differences between the live schema and {@code expected}, phrased for people; empty when equal. */
    static List<String> differences(MigrationChecks c, DataSource dataSource, Schema expected) {
        try (Connection connection = dataSource.getConnection()) {
            Dialect database = Dialects.detect(connection);
            LiveReading reading = LiveSchema.read(connection, database, c.ignoredTables());
            Schema attached = reading.schema(expected);
            Schema live = Alignment.align(attached, expected, new SqlRenderer(database));
            List<String> differences = new ArrayList<>(reading.problems());
            differences.addAll(reading.strays(attached));
            Differ.diff(live, expected).forEach(op -> differences.add(Drift.describe(op)));
            return differences;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the live schema: " + e.getMessage(), e);
        }
    }

    static List<String> entities(MigrationChecks c, FrozenFiles frozen) {
        LinkedHashSet<String> entities = new LinkedHashSet<>(c.migrations().entities());
        if (frozen.newestVersion() > 0) {
            entities.addAll(SnapshotReader.entities(frozen.text(frozen.newestVersion())).values());
        }
        return List.copyOf(entities);
    }

    static String read(Path file) {
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
