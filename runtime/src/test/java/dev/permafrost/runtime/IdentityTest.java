package dev.permafrost.runtime;

import static dev.permafrost.runtime.Ddl.column;
import static dev.permafrost.runtime.Ddl.table;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.permafrost.model.ColumnType;
import dev.permafrost.testing.Db;
import dev.permafrost.testing.TestDatabase;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Columns the database numbers ({@code @Identity}) on every database: inserts without an id, numbering that
 * continues after the rows a table already has when an existing key becomes an identity, an identity key added
 * to a table with rows numbering them, the way back, and {@code validate()} seeing identity (clean after
 * {@code migrate()}, drift when it is taken away by hand).
 */
class IdentityTest {

    @TempDir
    Path dir;

    static final class Baseline implements Migration {
        @Override
        public void up(Operations op) {
            op.createTable(table("items").column(column("id", ColumnType.BIGINT).asIdentity())
                    .column(column("name", ColumnType.varchar(20)).notNull()).primaryKey("pk_items", "id"));
            op.createTable(table("notes").column(column("id", ColumnType.BIGINT).notNull())
                    .column(column("body", ColumnType.varchar(20))).primaryKey("pk_notes", "id"));
            op.createTable(table("tags").column(column("label", ColumnType.varchar(20)).notNull()));
            op.createTable(table("labels").column(column("id", ColumnType.BIGINT).notNull())
                    .column(column("note", ColumnType.varchar(20))));
        }

        @Override
        public void down(Operations op) {
            op.dropTable("labels");
            op.dropTable("tags");
            op.dropTable("notes");
            op.dropTable("items");
        }
    }

    /** Notes' existing key becomes an identity; tags gain an identity key. */
    static final class Number implements Migration {
        @Override
        public void up(Operations op) {
            op.alterColumn("notes", column("id", ColumnType.BIGINT).asIdentity());
            op.addColumn("tags", column("id", ColumnType.INTEGER).asIdentity());
            op.addPrimaryKey("tags", "pk_tags", "id");
            op.alterColumn("labels", column("id", ColumnType.BIGINT).asIdentity());
            op.addPrimaryKey("labels", "pk_labels", "id");
        }

        @Override
        public void down(Operations op) {
            op.dropPrimaryKey("labels");
            op.alterColumn("labels", column("id", ColumnType.BIGINT).notNull());
            op.dropPrimaryKey("tags");
            op.dropColumn("tags", "id");
            op.alterColumn("notes", column("id", ColumnType.BIGINT).notNull());
        }
    }

    private static Migrator migrator(TestDatabase.Fresh db) {
        return Migrator.configure(db.url()).migrations(TestIndex.of(new Baseline(), new Number())).build();
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void theDatabaseNumbersRowsThatGiveNoId(TestDatabase kind) throws Exception {
        try (TestDatabase.Fresh db = kind.create(dir)) {
            Migrator migrator = migrator(db);
            migrator.migrate();
            Db.execute(db.url(), "insert into items (name) values ('a')");
            Db.execute(db.url(), "insert into items (name) values ('b')");
            assertEquals(List.of("1|a", "2|b"), Db.rows(db.url(), "select id, name from items order by id"));
            assertEquals(List.of(), migrator.validate().problems());
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void numberingContinuesAfterExistingRowsAndExistingRowsAreNumbered(TestDatabase kind) throws Exception {
        try (TestDatabase.Fresh db = kind.create(dir)) {
            Migrator migrator = migrator(db);
            migrator.migrateTo(1);
            Db.execute(db.url(), "insert into notes (id, body) values (5, 'x'), (7, 'y')");
            Db.execute(db.url(), "insert into tags (label) values ('red'), ('blue')");
            Db.execute(db.url(), "insert into labels (id, note) values (3, 'c')");

            migrator.migrate();

            Db.execute(db.url(), "insert into labels (note) values ('d')");
            assertEquals(List.of("3|c", "4|d"), Db.rows(db.url(), "select id, note from labels order by id"));

            Db.execute(db.url(), "insert into notes (body) values ('z')");
            assertEquals(List.of("5|x", "7|y", "8|z"), Db.rows(db.url(), "select id, body from notes order by id"));
            List<String> tags = Db.rows(db.url(), "select id, label from tags order by label");
            assertEquals(2, tags.size(), tags.toString());
            assertTrue(tags.get(0).endsWith("|blue") && tags.get(1).endsWith("|red"), tags.toString());
            assertTrue(!tags.get(0).startsWith("|") && !tags.get(0).split("\\|")[0].equals(tags.get(1).split("\\|")[0]),
                    "each existing row gets its own number: " + tags);
            Db.execute(db.url(), "insert into tags (label) values ('green')");
            assertEquals(3, Db.rows(db.url(), "select distinct id from tags").size());
            assertEquals(List.of(), migrator.validate().problems());

            migrator.migrateTo(1);

            assertEquals(List.of("5|x", "7|y", "8|z"), Db.rows(db.url(), "select id, body from notes order by id"));
            assertEquals(List.of("blue", "green", "red"), Db.rows(db.url(), "select label from tags order by label"));
            assertThrows(SQLException.class, () -> Db.execute(db.url(), "insert into notes (body) values ('w')"));
            assertEquals(List.of(), migrator.validate().problems());
        }
    }

    @ParameterizedTest
    @EnumSource(value = TestDatabase.class, names = "SQLITE", mode = EnumSource.Mode.EXCLUDE)
    void identityTakenAwayByHandIsDrift(TestDatabase kind) throws Exception {
        try (TestDatabase.Fresh db = kind.create(dir)) {
            Migrator migrator = migrator(db);
            migrator.migrate();
            Db.execute(db.url(), kind == TestDatabase.MARIADB ? "alter table items modify id bigint not null"
                    : "alter table items alter column id drop identity");
            List<String> problems = migrator.validate().problems();
            assertEquals(1, problems.size(), problems.toString());
            assertTrue(problems.get(0).contains("generated by default as identity"), problems.get(0));
        }
    }
}
