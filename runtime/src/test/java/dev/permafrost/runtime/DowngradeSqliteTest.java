package dev.permafrost.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.permafrost.testing.Db;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DowngradeSqliteTest {

    @TempDir
    Path dir;

    private final TestIndex index = TestIndex.of(new MigratorSqliteTest.Baseline(), new MigratorSqliteTest.AddSyncedAt(),
            new MigratorSqliteTest.WidenName());

    private Migrator migrator(String url) {
        return Migrator.configure(url).migrations(index).build();
    }

    @Test
    void downRunsNewestFirstRemovesHistoryRowsAndKeepsRowsInKeptColumns() throws SQLException {
        String url = Sqlite.urlWithForeignKeys(dir);
        migrator(url).migrate();
        Db.execute(url, "insert into products (id, name, features_synced_at) values (1, 'lamp', '2026-01-01T00:00:00Z')",
                "insert into tests (id, product_id) values (10, 1)");

        MigrateResult down = migrator(url).migrateTo(1);

        assertEquals(3, down.fromVersion());
        assertEquals(1, down.toVersion());
        assertEquals(List.of(3, 2), down.reverted().stream().map(MigrationInfo::version).toList());
        assertEquals(List.of("1"), Db.rows(url, "select version from permafrost_history"));
        assertEquals(List.of("id", "name", "customer_id"), Db.rows(url, "select name from pragma_table_info('products')"));
        assertEquals(List.of("1|lamp|null"), Db.rows(url, "select * from products"));
        assertEquals(List.of("10|1|new"), Db.rows(url, "select * from tests"), "cascading children survive the rebuild");
        assertEquals(List.of("CREATE TABLE \"products\" (id int8 not null, name varchar(100) not null, customer_id int8 null,"
                + " constraint pk_products primary key (id))"), Db.rows(url, "select sql from sqlite_master where name = 'products'"));

        MigrateResult up = migrator(url).migrateTo(3);
        assertEquals(List.of(2, 3), up.applied().stream().map(MigrationInfo::version).toList());
        assertEquals(List.of("1|lamp|null|null"), Db.rows(url, "select * from products"));
    }

    @Test
    void migrateToZeroRemovesEveryTable() throws SQLException {
        String url = Sqlite.url(dir);
        migrator(url).migrate();

        migrator(url).migrateTo(0);

        assertEquals(List.of("permafrost_history"), Db.rows(url, "select name from sqlite_master where type = 'table'"));
        assertEquals(List.of(), Db.rows(url, "select * from permafrost_history"));
    }

    @Test
    void aVersionThisBuildDoesNotKnowIsRefused() {
        PermafrostException e = assertThrows(PermafrostException.class, () -> migrator(Sqlite.url(dir)).migrateTo(4));
        assertEquals(ErrorCode.INVALID_REQUEST, e.code());
        assertEquals("cannot migrate to V0004: this build knows versions 0 to 3", e.getMessage());
    }

    @Test
    void migratingToTheCurrentVersionDoesNothing() {
        String url = Sqlite.url(dir);
        migrator(url).migrateTo(2);
        MigrateResult again = migrator(url).migrateTo(2);
        assertEquals(List.of(), again.applied());
        assertEquals(List.of(), again.reverted());
        assertEquals(2, again.toVersion());
    }

    @Test
    void downOfAColumnChangeRestoresTheOldDefinition() throws SQLException {
        String url = Sqlite.url(dir);
        migrator(url).migrate();
        assertEquals(List.of("varchar(255)"), Db.rows(url, "select type from pragma_table_info('products') where name = 'name'"));
        migrator(url).migrateTo(2);
        assertEquals(List.of("varchar(100)"), Db.rows(url, "select type from pragma_table_info('products') where name = 'name'"));
    }
}
