package dev.permafrost.runtime;

import static dev.permafrost.runtime.Ddl.BIGINT;
import static dev.permafrost.runtime.Ddl.column;
import static dev.permafrost.runtime.Ddl.table;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.permafrost.runtime.spi.MigrationEntry;
import dev.permafrost.runtime.spi.MigrationIndex;
import dev.permafrost.testing.Db;
import dev.permafrost.testing.TestDatabase;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** What start-up says when the database is not what this build expects: the right cause and the right way out. */
class DiagnosesTest {

    @TempDir
    Path dir;

    /** An index of one module's migrations under the descriptions and checksums a build would give them. */
    private static MigrationIndex index(List<Migration> migrations, List<String> descriptions, List<String> checksums) {
        return new MigrationIndex() {
            @Override
            public List<MigrationEntry> migrations() {
                return java.util.stream.IntStream.range(0, migrations.size()).mapToObj(i -> new MigrationEntry(i + 1,
                        descriptions.get(i), checksums.get(i), migrations.get(i).getClass().getName())).toList();
            }

            @Override
            public Migration load(MigrationEntry entry) {
                return migrations.get(entry.version() - 1);
            }
        };
    }

    static final class Loyalty implements Migration {
        @Override
        public void up(Operations op) {
            op.addColumn("products", column("loyalty_points", BIGINT));
        }

        @Override
        public void down(Operations op) {
            op.dropColumn("products", "loyalty_points");
        }
    }

    static final class Archive implements Migration {
        @Override
        public void up(Operations op) {
            op.createTable(table("archive").column(column("id", BIGINT).notNull()));
        }

        @Override
        public void down(Operations op) {
            op.dropTable("archive");
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void aDifferentMigrationUnderTheSameVersionIsNamedAsSuch(TestDatabase kind) throws Exception {
        try (TestDatabase.Fresh db = kind.create(dir)) {
            Migration baseline = new MigratorSqliteTest.Baseline();
            Migrator.configure(db.url()).migrations(index(List.of(baseline, new Archive()),
                    List.of("baseline", "create table archive"), List.of("b1", "a2"))).build().migrate();
            String appliedAt = Db.rows(db.url(), "select applied_at from permafrost_history where version = 2").get(0);

            PermafrostException refused = assertThrows(PermafrostException.class, () -> Migrator.configure(db.url())
                    .migrations(index(List.of(baseline, new Loyalty()), List.of("baseline", "add loyalty_points to products"),
                            List.of("b1", "l2"))).build().migrate());

            assertEquals(ErrorCode.CHECKSUM_MISMATCH, refused.code());
            assertEquals("the database holds a different migration V0002 (\"create table archive\", applied " + appliedAt
                    + ") from this build's V0002 (\"add loyalty_points to products\", " + Loyalty.class.getName()
                    + "): two branches, or two applications on one database, each made a V0002. Run the build that"
                    + " applied it (it can go back with migrateTo(1)), or renumber this build's migration after that"
                    + " one's, or give each application a database of its own.", refused.getMessage());
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void aHistoryDroppedByHandPointsAtBaselineAndChangesNothing(TestDatabase kind) throws Exception {
        try (TestDatabase.Fresh db = kind.create(dir)) {
            Migrator migrator = Migrator.configure(db.url()).migrations(TestIndex.of(new MigratorSqliteTest.Baseline()))
                    .build();
            migrator.migrate();
            Db.execute(db.url(), "insert into products (id, name) values (1, 'lamp')", "drop table permafrost_history");

            PermafrostException refused = assertThrows(PermafrostException.class, migrator::migrate);

            assertEquals(ErrorCode.DRIFT, refused.code());
            assertEquals("the database has no Permafrost history (permafrost_history is missing or empty), yet it"
                    + " already has tables products, tests that V0001 creates: its history table was dropped, or it was"
                    + " built without Permafrost. Nothing was changed. If its schema is that of a version N of this"
                    + " build, adopt it with Migrator.baseline(N), which checks that before recording 1..N as applied;"
                    + " if the tables are not this application's, migrate another database or schema.",
                    refused.getMessage());
            assertEquals(List.of("1|lamp"), Db.rows(db.url(), "select id, name from products"));

            migrator.baseline(1);
            assertTrue(migrator.status().isUpToDate(), migrator.status().toString());
        }
    }

    static final class FailsAtOnce implements Migration {
        @Override
        public void up(Operations op) {
            op.sql("insert into no_such_table values (1)");
            op.createTable(table("never").column(column("id", BIGINT)));
        }

        @Override
        public void down(Operations op) {
            op.dropTable("never");
        }
    }

    @ParameterizedTest
    @EnumSource(value = TestDatabase.class, names = {"MARIADB", "H2"})
    void aMigrationWhoseFirstStatementFailsSaysThereIsNothingToUndo(TestDatabase kind) throws Exception {
        try (TestDatabase.Fresh db = kind.create(dir)) {
            Migrator migrator = Migrator.configure(db.url())
                    .migrations(TestIndex.of(new MigratorSqliteTest.Baseline(), new FailsAtOnce())).build();
            migrator.migrateTo(1);

            PermafrostException failed = assertThrows(PermafrostException.class, migrator::migrate);
            assertTrue(failed.getMessage().endsWith("This database commits DDL at once, but none of V0002's statements"
                    + " ran, so there is nothing to undo: fix the cause, call Migrator.repair() to clear its history row,"
                    + " and start again."), failed.getMessage());

            PermafrostException refused = assertThrows(PermafrostException.class, migrator::migrate);
            assertTrue(refused.getMessage().endsWith("None of its statements ran, so there is nothing to undo: call"
                    + " Migrator.repair() and start again."), refused.getMessage());
            assertEquals(1, migrator.repair());
        }
    }
}
