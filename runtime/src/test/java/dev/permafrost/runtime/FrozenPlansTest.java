package dev.permafrost.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.permafrost.dialect.Dialect;
import dev.permafrost.dialect.Dialects;
import dev.permafrost.runtime.internal.FrozenPlans;
import dev.permafrost.runtime.internal.Migrations;
import dev.permafrost.runtime.internal.Recorder;
import dev.permafrost.snapshot.Plans;
import dev.permafrost.snapshot.SchemaCheckpoint;
import dev.permafrost.testing.Db;
import dev.permafrost.testing.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Plans the processor rendered when it wrote a stub (ADR 0026) are what the runtime runs, while the stub's code is the
 * code they were rendered for; and applying migrations that have them loads no jOOQ class.
 */
class FrozenPlansTest {

    @TempDir
    Path dir;

    /** The plans of {@code version} of {@code index} for {@code dialect}, as the processor renders them. */
    static String plans(TestIndex index, int version, Dialect dialect, String checksum) {
        Migrations migrations = Migrations.replayed(index);
        Recorder.Recording up = migrations.up(version);
        Recorder.Recording down = migrations.down(version);
        return FrozenPlans.render(version, checksum, List.of(dialect), up.before(), up.steps(), down.before(),
                down.steps());
    }

    private static TestIndex two() {
        return TestIndex.of(new MigratorSqliteTest.Baseline(), new MigratorSqliteTest.AddSyncedAt());
    }

