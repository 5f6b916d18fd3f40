package dev.permafrost.runtime;

import static dev.permafrost.runtime.Ddl.BIGINT;
import static dev.permafrost.runtime.Ddl.column;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.permafrost.testing.Db;
import dev.permafrost.testing.TestDatabase;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Where DDL commits at once, a migration that fails part way leaves a history row saying how far it got;
 * the next start refuses with exactly which statements ran, and {@code repair()} is the way out.
 */
class IncompleteMigrationTest {

    @TempDir
    Path dir;

    static final class AddThenFail implements Migration {
        @Override
        public void up(Operations op) {
            op.addColumn("products", column("half_done", BIGINT));
            op.sql("insert into no_such_table values (1)");
        }

        @Override
        public void down(Operations op) {
            op.dropColumn("products", "half_done");
        }
    }

    static final class AddOnly implements Migration {
        @Override
        public void up(Operations op) {
            op.addColumn("products", column("half_done", BIGINT));
        }

        @Override
        public void down(Operations op) {
            op.dropColumn("products", "half_done");
        }
    }

    @ParameterizedTest
    @EnumSource(value = TestDatabase.class, names = {"MARIADB", "H2"})
    void theNextStartRefusesWithWhatRanAndRepairIsTheWayOut(TestDatabase kind) throws Exception {
        try (TestDatabase.Fresh db = kind.create(dir)) {
            Migrator.configure(db.url()).migrations(TestIndex.of(new MigratorSqliteTest.Baseline())).build().migrate();
            TestIndex broken = TestIndex.of(new MigratorSqliteTest.Baseline(), new AddThenFail());
            PermafrostException failed = assertThrows(PermafrostException.class,
                    () -> Migrator.configure(db.url()).migrations(broken).build().migrate());
            assertTrue(failed.getMessage().endsWith("This database commits DDL at once: the 1 statement(s) of V0002"
                    + " before this one stay applied (the next start lists them). Undo what they did by hand, or finish"
                    + " the migration by hand, then call Migrator.repair() and start again."), failed.getMessage());
            assertEquals(List.of("2|applying|1"), Db.rows(db.url(),
                    "select version, state, statements from permafrost_history where version = 2"));

            PermafrostException refused = assertThrows(PermafrostException.class,
                    () -> Migrator.configure(db.url()).migrations(broken).build().migrate());

            assertEquals(ErrorCode.INCOMPLETE_MIGRATION, refused.code());
            String database = refused.getMessage().substring(refused.getMessage().indexOf("while applying on ") + 18,
                    refused.getMessage().indexOf(", which commits"));
            assertEquals("migration V0002 (migration 2) stopped after 1 of 2 statements while applying on " + database
                    + ", which commits DDL at once, so part of it is done.\n"
                    + "Statements that ran:\n"
                    + "  1. alter table products add half_done bigint"
                            + (kind == TestDatabase.MARIADB ? " null, algorithm = instant" : "") + "\n"
                    + "Statements that did not run:\n"
                    + "  2. insert into no_such_table values (1)\n"
                    + "(If the process was killed rather than failing, statement 2 may have run as well.) Undo by hand"
                    + " what the statements that ran did, or run the ones that did not, then call Migrator.repair() and"
                    + " start again.",
                    refused.getMessage());
            assertEquals(MigrationState.FAILED, Migrator.configure(db.url()).migrations(broken).build().status()
                    .version(2).orElseThrow().state());

            Db.execute(db.url(), "alter table products drop column half_done");
            assertEquals(1, Migrator.configure(db.url()).migrations(broken).build().repair());
            MigrateResult fixed = Migrator.configure(db.url())
                    .migrations(TestIndex.of(new MigratorSqliteTest.Baseline(), new AddOnly())).build().migrate();
            assertEquals(List.of(2), fixed.applied().stream().map(MigrationInfo::version).toList());
        }
    }

    @Test
    void withoutLockSafeStepsTheRefusalListsThePlainStatementsThatRan() throws Exception {
        try (TestDatabase.Fresh db = TestDatabase.MARIADB.create(dir)) {
            Migrator.configure(db.url()).migrations(TestIndex.of(new MigratorSqliteTest.Baseline())).build().migrate();
            TestIndex broken = TestIndex.of(new MigratorSqliteTest.Baseline(), new AddThenFail());
            assertThrows(PermafrostException.class,
                    () -> Migrator.configure(db.url()).migrations(broken).lockSafeDdl(false).build().migrate());
            assertEquals(List.of("2|applying|1"), Db.rows(db.url(),
                    "select version, state, statements from permafrost_history where version = 2"));

            PermafrostException refused = assertThrows(PermafrostException.class,
                    () -> Migrator.configure(db.url()).migrations(broken).lockSafeDdl(false).build().migrate());

            assertTrue(refused.getMessage().contains("Statements that ran:\n  1. alter table products add half_done"
                    + " bigint null\nStatements that did not run:\n"), refused.getMessage());
        }
    }
}
