package dev.permafrost.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.permafrost.diff.Differ;
import dev.permafrost.diff.Op;
import dev.permafrost.model.Column;
import dev.permafrost.model.ColumnType;
import dev.permafrost.model.ForeignKey;
import dev.permafrost.model.PrimaryKey;
import dev.permafrost.model.Schema;
import dev.permafrost.model.Table;
import dev.permafrost.model.Unique;
import dev.permafrost.runtime.internal.OpsMigration;
import dev.permafrost.testing.Db;
import dev.permafrost.testing.TestDatabase;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A new table whose foreign key references a unique key added to an existing table in the same migration:
 * {@code up} adds the key first and {@code down} drops the table first, which PostgreSQL insists on ("there
 * is no unique constraint matching given keys", "other objects depend on it") and SQLite does not.
 */
class KeyOrderTest {

    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void aKeyAndTheNewTableReferencingItMigrateUpAndDown(TestDatabase kind) throws Exception {
        Table parents = new Table("parents", List.of(Column.of("id", ColumnType.BIGINT).notNull(),
                Column.of("code", ColumnType.varchar(20))), new PrimaryKey("pk_parents", List.of("id")), List.of(),
                List.of(), List.of(), List.of());
        Schema v1 = new Schema(List.of(parents));
        Table child = new Table("children", List.of(Column.of("id", ColumnType.BIGINT).notNull(),
                Column.of("parent_code", ColumnType.varchar(20))), new PrimaryKey("pk_children", List.of("id")),
                List.of(), List.of(), List.of(new ForeignKey("fk_children_parent_code_parents", List.of("parent_code"),
                        "parents", List.of("code"), ForeignKey.Action.CASCADE, ForeignKey.Action.NO_ACTION)), List.of());
        Schema v2 = new Schema(List.of(parents.withUniques(List.of(new Unique("uq_parents_code", List.of("code")))),
                child));
        List<Op> up = Differ.diff(v1, v2);
        try (TestDatabase.Fresh db = kind.create(dir)) {
            Migrator migrator = Migrator.configure(db.url()).migrations(TestIndex.of(
                    new OpsMigration(Differ.diff(Schema.empty(), v1)), new OpsMigration(up))).build();
            migrator.migrateTo(1);
            Db.execute(db.url(), "insert into parents (id, code) values (1, 'a'), (2, 'b')");

            migrator.migrate();
            Db.execute(db.url(), "insert into children (id, parent_code) values (10, 'b')");
            assertEquals(List.of("10|b"), Db.rows(db.url(), "select id, parent_code from children"));

            migrator.migrateTo(1);
            assertEquals(List.of("parents", "permafrost_history"), Db.tables(db.url()));
            assertEquals(List.of("1|a", "2|b"), Db.rows(db.url(), "select id, code from parents order by id"));

            migrator.migrate();
            assertEquals(2, migrator.status().migrations().stream().filter(m -> m.state() == MigrationState.APPLIED)
                    .count());
        }
    }
}
