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

/**
 * {@code groupPending(true)}: where DDL is transactional the pending migrations are applied in one transaction, all or
 * none; elsewhere each on its own, as without it.
 */
class GroupPendingTest {

    @TempDir
    Path dir;

    private static TestIndex three() {
        return TestIndex.of(new MigratorSqliteTest.Baseline(), new MigratorSqliteTest.AddSyncedAt(),
                new MigratorSqliteTest.WidenName());
    }

    private static final String HISTORY = "select version, checksum, state from permafrost_history order by version";

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void thePendingMigrationsAreAppliedTogether(TestDatabase kind) throws Exception {
        try (TestDatabase.Fresh grouped = kind.create(dir); TestDatabase.Fresh single = kind.create(dir)) {
            MigrateResult result = Migrator.configure(grouped.url()).migrations(three()).groupPending(true).build()
                    .migrate();
            Migrator.configure(single.url()).migrations(three()).build().migrate();

            assertEquals(List.of(1, 2, 3), result.applied().stream().map(MigrationInfo::version).toList());
            assertEquals(List.of("1|checksum-1|applied", "2|checksum-2|applied", "3|checksum-3|applied"),
                    Db.rows(grouped.url(), HISTORY));
            assertEquals(Db.columns(single.url(), "products"), Db.columns(grouped.url(), "products"));
            assertTrue(Migrator.configure(grouped.url()).migrations(three()).build().validate().valid());
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void aFailureRollsBackTheWholeGroupWhereDdlIsTransactional(TestDatabase kind) throws Exception {
        try (TestDatabase.Fresh db = kind.create(dir)) {
            TestIndex index = three().add(new MigratorSqliteTest.Broken());

            PermafrostException e = assertThrows(PermafrostException.class,
                    () -> Migrator.configure(db.url()).migrations(index).groupPending(true).build().migrate());

            assertEquals(ErrorCode.MIGRATION_FAILED, e.code());
            if (kind.transactionalDdl()) {
                assertTrue(e.getMessage().endsWith("It was rolled back with the migrations applied in one transaction"
                        + " with it (groupPending): the database is as it was before V0001."), e.getMessage());
                // Nothing of the four is left: no table of theirs, and no history row (on SQLite, where the
                // transaction is the lock, not even the history table).
                assertEquals(List.of(), Db.tables(db.url()).stream().filter(t -> !t.equals("permafrost_history")).toList());
                if (Db.tables(db.url()).contains("permafrost_history")) {
                    assertEquals(List.of(), Db.rows(db.url(), HISTORY));
                }
            } else {
                // Each on its own, as without grouping: the first three stay applied.
                assertEquals(List.of("1", "2", "3", "4"), Db.rows(db.url(), "select version from permafrost_history"
                        + " order by version"));
            }
        }
    }
}
