package dev.permafrost.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.permafrost.testing.Db;
import dev.permafrost.testing.TestDatabase;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The core runtime scenarios on every tested database. */
class MigratorTest {

    @TempDir
    Path dir;

    private static Migrator migrator(String url, Migration... migrations) {
        return Migrator.configure(url).migrations(TestIndex.of(migrations)).build();
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void appliesFromEmptyAndIncrementallyKeepingRows(TestDatabase kind) throws Exception {
        try (TestDatabase.Fresh db = kind.create(dir)) {
            MigrateResult first = migrator(db.url(), new MigratorSqliteTest.Baseline()).migrate();
            assertEquals(List.of(1), first.applied().stream().map(MigrationInfo::version).toList());
            Db.execute(db.url(), "insert into products (id, name, customer_id) values (1, 'lamp', 7)",
                    "insert into tests (id, product_id) values (10, 1)");

            MigrateResult second = migrator(db.url(), new MigratorSqliteTest.Baseline(), new MigratorSqliteTest.AddSyncedAt(),
                    new MigratorSqliteTest.WidenName()).migrate();

            assertEquals(List.of(2, 3), second.applied().stream().map(MigrationInfo::version).toList());
            assertEquals(List.of("permafrost_history", "products", "tests"), Db.tables(db.url()));
            assertEquals(List.of("id", "name", "customer_id", "features_synced_at"), Db.columns(db.url(), "products"));
            assertEquals(List.of("1|lamp|7|null"), Db.rows(db.url(), "select id, name, customer_id, features_synced_at from products"));
            assertEquals(List.of("10|1|new"), Db.rows(db.url(), "select id, product_id, status from tests"));
            assertEquals(List.of("1|migration 1|checksum-1", "2|migration 2|checksum-2", "3|migration 3|checksum-3"),
                    Db.rows(db.url(), "select version, description, checksum from permafrost_history order by version"));
            Db.execute(db.url(), "insert into products (id, name) values (2, '" + "x".repeat(200) + "')");
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void downgradesNewestFirstKeepingRowsInKeptColumns(TestDatabase kind) throws Exception {
        try (TestDatabase.Fresh db = kind.create(dir)) {
            Migration[] all = {new MigratorSqliteTest.Baseline(), new MigratorSqliteTest.AddSyncedAt(),
                    new MigratorSqliteTest.WidenName()};
            migrator(db.url(), all).migrate();
            Db.execute(db.url(), "insert into products (id, name) values (1, 'lamp')", "insert into tests (id, product_id) values (10, 1)");

            MigrateResult down = migrator(db.url(), all).migrateTo(1);

            assertEquals(List.of(3, 2), down.reverted().stream().map(MigrationInfo::version).toList());
            assertEquals(List.of("id", "name", "customer_id"), Db.columns(db.url(), "products"));
            assertEquals(List.of("1|lamp"), Db.rows(db.url(), "select id, name from products"));
            assertEquals(List.of("10|1"), Db.rows(db.url(), "select id, product_id from tests"));
            assertEquals(List.of("1"), Db.rows(db.url(), "select version from permafrost_history"));

            migrator(db.url(), all).migrateTo(0);
            assertEquals(List.of("permafrost_history"), Db.tables(db.url()));
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void aFailedMigrationIsRolledBackOrReportedAsIncomplete(TestDatabase kind) throws Exception {
        try (TestDatabase.Fresh db = kind.create(dir)) {
            migrator(db.url(), new MigratorSqliteTest.Baseline()).migrate();

            PermafrostException e = assertThrows(PermafrostException.class,
                    () -> migrator(db.url(), new MigratorSqliteTest.Baseline(), new MigratorSqliteTest.Broken()).migrate());

            assertEquals(ErrorCode.MIGRATION_FAILED, e.code());
            assertTrue(e.getMessage().contains("insert into no_such_table values (1)"), e.getMessage());
            if (kind.transactionalDdl()) {
                assertEquals(List.of("id", "name", "customer_id"), Db.columns(db.url(), "products"));
                assertEquals(List.of("1"), Db.rows(db.url(), "select version from permafrost_history"));
            } else {
                PermafrostException refused = assertThrows(PermafrostException.class,
                        () -> migrator(db.url(), new MigratorSqliteTest.Baseline(), new MigratorSqliteTest.Broken()).migrate());
                assertEquals(ErrorCode.INCOMPLETE_MIGRATION, refused.code());
                assertTrue(refused.getMessage().contains("stopped after 1 of 2 statements"), refused.getMessage());
            }
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void changedAndUnknownMigrationsStopStartUp(TestDatabase kind) throws Exception {
        try (TestDatabase.Fresh db = kind.create(dir)) {
            Migrator.configure(db.url()).migrations(new TestIndex().add(new MigratorSqliteTest.Baseline(), "aaa")
                    .add(new MigratorSqliteTest.AddSyncedAt(), "bbb")).build().migrate();

            PermafrostException changed = assertThrows(PermafrostException.class, () -> Migrator.configure(db.url())
                    .migrations(new TestIndex().add(new MigratorSqliteTest.Baseline(), "zzz")
                            .add(new MigratorSqliteTest.AddSyncedAt(), "bbb")).build().migrate());
            assertEquals(ErrorCode.CHECKSUM_MISMATCH, changed.code());

            PermafrostException unknown = assertThrows(PermafrostException.class, () -> Migrator.configure(db.url())
                    .migrations(new TestIndex().add(new MigratorSqliteTest.Baseline(), "aaa")).build().migrate());
            assertEquals(ErrorCode.UNKNOWN_MIGRATION, unknown.code());
        }
    }
}
