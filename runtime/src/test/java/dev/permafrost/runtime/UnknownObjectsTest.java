package dev.permafrost.runtime;

import static dev.permafrost.runtime.Ddl.BIGINT;
import static dev.permafrost.runtime.Ddl.column;
import static dev.permafrost.runtime.Ddl.table;
import static dev.permafrost.runtime.Ddl.varchar;
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
 * A column, index or trigger added to a table by hand survives a migration that changes that table, up
 * and down, on SQLite (where the change rebuilds the table) as on PostgreSQL (where it alters it in place);
 * what cannot be carried over stops the migration with its name and the way out, changing nothing.
 */
class UnknownObjectsTest {

    @TempDir
    Path dir;

    static final class Items implements Migration {
        @Override
        public void up(Operations op) {
            op.createTable(table("items").column(column("id", BIGINT).notNull()).column(column("name", varchar(100)))
                    .primaryKey("pk_items", "id"));
        }

        @Override
        public void down(Operations op) {
            op.dropTable("items");
        }
    }

    /** {@code @Column(length = 200)} on {@code name}: SQLite rebuilds the table. */
    static final class WidenName implements Migration {
        @Override
        public void up(Operations op) {
            op.alterColumn("items", column("name", varchar(200)));
        }

        @Override
        public void down(Operations op) {
            op.alterColumn("items", column("name", varchar(100)));
        }
    }

    /** A change SQLite rebuilds the table for, and in the same rebuild a new column named as the one added by hand. */
    static final class WidenNameAndAddNotes implements Migration {
        @Override
        public void up(Operations op) {
            op.alterColumn("items", column("name", varchar(200)));
            op.addColumn("items", column("notes", varchar(50)).notNull().defaultValue("'n/a'"));
        }

        @Override
        public void down(Operations op) {
            op.dropColumn("items", "notes");
            op.alterColumn("items", column("name", varchar(100)));
        }
    }

    /** A change SQLite rebuilds the table for, dropping in the same rebuild the column an index made by hand uses. */
    static final class DefaultIdAndDropName implements Migration {
        @Override
        public void up(Operations op) {
            op.alterColumn("items", column("id", BIGINT).notNull().defaultValue("0"));
            op.dropColumn("items", "name");
        }

        @Override
        public void down(Operations op) {
            op.addColumn("items", column("name", varchar(100)));
            op.alterColumn("items", column("id", BIGINT).notNull());
        }
    }

    private static void byHand(TestDatabase.Fresh db) throws Exception {
        Db.execute(db.url(), "insert into items (id, name) values (1, 'lamp'), (2, 'desk')",
                "alter table items add column notes text", "update items set notes = 'fragile' where id = 1",
                "create index ix_manual on items (notes)");
    }

    @ParameterizedTest
    @EnumSource(value = TestDatabase.class, names = {"SQLITE", "POSTGRES"})
    void aColumnAndIndexAddedByHandSurviveAChangeToTheirTableUpAndDown(TestDatabase kind) throws Exception {
        try (TestDatabase.Fresh db = kind.create(dir)) {
            Migrator migrator = Migrator.configure(db.url()).migrations(TestIndex.of(new Items(), new WidenName()))
                    .build();
            migrator.migrateTo(1);
            byHand(db);
            if (kind == TestDatabase.SQLITE) {
                Db.execute(db.url(), "create table audit (item_id bigint)",
                        "create trigger tr_items after insert on items begin insert into audit values (new.id); end");
            }

            String plan = migrator.plan().toString();
            migrator.migrate();

            assertEquals(List.of("id", "name", "notes"), Db.columns(db.url(), "items"));
            assertEquals(List.of("1|lamp|fragile", "2|desk|null"),
                    Db.rows(db.url(), "select id, name, notes from items order by id"));
            assertTrue(indexes(db).contains("ix_manual"), indexes(db).toString());
            Validation validation = migrator.validate();
            assertTrue(validation.toString().contains("column items.notes (") && validation.toString().contains(
                    ") is in the database but not in the schema"), validation.toString());
            assertTrue(validation.toString().contains("index ix_manual of items is not in the schema"),
                    validation.toString());
            if (kind == TestDatabase.SQLITE) {
                assertTrue(plan.contains("-- it also keeps what no migration created: column notes, index ix_manual"),
                        plan);
                assertTrue(plan.contains("add column notes text"), plan);
                Db.execute(db.url(), "insert into items (id, name) values (3, 'chair')");
                assertEquals(List.of("3"), Db.rows(db.url(), "select item_id from audit"), "the trigger survived");
            }

            migrator.migrateTo(1);
            assertEquals(List.of("id", "name", "notes"), Db.columns(db.url(), "items"));
            assertEquals("fragile", Db.rows(db.url(), "select notes from items where id = 1").get(0));
            assertTrue(indexes(db).contains("ix_manual"), indexes(db).toString());
        }
    }

    private static List<String> indexes(TestDatabase.Fresh db) throws Exception {
        return db.kind() == TestDatabase.SQLITE
                ? Db.rows(db.url(), "select name from sqlite_master where type = 'index' and tbl_name = 'items'")
                : Db.rows(db.url(), "select indexname from pg_indexes where tablename = 'items'"
                        + " and schemaname = current_schema()");
    }

    @Test
    void aRebuildThatWouldAddAColumnTheTableAlreadyHasByHandIsRefused() throws Exception {
        try (TestDatabase.Fresh db = TestDatabase.SQLITE.create(dir)) {
            Migrator migrator = Migrator.configure(db.url())
                    .migrations(TestIndex.of(new Items(), new WidenNameAndAddNotes())).build();
            migrator.migrateTo(1);
            byHand(db);

            PermafrostException refused = assertThrows(PermafrostException.class, migrator::migrate);

            assertEquals(ErrorCode.MIGRATION_FAILED, refused.code());
            assertEquals("migration V0002 adds column items.notes, but the table already has a column of that name that"
                    + " no migration created (added by hand?). Rename or drop that column by hand, or, if it is the same"
                    + " column, record it in an earlier migration. Nothing was changed.", refused.getMessage());
            assertEquals(List.of("1|lamp|fragile", "2|desk|null"),
                    Db.rows(db.url(), "select id, name, notes from items order by id"));
            assertEquals(List.of("1"), Db.rows(db.url(), "select version from permafrost_history"));
        }
    }

    @Test
    void aRebuildThatWouldDropAColumnAnIndexMadeByHandUsesIsRefused() throws Exception {
        try (TestDatabase.Fresh db = TestDatabase.SQLITE.create(dir)) {
            Migrator migrator = Migrator.configure(db.url())
                    .migrations(TestIndex.of(new Items(), new DefaultIdAndDropName())).build();
            migrator.migrateTo(1);
            Db.execute(db.url(), "insert into items (id, name) values (1, 'lamp')", "create index ix_by_name on items (name)");

            PermafrostException refused = assertThrows(PermafrostException.class, migrator::migrate);

            assertEquals("migration V0002 drops column items.name, which index ix_by_name uses; no migration created"
                    + " that index (made by hand?), so Permafrost will not drop it unasked. Drop the index by hand, or"
                    + " declare it with @Index so that migrations own it. Nothing was changed.", refused.getMessage());
            assertEquals(List.of("id", "name"), Db.columns(db.url(), "items"));
            assertEquals(List.of("1"), Db.rows(db.url(), "select version from permafrost_history"));
        }
    }
}
