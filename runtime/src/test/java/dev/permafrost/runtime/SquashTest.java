package dev.permafrost.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.permafrost.runtime.spi.MigrationEntry;
import dev.permafrost.runtime.spi.MigrationIndex;
import dev.permafrost.testing.Db;
import dev.permafrost.testing.TestDatabase;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A squashed baseline (ADR 0025) on every tested database: a fresh database is built from it and records every
 * migration it replaces, so its history is the same as one built step by step; a database between versions continues
 * with the kept stubs; one older than the oldest kept stub is refused before anything runs.
 */
class SquashTest {

    @TempDir
    Path dir;

    /** Versions 1 and 2 in one migration, as B0002_Baseline builds them. */
    static final class Squashed implements Migration {
        @Override
        public void up(Operations op) {
            new MigratorSqliteTest.Baseline().up(op);
            new MigratorSqliteTest.AddSyncedAt().up(op);
        }

        @Override
        public void down(Operations op) {
            new MigratorSqliteTest.Baseline().down(op);
        }
    }

    /**
     * Three migrations, versions 1 and 2 squashed into {@link Squashed}; the first {@code removed} stubs deleted, as the
     * generated index lists them then (no class, the checksum kept).
     */
    static MigrationIndex index(boolean squashed, int removed) {
        return index(squashed, removed, null);
    }

    /** The same, with {@code baselinePlans} as the squashed baseline's frozen plans. */
    static MigrationIndex index(boolean squashed, int removed, String baselinePlans) {
        Migration[] all = {new MigratorSqliteTest.Baseline(), new MigratorSqliteTest.AddSyncedAt(),
                new MigratorSqliteTest.WidenName()};
        List<MigrationEntry> entries = new ArrayList<>();
        for (int v = 1; v <= all.length; v++) {
            entries.add(new MigrationEntry(v, "migration " + v, "checksum-" + v,
                    v <= removed ? null : all[v - 1].getClass().getName()));
        }
        MigrationEntry baseline = squashed ? new MigrationEntry(2, "squashed baseline of V0001 to V0002", "checksum-b",
                Squashed.class.getName()) : null;
        return new MigrationIndex() {
            @Override
            public List<MigrationEntry> migrations() {
                return entries;
            }

            @Override
            public Migration load(MigrationEntry entry) {
                if (entry.className().equals(Squashed.class.getName())) {
                    return new Squashed();
                }
                assertTrue(entry.version() > removed, "a deleted stub was asked for: V" + entry.version());
                return all[entry.version() - 1];
            }

            @Override
            public MigrationEntry squashedBaseline() {
                return baseline;
            }

            @Override
            public String squashedBaselinePlans() {
                return baselinePlans;
            }
        };
    }

    private static Migrator migrator(String url, MigrationIndex index) {
        return Migrator.configure(url).migrations(index).build();
    }