    private static Dialect dialect(String url) throws Exception {
        try (Connection connection = DriverManager.getConnection(url)) {
            return Dialects.detect(connection);
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void theFrozenPlanRunsWhileTheStubIsTheOneItWasRenderedFor(TestDatabase kind) throws Exception {
        try (TestDatabase.Fresh planned = kind.create(dir); TestDatabase.Fresh edited = kind.create(dir)) {
            Dialect dialect = dialect(planned.url());
            String plans = plans(two(), 2, dialect, "checksum-2");
            assertTrue(plans.contains("features_synced_at"), plans);
            String marked = plans.replace("features_synced_at", "synced_as_planned");

            Migrator.configure(planned.url()).migrations(two().plans(2, marked)).build().migrate();
            Migrator.configure(edited.url()).migrations(TestIndex.of(new MigratorSqliteTest.Baseline())
                    .add(new MigratorSqliteTest.AddSyncedAt(), "checksum-of-an-edited-stub").plans(2, marked)).build()
                    .migrate();

            assertEquals(List.of("id", "name", "customer_id", "synced_as_planned"), Db.columns(planned.url(), "products"));
            assertEquals(List.of("id", "name", "customer_id", "features_synced_at"), Db.columns(edited.url(), "products"));
            Migrator.configure(planned.url()).migrations(two().plans(2, marked)).build().migrateTo(1);
            assertEquals(List.of("id", "name", "customer_id"), Db.columns(planned.url(), "products"),
                    "down() as frozen drops synced_as_planned; as rendered it would drop features_synced_at, not there");
        }
    }

    @Test
    void aPlanThatDoesNotReadIsRenderedInstead() throws Exception {
        try (TestDatabase.Fresh db = TestDatabase.SQLITE.create(dir)) {
            String plans = plans(two(), 2, dialect(db.url()), "checksum-2").replace("-- format: 1", "-- format: 9");
            Migrator.configure(db.url()).migrations(two().plans(2, plans)).build().migrate();
            assertEquals(List.of("id", "name", "customer_id", "features_synced_at"), Db.columns(db.url(), "products"));
        }
    }

    @Test
    void plansReadBackAsWritten() {
        Plans plans = new Plans(3, "t1:abc", List.of("t"), Map.of(new Plans.Key("SQLite", true, false),
                List.of(new Plans.Step("add column a\\b", List.of("alter table t add column \"a\nb\" int"))),
                new Plans.Key("PostgreSQL", true, true), List.of(new Plans.Step("create index i", List.of("create index"
                        + " concurrently i on t (a)"), List.of(new Plans.Part("create index concurrently i on t (a)", true,
                        "i", null))))));
        assertEquals(plans, Plans.read(3, plans.write()));
    }

    /**
     * A fresh database and a deploy of one more migration, both with frozen plans, then {@code validate()}: no jOOQ class
     * is loaded.
     */
    @Test
    void applyingFrozenPlansAndValidatingLoadsNoJooqClass() throws Exception {
        List<String> outputs = deployAndValidate(TestDatabase.SQLITE);
        assertEquals(List.of(), loaded(outputs.get(0), " org\\.jooq\\."),
                "classes of jOOQ loaded building a fresh database from frozen plans");
        assertEquals(List.of(), loaded(outputs.get(1), " org\\.jooq\\."),
                "classes of jOOQ loaded applying one migration from its frozen plan and validating the database"
                        + " (its literal defaults and SQLite's DDL read without jOOQ's parser)");
    }

    /**
     * The same on a server: no class of jOOQ's implementation (no {@code DSLContext}, renderer or parser); the JVM may
     * load a few of jOOQ's interfaces to check a dialect class's bytecode when it links it.
     */
    @ParameterizedTest
    @EnumSource(value = TestDatabase.class, names = {"POSTGRES", "MARIADB"}) // H2's in-memory database is per JVM
    void applyingFrozenPlansAndValidatingOnAServerLoadsNoJooqImplementation(TestDatabase kind) throws Exception {
        List<String> outputs = deployAndValidate(kind);
        assertEquals(List.of(), loaded(outputs.get(0), " org\\.jooq\\.[a-z]"),
                "jOOQ's implementation loaded building a fresh database from frozen plans");
        assertEquals(List.of(), loaded(outputs.get(1), " org\\.jooq\\.[a-z]"),
                "jOOQ's implementation loaded applying one migration from its frozen plan and validating the database");
    }

    /**
     * The class-loading logs of two child JVMs on a fresh {@code kind} database: one that builds V0001 from its frozen
     * plan, one that applies V0002 from its plan and validates the database against the recorded newest schema.
     */
    private List<String> deployAndValidate(TestDatabase kind) throws Exception {
        try (TestDatabase.Fresh db = kind.create(dir)) {
            Dialect dialect = dialect(db.url());
            Path plans = Files.createDirectories(dir.resolve("plans-" + kind));
            TestIndex index = Child.planned(null);
            for (int v = 1; v <= index.migrations().size(); v++) {
                Files.writeString(plans.resolve(v + ".plans"), plans(index, v, dialect, "checksum-" + v));
            }
            Process fresh = Child.start(db.url(), "planned-1", "-verbose:class", "-Dplans=" + plans);
            String built = Child.finish(fresh, dir);
            assertEquals(0, fresh.exitValue(), built);
            assertEquals(List.of("RESULT 1 1"), built.lines().filter(l -> l.startsWith("RESULT")).toList());

            // the schema the build records beside the index (ADR 0024), which validate() holds the database against
            Path checkpoint = Files.writeString(dir.resolve("checkpoint-" + kind + ".txt"), SchemaCheckpoint.write(2,
                    new Migrations(index).schemaAt(2)));
            Process deploy = Child.start(db.url(), "planned", "-verbose:class", "-Dplans=" + plans, "-Dvalidate=true",
                    "-Dcheckpoint=" + checkpoint);
            String deployed = Child.finish(deploy, dir);
            assertEquals(0, deploy.exitValue(), deployed);
            assertEquals(List.of("RESULT 2 1"), deployed.lines().filter(l -> l.startsWith("RESULT")).toList());
            assertEquals(List.of("VALIDATION []"), deployed.lines().filter(l -> l.startsWith("VALIDATION")).toList());
            assertEquals(List.of("id", "name", "customer_id", "features_synced_at"), Db.columns(db.url(), "products"));
            return List.of(built, deployed);
        }
    }

    /** The lines of a class-loading log that load a class whose name matches {@code pattern} (after a space). */
    private static List<String> loaded(String log, String pattern) {
        java.util.regex.Pattern classes = java.util.regex.Pattern.compile(pattern);
        return log.lines().filter(l -> l.contains("class,load") || l.startsWith("[Loaded"))
                .filter(l -> classes.matcher(l).find()).toList();
    }
}
