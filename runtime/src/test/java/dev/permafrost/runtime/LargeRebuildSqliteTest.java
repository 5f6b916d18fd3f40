package dev.permafrost.runtime;

import static dev.permafrost.runtime.Ddl.BIGINT;
import static dev.permafrost.runtime.Ddl.CASCADE;
import static dev.permafrost.runtime.Ddl.column;
import static dev.permafrost.runtime.Ddl.foreignKey;
import static dev.permafrost.runtime.Ddl.table;
import static dev.permafrost.runtime.Ddl.varchar;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.permafrost.testing.Db;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A rebuild of a 100,000-row parent referenced by 100,000 cascading children keeps every row of both. */
class LargeRebuildSqliteTest {

    static final int ROWS = 100_000;

    @TempDir
    Path dir;

    static final class Tables implements Migration {
        @Override
        public void up(Operations op) {
            op.createTable(table("parents")
                    .column(column("id", BIGINT).notNull())
                    .column(column("label", varchar(20)).notNull())
                    .primaryKey("pk_parents", "id")
                    .index("ix_parents_label", "label"));
            op.createTable(table("children")
                    .column(column("id", BIGINT).notNull())
                    .column(column("parent_id", BIGINT).notNull())
                    .primaryKey("pk_children", "id")
                    .index("ix_children_parent_id", "parent_id")
                    .foreignKey(foreignKey("fk_children_parent_id_parents", "parent_id")
                            .references("parents", "id").onDelete(CASCADE)));
        }

        @Override
        public void down(Operations op) {
            op.dropTable("children");
            op.dropTable("parents");
        }
    }

    static final class WidenLabel implements Migration {
        @Override
        public void up(Operations op) {
            op.alterColumn("parents", column("label", varchar(200)).notNull());
        }

        @Override
        public void down(Operations op) {
            op.alterColumn("parents", column("label", varchar(20)).notNull());
        }
    }

    @Test
    void everyParentAndChildRowSurvivesTheParentsRebuild() throws Exception {
        String url = Sqlite.urlWithForeignKeys(dir);
        TestIndex index = TestIndex.of(new Tables(), new WidenLabel());
        Migrator.configure(url).migrations(index).build().migrateTo(1);
        try (Connection c = DriverManager.getConnection(url)) {
            c.setAutoCommit(false);
            try (PreparedStatement parent = c.prepareStatement("insert into parents values (?, ?)");
                 PreparedStatement child = c.prepareStatement("insert into children values (?, ?)")) {
                for (int i = 1; i <= ROWS; i++) {
                    parent.setLong(1, i);
                    parent.setString(2, "p" + i);
                    parent.addBatch();
                    child.setLong(1, i);
                    child.setLong(2, ROWS + 1 - i);
                    child.addBatch();
                }
                parent.executeBatch();
                child.executeBatch();
            }
            c.commit();
        }
        List<String> before = Db.rows(url, "select count(*), sum(id), sum(length(label)) from parents");

        MigrateResult result = Migrator.configure(url).migrations(index).build().migrate();

        assertEquals(List.of(2), result.applied().stream().map(MigrationInfo::version).toList());
        assertEquals(before, Db.rows(url, "select count(*), sum(id), sum(length(label)) from parents"));
        assertEquals(List.of(ROWS + "|" + (long) ROWS * (ROWS + 1) / 2),
                Db.rows(url, "select count(*), sum(parent_id) from children"));
        assertEquals(List.of("ix_parents_label"), Db.rows(url,
                "select name from sqlite_master where type = 'index' and tbl_name = 'parents' and sql is not null"));
        assertEquals(List.of(), Db.rows(url, "pragma foreign_key_check"));
        Db.execute(url, "delete from parents where id = 1");
        assertEquals(List.of(String.valueOf(ROWS - 1)), Db.rows(url, "select count(*) from children"),
                "the cascade still works after the rebuild");
    }
}