    private static final String HISTORY = "select version, description, checksum, state from permafrost_history order by version";

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void aFreshDatabaseIsBuiltFromTheBaselineWithTheHistoryOfOneBuiltStepByStep(TestDatabase kind) throws Exception {
        try (TestDatabase.Fresh stepByStep = kind.create(dir); TestDatabase.Fresh fresh = kind.create(dir)) {
            migrator(stepByStep.url(), index(false, 0)).migrate();

            MigrateResult result = migrator(fresh.url(), index(true, 1)).migrate();

            assertEquals(List.of(1, 2, 3), result.applied().stream().map(MigrationInfo::version).toList());
            assertEquals(0, result.fromVersion());
            assertEquals(3, result.toVersion());
            assertEquals(List.of("1|migration 1|checksum-1|applied", "2|migration 2|checksum-2|applied",
                    "3|migration 3|checksum-3|applied"), Db.rows(fresh.url(), HISTORY));
            assertEquals(Db.rows(stepByStep.url(), HISTORY), Db.rows(fresh.url(), HISTORY));
            assertEquals(Db.columns(stepByStep.url(), "products"), Db.columns(fresh.url(), "products"));
            assertEquals(Db.tables(stepByStep.url()), Db.tables(fresh.url()));
            assertTrue(migrator(fresh.url(), index(true, 1)).validate().valid(),
                    () -> migrator(fresh.url(), index(true, 1)).validate().toString());
            assertTrue(migrator(fresh.url(), index(false, 0)).validate().valid(), "the same history as step by step");
            Db.execute(fresh.url(), "insert into products (id, name) values (1, '" + "x".repeat(200) + "')");
            assertEquals(List.of("1"), Db.rows(fresh.url(), "select count(*) from products"));
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void aDatabaseBetweenVersionsContinuesWithTheKeptStubs(TestDatabase kind) throws Exception {
        try (TestDatabase.Fresh db = kind.create(dir)) {
            migrator(db.url(), index(false, 0)).migrateTo(1);
            Db.execute(db.url(), "insert into products (id, name) values (1, 'lamp')");

            MigrateResult result = migrator(db.url(), index(true, 1)).migrate();

            assertEquals(List.of(2, 3), result.applied().stream().map(MigrationInfo::version).toList());
            assertEquals(List.of("1|lamp|null"), Db.rows(db.url(), "select id, name, features_synced_at from products"));
            assertEquals(3, migrator(db.url(), index(true, 1)).status().currentVersion());
            migrator(db.url(), index(true, 1)).migrateTo(1);
            assertEquals(List.of("1|lamp"), Db.rows(db.url(), "select id, name from products"));
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void aDatabaseOlderThanTheOldestKeptStubIsRefusedAndLeftAsItWas(TestDatabase kind) throws Exception {
        try (TestDatabase.Fresh db = kind.create(dir)) {
            migrator(db.url(), index(false, 0)).migrateTo(1);
            List<String> before = Db.rows(db.url(), HISTORY);

            PermafrostException e = assertThrows(PermafrostException.class,
                    () -> migrator(db.url(), index(true, 2)).migrate());

            assertEquals(ErrorCode.OUT_OF_ORDER, e.code());
            assertEquals("PF714", e.messageCode());
            assertTrue(e.getMessage().contains(" is at V0001, older than the oldest migration this build keeps (V0003):"
                    + " versions V0001 to V0002 were squashed into " + Squashed.class.getName()), e.getMessage());
            assertTrue(e.getMessage().endsWith("Migrate this database first with a release that still has V0002, then"
                    + " with this one"), e.getMessage());
            assertEquals(before, Db.rows(db.url(), HISTORY));
            assertEquals(List.of("id", "name", "customer_id"), Db.columns(db.url(), "products"));
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void nothingGoesBelowTheOldestKeptStub(TestDatabase kind) throws Exception {
        try (TestDatabase.Fresh db = kind.create(dir)) {
            migrator(db.url(), index(true, 2)).migrate();
            assertEquals(List.of("1", "2", "3"), Db.rows(db.url(), "select version from permafrost_history order by version"));

            PermafrostException down = assertThrows(PermafrostException.class,
                    () -> migrator(db.url(), index(true, 2)).migrateTo(1));
            assertEquals("PF715", down.messageCode());
            assertEquals("cannot revert to V0001: the migrations before V0003 were deleted after they were"
                    + " squashed into " + Squashed.class.getName() + ", so this build goes down to V0002 at the lowest."
                    + " Nothing was changed", down.getMessage());
            migrator(db.url(), index(true, 2)).migrateTo(2);
            assertEquals(List.of("id", "name", "customer_id", "features_synced_at"), Db.columns(db.url(), "products"));
            assertTrue(migrator(db.url(), index(true, 2)).validate().valid());
        }
    }

    @ParameterizedTest
    @EnumSource(value = TestDatabase.class, names = "SQLITE")
    void theFreshPlanIsTheBaseline(TestDatabase kind) throws Exception {
        try (TestDatabase.Fresh db = kind.create(dir)) {
            MigrationPlan plan = migrator(db.url(), index(true, 0)).plan();
            assertEquals(List.of(2, 3), plan.steps().stream().map(MigrationPlan.Step::version).toList());
            assertEquals("squashed baseline of V0001 to V0002", plan.steps().get(0).description());
            PermafrostException e = assertThrows(PermafrostException.class,
                    () -> migrator(db.url(), index(true, 2)).migrateTo(1));
            assertEquals("PF624", e.messageCode());
            assertTrue(e.getMessage().startsWith("cannot build a fresh database at V0001: this build knows"
                    + " versions 2 to 3"), e.getMessage());
            assertEquals(List.of(1), migrator(db.url(), index(true, 0)).migrateTo(1).applied().stream()
                    .map(MigrationInfo::version).toList());
        }
    }

    /** The baseline's frozen plans (ADR 0026) build the fresh database while the baseline is the code they were for. */
    @ParameterizedTest
    @EnumSource(value = TestDatabase.class, names = {"SQLITE", "POSTGRES"})
    void theBaselinesFrozenPlansBuildAFreshDatabase(TestDatabase kind) throws Exception {
        try (TestDatabase.Fresh planned = kind.create(dir); TestDatabase.Fresh edited = kind.create(dir)) {
            dev.permafrost.dialect.Dialect dialect;
            try (java.sql.Connection c = planned.connect()) {
                dialect = dev.permafrost.dialect.Dialects.detect(c);
            }
            var recording = dev.permafrost.runtime.internal.Recorder.up(new Squashed(), dev.permafrost.model.Schema.empty());
            var steps = dev.permafrost.runtime.internal.FrozenPlans.freeze(dev.permafrost.runtime.internal.Planner.plan(
                    new dev.permafrost.dialect.SqlRenderer(dialect), 2, recording.before(), recording.steps(), false));
            String plans = new dev.permafrost.snapshot.Plans(2, "checksum-b", List.of("products", "tests"), java.util.Map.of(
                    new dev.permafrost.snapshot.Plans.Key(dialect.displayName(), true, false), steps)).write()
                    .replace("features_synced_at", "synced_as_planned");

            // To V0002 only: the marked column is not what V0003 expects.
            migrator(planned.url(), index(true, 1, plans)).migrateTo(2);
            migrator(edited.url(), index(true, 1, plans.replace("-- stub: checksum-b", "-- stub: another"))).migrateTo(2);

            assertEquals(List.of("id", "name", "customer_id", "synced_as_planned"), Db.columns(planned.url(), "products"));
            assertEquals(List.of("id", "name", "customer_id", "features_synced_at"), Db.columns(edited.url(), "products"));
            assertEquals(List.of("1", "2"), Db.rows(planned.url(), "select version from permafrost_history order by"
                    + " version"));
        }
    }
}
