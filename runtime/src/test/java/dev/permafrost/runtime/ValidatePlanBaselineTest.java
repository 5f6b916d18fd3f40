package dev.permafrost.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.permafrost.testing.Db;
import dev.permafrost.testing.TestDatabase;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ValidatePlanBaselineTest {

    @TempDir
    Path dir;

    private static TestIndex index() {
        return TestIndex.of(new MigratorSqliteTest.Baseline(), new MigratorSqliteTest.AddSyncedAt(),
                new MigratorSqliteTest.WidenName());
    }

    private static Migrator migrator(String url) {
        return Migrator.configure(url).migrations(index()).build();
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void validateFindsNothingOnAMigratedDatabaseAndEveryDriftOnAChangedOne(TestDatabase kind) throws Exception {
        try (TestDatabase.Fresh db = kind.create(dir)) {
            migrator(db.url()).migrate();
            Validation clean = migrator(db.url()).validate();
            assertTrue(clean.valid(), clean.toString());
            assertEquals(3, clean.version());

            Db.execute(db.url(), "alter table products add surprise varchar(10)", "create table other_library (x integer)");
            Validation drifted = migrator(db.url()).validate();

            assertEquals(List.of("table other_library is in the database but not in the schema",
                    "column products.surprise ('varchar(10)') is in the database but not in the schema"), drifted.problems());
            assertTrue(drifted.toString().contains(" does not match V0003:\n  - table other_library"), drifted.toString());
            assertEquals(ErrorCode.DRIFT, assertThrows(PermafrostException.class, drifted::orThrow).code());
            Validation ignoring = Migrator.configure(db.url()).migrations(index()).ignoreTables("other_library").build().validate();
            assertEquals(List.of("column products.surprise ('varchar(10)') is in the database but not in the schema"),
                    ignoring.problems());
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void validateReportsAChangedMigration(TestDatabase kind) throws Exception {
        try (TestDatabase.Fresh db = kind.create(dir)) {
            Migrator.configure(db.url()).migrations(new TestIndex().add(new MigratorSqliteTest.Baseline(), "aaa")).build().migrate();
            Validation validation = Migrator.configure(db.url())
                    .migrations(new TestIndex().add(new MigratorSqliteTest.Baseline(), "bbb")).build().validate();
            assertEquals(List.of("V0001 changed after it was applied (recorded aaa, now bbb)"), validation.problems());
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void planListsTheSqlUpAndDownWithoutRunningIt(TestDatabase kind) throws Exception {
        try (TestDatabase.Fresh db = kind.create(dir)) {
            MigrationPlan plan = migrator(db.url()).plan();

            assertEquals(List.of(1, 2, 3), plan.steps().stream().map(MigrationPlan.Step::version).toList());
            assertTrue(plan.steps().get(0).statements().get(0).startsWith("create table products ("), plan.toString());
            List<String> second = plan.steps().get(1).statements();
            if (kind == TestDatabase.MARIADB) {
                assertEquals("-- add column features_synced_at to products without blocking writers: outside the"
                        + " migration's transaction, each on its own", second.get(0), plan.toString());
                assertTrue(second.get(1).endsWith(", algorithm = instant"), plan.toString());
            }
            assertTrue(second.get(kind == TestDatabase.MARIADB ? 1 : 0).startsWith("alter table products add"
                    + " features_synced_at"), plan.toString());
            if (kind == TestDatabase.SQLITE) {
                assertTrue(plan.steps().get(2).statements().get(0).startsWith("-- rebuild table products to alter column"),
                        plan.toString());
            }
            assertEquals(List.of(), Db.tables(db.url()).stream().filter(t -> !t.equals("permafrost_history")).toList(),
                    "planning changes nothing");

            migrator(db.url()).migrate();
            assertTrue(migrator(db.url()).plan().isEmpty());
            MigrationPlan down = migrator(db.url()).plan(1);
            assertEquals(List.of(3, 2), down.steps().stream().map(MigrationPlan.Step::version).toList());
            assertFalse(down.steps().get(1).up());
            assertTrue(down.toString().contains("alter table products drop"), down.toString());
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void baselineAdoptsAMatchingDatabaseAndRefusesADifferentOne(TestDatabase kind) throws Exception {
        try (TestDatabase.Fresh db = kind.create(dir)) {
            migrator(db.url()).migrate();
            Db.execute(db.url(), "drop table permafrost_history");

            PermafrostException differs = assertThrows(PermafrostException.class, () -> migrator(db.url()).baseline(2));
            assertEquals(ErrorCode.DRIFT, differs.code());
            assertTrue(differs.getMessage().contains("column products.name is 'varchar(255) not null' in the database but"
                    + " 'varchar(100) not null' in the schema"), differs.getMessage());

            MigrationStatus adopted = migrator(db.url()).baseline(3);

            assertEquals(3, adopted.currentVersion());
            assertTrue(adopted.isUpToDate(), adopted.toString());
            assertEquals(List.of(), migrator(db.url()).migrate().applied());
            assertEquals(ErrorCode.INVALID_REQUEST,
                    assertThrows(PermafrostException.class, () -> migrator(db.url()).baseline(3)).code());
        }
    }
}
