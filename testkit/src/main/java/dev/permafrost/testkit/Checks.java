package dev.permafrost.testkit;

import static org.junit.jupiter.api.Assertions.fail;

import dev.permafrost.dialect.Dialect;
import dev.permafrost.dialect.Dialects;
import dev.permafrost.dialect.LiveReading;
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
        int low = toOldest(c, migrator);
        for (int version = low + 1; version <= c.migrations().migrations().size(); version++) {
            migrate(migrator, version, "upgrading from an empty database");
        }
    }

    /**
     * Brings a fresh database to the oldest version the migrations can take it from: 0, nothing to do; after a squash
     * whose oldest stubs were deleted, built from the squashed baseline and taken down to the version before the
     * oldest stub kept (ADR 0025). Returns that version.
     */
    static int toOldest(MigrationChecks c, Migrator migrator) {
        Migrations migrations = Migrations.replayed(c.migrations());
        int low = migrations.oldestReachable();
        if (low > 0) {
            migrate(migrator, migrations.baseline().version(), "building a fresh database from the squashed baseline");
            migrate(migrator, low, "going down to " + label(low) + ", the oldest version the kept stubs reach");
        }
        return low;
    }

    // ---- squashed baseline ----

    static void squashedBaseline(MigrationChecks c) {
        Migrations replay = Migrations.replayed(c.migrations());
        MigrationEntry baseline = replay.baseline();
        if (baseline == null) {
            return;
        }
        FrozenFiles frozen = frozen(c);
        int version = baseline.version();
        String name = baseline.className().substring(baseline.className().lastIndexOf('.') + 1);
        List<String> problems = new ArrayList<>();
        Schema snapshot = snapshot(frozen, version);
        try {
            Schema built = replay.baselineUp().after();
            if (!Differ.equivalent(built, snapshot)) {
                problems.add(name + "'s up() does not give " + Snapshot.fileName(version) + ": "
                        + Differ.diff(built, snapshot).stream().map(Drift::describe).toList());
            }
            Schema undone = dev.permafrost.runtime.internal.Recorder.down(c.migrations().load(baseline), snapshot).after();
            if (!Differ.equivalent(undone, Schema.empty())) {
                problems.add(name + "'s down() does not undo its up(): " + Differ.diff(undone,
                        Schema.empty()).stream().map(Drift::describe).toList());
            }
        } catch (RuntimeException e) {
            problems.add(name + " cannot be recorded: " + e.getMessage());
        }
        dev.permafrost.snapshot.Manifest.Squash squash = frozen.manifest() == null ? null : frozen.manifest().squash();
        if (squash == null || squash.version() != version) {
            problems.add("the index lists the squashed baseline " + name + " for " + label(version)
                    + ", but " + dev.permafrost.snapshot.Manifest.FILE + " in " + c.schemaDir() + " records "
                    + (squash == null ? "no squash" : "a squash to " + label(squash.version())) + "; rebuild the module");
        } else {
            boolean seeds = problems.isEmpty() && replay.baselineUp().steps().stream()
                    .anyMatch(step -> !(step instanceof dev.permafrost.runtime.internal.Step.Change));
            for (int v = replay.oldestReachable() + 1; v <= version && problems.isEmpty(); v++) {
                dev.permafrost.snapshot.Manifest.Replaced replaced = squash.replaced().get(v - 1);
                MigrationEntry entry = replay.entry(v);
                if (!entry.matches(replaced.checksum())) {
                    problems.add(label(v) + " (" + entry.className() + ") changed after it was squashed into "
                            + name + ": databases built from the baseline record the checksum it had then."
                            + " Restore it from version control, and put the change into a new migration");
                } else if (up(replay, v) && !replaced.dataSteps() && !seeds) {
                    problems.add(label(v) + " (" + entry.className() + ") has data steps that the squash into "
                            + name + " did not find, so a fresh database built from the baseline does"
                            + " not get them. Write what a fresh database needs of them into " + name
                            + "'s up(), after its tables (the check passes once it has data steps of its own)");
                }
            }
        }
        if (!problems.isEmpty()) {
            fail("the squashed baseline does not stand in for the migrations it replaces:\n  - "
                    + String.join("\n  - ", problems));
        }
    }

    /**
     * Whether {@code up()} of {@code version} runs SQL or code of its own, which a fresh database built by the
     * baseline does not.
     */
    private static boolean up(Migrations replay, int version) {
        return replay.up(version).steps().stream().anyMatch(s -> !(s instanceof dev.permafrost.runtime.internal.Step.Change));
    }

    static void squashedBaselineOnDatabase(MigrationChecks c) {
        Migrations replay = Migrations.replayed(c.migrations());
        MigrationEntry baseline = replay.baseline();
        if (baseline == null) {
            return;
        }
        DataSource dataSource = c.dataSource();
        Migrator migrator = migrator(c, dataSource);
        int version = baseline.version();
        migrate(migrator, version, "building a fresh database from the squashed baseline " + baseline.className());
        expect(c, dataSource, frozen(c), version, "after the squashed baseline " + baseline.className() + ",");
        List<String> rows = migrator.status().migrations().stream().filter(m -> m.version() <= version)
                .filter(m -> m.state() != dev.permafrost.runtime.MigrationState.APPLIED).map(m -> label(m.version()) + " "
                        + m.state()).toList();
        if (!rows.isEmpty()) {
            fail("after the squashed baseline " + baseline.className() + " the history does not record every migration it"
                    + " replaces as applied: " + rows);
        }
        int low = replay.oldestReachable();
        migrate(migrator, low, "going down from the squashed baseline to " + label(low));
        expect(c, dataSource, frozen(c), low, "after going down from the squashed baseline " + baseline.className()
                + " to " + label(low) + ",");
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
        for (int version = toOldest(c, migrator) + 1; version <= frozen.newestVersion(); version++) {
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
        int low = toOldest(c, freshMigrator);
        List<LiveReading> freshSchemas = new ArrayList<>(List.of(live(c, fresh)));
        for (int version = low + 1; version <= newest; version++) {
            migrate(freshMigrator, version, "building a fresh database at " + label(version));
            freshSchemas.add(live(c, fresh));
        }
        DataSource dataSource = c.dataSource();
        Migrator migrator = migrator(c, dataSource);
        migrate(migrator, newest, "upgrading to " + label(newest));
        for (int version = newest - 1; version >= low; version--) {
            migrate(migrator, version, "going down to " + label(version));
            LiveReading down = live(c, dataSource);
            LiveReading expected = freshSchemas.get(version - low);
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
        // Versions whose stubs were deleted after a squash were checked while they were there.
        for (int version = replay.oldestReachable() + 1; version <= frozen.newestVersion(); version++) {
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
            Schema live = Alignment.align(attached, expected, database);
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
