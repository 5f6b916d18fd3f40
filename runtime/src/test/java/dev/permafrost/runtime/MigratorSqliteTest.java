package dev.permafrost.runtime;

import static dev.permafrost.runtime.Ddl.BIGINT;
import static dev.permafrost.runtime.Ddl.CASCADE;
import static dev.permafrost.runtime.Ddl.TIMESTAMP_TZ;
import static dev.permafrost.runtime.Ddl.column;
import static dev.permafrost.runtime.Ddl.foreignKey;
import static dev.permafrost.runtime.Ddl.table;
import static dev.permafrost.runtime.Ddl.varchar;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.permafrost.testing.Db;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MigratorSqliteTest {

    @TempDir
    Path dir;

    static final class Baseline implements Migration {
        @Override
        public void up(Operations op) {
            op.createTable(table("products")
                    .column(column("id", BIGINT).notNull())
                    .column(column("name", varchar(100)).notNull())
                    .column(column("customer_id", BIGINT))
                    .primaryKey("pk_products", "id")
                    .index("ix_products_customer_id", "customer_id"));
            op.createTable(table("tests")
                    .column(column("id", BIGINT).notNull())
                    .column(column("product_id", BIGINT).notNull())
                    .column(column("status", varchar(20)).notNull().defaultValue("'new'"))
                    .primaryKey("pk_tests", "id")
                    .index("ix_tests_product_id", "product_id")
                    .foreignKey(foreignKey("fk_tests_product_id_products", "product_id")
                            .references("products", "id").onDelete(CASCADE)));
        }

        @Override
        public void down(Operations op) {
            op.dropTable("tests");
            op.dropTable("products");
        }
    }

    static final class AddSyncedAt implements Migration {
        @Override
        public void up(Operations op) {
            op.addColumn("products", column("features_synced_at", TIMESTAMP_TZ));
        }

        @Override
        public void down(Operations op) {
            op.dropColumn("products", "features_synced_at");
        }
    }

    /** Widens products.name: SQLite must rebuild products, the parent of tests (ON DELETE CASCADE). */
    static final class WidenName implements Migration {
        @Override
        public void up(Operations op) {
            op.alterColumn("products", column("name", varchar(255)).notNull());
        }

        @Override
        public void down(Operations op) {
            op.alterColumn("products", column("name", varchar(100)).notNull());
        }
    }

    /** Adds a column, then fails: none of it may remain. */
    static final class Broken implements Migration {
        @Override
        public void up(Operations op) {
            op.addColumn("products", column("half_done", BIGINT));
            op.sql("insert into no_such_table values (1)");
        }

        @Override
        public void down(Operations op) {
        }
    }

    private Migrator migrator(String url, TestIndex index) {
        return Migrator.configure(url).migrations(index).build();
    }

    @Test
    void appliesEveryMigrationFromEmptyAndRecordsHistoryInOrder() throws SQLException {
        String url = Sqlite.url(dir);
        Instant before = Instant.now();
        MigrateResult result = migrator(url, TestIndex.of(new Baseline(), new AddSyncedAt())).migrate();

        assertEquals(0, result.fromVersion());
        assertEquals(2, result.toVersion());
        assertEquals(List.of(1, 2), result.applied().stream().map(MigrationInfo::version).toList());
        assertEquals(List.of("ix_products_customer_id|products", "ix_tests_product_id|tests",
                        "permafrost_history|permafrost_history", "products|products", "tests|tests"),
                Db.rows(url, "select name, tbl_name from sqlite_master where name not like 'sqlite_%' order by name"));
        List<String> history = Db.rows(url,
                "select version, description, checksum, state, statements from permafrost_history order by version");
        assertEquals(List.of("1|migration 1|checksum-1|applied|4", "2|migration 2|checksum-2|applied|1"), history);
        for (String appliedAt : Db.rows(url, "select applied_at from permafrost_history")) {
            assertFalse(Instant.parse(appliedAt).isBefore(before.minusSeconds(1)), appliedAt);
        }
    }

    @Test
    void appliesIncrementallyAndKeepsEveryRow() throws SQLException {
        String url = Sqlite.url(dir);
        migrator(url, TestIndex.of(new Baseline())).migrate();
        Db.execute(url, "insert into products (id, name) values (1, 'lamp'), (2, 'desk')",
                "insert into tests (id, product_id) values (10, 1), (11, 2)");

        MigrateResult result = migrator(url, TestIndex.of(new Baseline(), new AddSyncedAt())).migrate();

        assertEquals(List.of(2), result.applied().stream().map(MigrationInfo::version).toList());
        assertEquals(List.of("1|lamp|null", "2|desk|null"),
                Db.rows(url, "select id, name, features_synced_at from products order by id"));
        assertEquals(List.of("10|1|new", "11|2|new"), Db.rows(url, "select * from tests order by id"));
    }

    @Test
    void anUpToDateDatabaseIsLeftAlone() throws SQLException {
        String url = Sqlite.url(dir);
        TestIndex index = TestIndex.of(new Baseline(), new AddSyncedAt());
        migrator(url, index).migrate();
        List<String> history = Db.rows(url, "select * from permafrost_history");

        MigrateResult again = migrator(url, index).migrate();

        assertEquals(List.of(), again.applied());
        assertEquals(2, again.toVersion());
        assertEquals(history, Db.rows(url, "select * from permafrost_history"));
        assertTrue(migrator(url, index).status().isUpToDate());
    }

    @Test
    void aFailedMigrationLeavesNothingBehind() throws SQLException {
        String url = Sqlite.url(dir);
        migrator(url, TestIndex.of(new Baseline())).migrate();

        PermafrostException e = assertThrows(PermafrostException.class,
                () -> migrator(url, TestIndex.of(new Baseline(), new Broken())).migrate());

        assertEquals(ErrorCode.MIGRATION_FAILED, e.code());
        assertTrue(e.getMessage().startsWith("migration V0002 (migration 2) failed at 'run SQL':\n"
                + "  insert into no_such_table values (1)\n"), e.getMessage());
        assertTrue(e.getMessage().endsWith("It was rolled back: the database is as it was before V0002."), e.getMessage());
        assertEquals(List.of("id", "name", "customer_id"), Db.rows(url, "select name from pragma_table_info('products')"));
        assertEquals(List.of("1"), Db.rows(url, "select version from permafrost_history"));
    }

    @Test
    void aChangedMigrationStopsStartUpNamingBothChecksums() {
        String url = Sqlite.url(dir);
        migrator(url, new TestIndex().add(new Baseline(), "aaa")).migrate();

        PermafrostException e = assertThrows(PermafrostException.class,
                () -> migrator(url, new TestIndex().add(new Baseline(), "bbb")).migrate());

        assertEquals(ErrorCode.CHECKSUM_MISMATCH, e.code());
        assertEquals("migration V0001 (migration 1) changed after it was applied: the database recorded checksum aaa,"
                + " this build's " + Baseline.class.getName() + " has bbb. Applied migrations are frozen: restore the"
                + " class from version control and put the change into a new migration.", e.getMessage());
    }

    @Test
    void aMigrationFromANewerBuildStopsStartUpUnlessAllowed() {
        String url = Sqlite.url(dir);
        migrator(url, TestIndex.of(new Baseline(), new AddSyncedAt())).migrate();

        PermafrostException e = assertThrows(PermafrostException.class,
                () -> migrator(url, TestIndex.of(new Baseline())).migrate());
        assertEquals(ErrorCode.UNKNOWN_MIGRATION, e.code());
        assertTrue(e.getMessage().startsWith("the database has migration V0002 (migration 2), which this application"
                + " does not know"), e.getMessage());

        MigrateResult allowed = Migrator.configure(url).migrations(TestIndex.of(new Baseline()))
                .allowUnknownMigrations(true).build().migrate();
        assertEquals(List.of(), allowed.applied());
    }

    @Test
    void rebuildingAParentKeepsEveryCascadingChildRowWithForeignKeysEnforced() throws SQLException {
        String url = Sqlite.urlWithForeignKeys(dir);
        migrator(url, TestIndex.of(new Baseline())).migrate();
        Db.execute(url, "insert into products (id, name, customer_id) values (1, 'lamp', 7), (2, 'desk', 8)",
                "insert into tests (id, product_id, status) values (10, 1, 'new'), (11, 1, 'done'), (12, 2, 'new')");

        migrator(url, TestIndex.of(new Baseline(), new WidenName())).migrate();

        assertEquals(List.of("10|1|new", "11|1|done", "12|2|new"), Db.rows(url, "select * from tests order by id"));
        assertEquals(List.of("1|lamp|7", "2|desk|8"), Db.rows(url, "select * from products order by id"));
        assertTrue(Db.rows(url, "select sql from sqlite_master where name = 'products'").get(0)
                .contains("name varchar(255) not null"));
        assertEquals(List.of("ix_products_customer_id"),
                Db.rows(url, "select name from sqlite_master where type = 'index' and tbl_name = 'products'"
                        + " and name not like 'sqlite_%'"));
        assertEquals(List.of("1"), Db.rows(url, "pragma foreign_keys"), "enforcement is restored");
        Db.execute(url, "delete from products where id = 1");
        assertEquals(List.of("12|2|new"), Db.rows(url, "select * from tests"), "the foreign key still cascades");
    }

    @Test
    void aRebuildThatFailsLaterInTheMigrationIsRolledBackWhole() throws SQLException {
        String url = Sqlite.urlWithForeignKeys(dir);
        migrator(url, TestIndex.of(new Baseline())).migrate();
        Db.execute(url, "insert into products (id, name) values (1, 'lamp')",
                "insert into tests (id, product_id) values (10, 1)");
        Migration rebuildThenFail = new Migration() {
            @Override
            public void up(Operations op) {
                op.alterColumn("products", column("name", varchar(255)).notNull());
                op.sql("insert into no_such_table values (1)");
            }

            @Override
            public void down(Operations op) {
            }
        };

        assertThrows(PermafrostException.class,
                () -> migrator(url, TestIndex.of(new Baseline(), rebuildThenFail)).migrate());

        assertTrue(Db.rows(url, "select sql from sqlite_master where name = 'products'").get(0)
                .contains("name varchar(100) not null"));
        assertEquals(List.of("10|1|new"), Db.rows(url, "select * from tests"));
        assertEquals(List.of("1|lamp|null"), Db.rows(url, "select * from products"));
        assertEquals(List.of("1"), Db.rows(url, "select version from permafrost_history"));
    }
}
