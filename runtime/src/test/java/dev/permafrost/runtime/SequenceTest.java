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
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Columns that take their values from a sequence (JPA's SEQUENCE and AUTO generators) on every database that
 * has sequences: created with the table, continuing above the rows a column already holds when it gains one,
 * renamed in place (its next value kept), dropped with the table, the way back, {@code validate()} clean after
 * each step and seeing a sequence that is missing or extra; SQLite refuses before anything runs.
 */
class SequenceTest {

    @TempDir
    Path dir;

    static final class Baseline implements Migration {
        @Override
        public void up(Operations op) {
            op.createTable(table("owners").column(column("id", ColumnType.BIGINT).notNull().sequence("owners_seq", 1, 50))
                    .column(column("name", ColumnType.varchar(20))).primaryKey("pk_owners", "id"));
            op.createTable(table("notes").column(column("id", ColumnType.BIGINT).notNull())
                    .column(column("body", ColumnType.varchar(20))).primaryKey("pk_notes", "id"));
        }

        @Override
        public void down(Operations op) {
            op.dropTable("notes");
            op.dropTable("owners");
        }
    }

    /** Notes' key gains a sequence; owners' sequence is renamed (the entity was). */
    static final class Number implements Migration {
        @Override
        public void up(Operations op) {
            op.alterColumn("notes", column("id", ColumnType.BIGINT).notNull().sequence("notes_seq", 1, 1));
            op.alterColumn("owners", column("id", ColumnType.BIGINT).notNull().sequence("people_seq", 1, 50));
        }

        @Override
        public void down(Operations op) {
            op.alterColumn("owners", column("id", ColumnType.BIGINT).notNull().sequence("owners_seq", 1, 50));
            op.alterColumn("notes", column("id", ColumnType.BIGINT).notNull());
        }
    }

    static final class DropOwners implements Migration {
        @Override
        public void up(Operations op) {
            op.dropTable("owners");
        }

        @Override
        public void down(Operations op) {
            op.createTable(table("owners").column(column("id", ColumnType.BIGINT).notNull().sequence("people_seq", 1, 50))
                    .column(column("name", ColumnType.varchar(20))).primaryKey("pk_owners", "id"));
        }
    }

    private static String next(TestDatabase kind, String sequence) {
        return kind == TestDatabase.POSTGRES ? "select nextval('" + sequence + "')" : "select next value for " + sequence;
    }

    private static long nextValue(TestDatabase.Fresh db, String sequence) throws Exception {
        return Long.parseLong(Db.rows(db.url(), next(db.kind(), sequence)).get(0));
    }

    private static List<String> sequences(TestDatabase.Fresh db) throws Exception {
        String sql = switch (db.kind()) {
            case POSTGRES -> "select relname from pg_class c join pg_namespace n on n.oid = c.relnamespace"
                    + " where relkind = 'S' and nspname = current_schema() order by relname";
            case MARIADB -> "select lower(table_name) from information_schema.tables where table_schema = database()"
                    + " and table_type = 'SEQUENCE' order by 1";
            default -> "select lower(sequence_name) from information_schema.sequences"
                    + " where sequence_schema = current_schema() order by 1";
        };
        return Db.rows(db.url(), sql);
    }

    @ParameterizedTest
    @EnumSource(value = TestDatabase.class, names = {"POSTGRES", "MARIADB", "H2"})
    void sequencesAreCreatedContinuedRenamedDroppedAndUndone(TestDatabase kind) throws Exception {
        try (TestDatabase.Fresh db = kind.create(dir)) {
            Migrator migrator = Migrator.configure(db.url())
                    .migrations(TestIndex.of(new Baseline(), new Number(), new DropOwners())).build();
            migrator.migrateTo(1);
            assertEquals(List.of(), migrator.validate().problems());
            assertEquals(List.of("owners_seq"), sequences(db));
            assertEquals(1, nextValue(db, "owners_seq"));
            assertEquals(51, nextValue(db, "owners_seq"));
            Db.execute(db.url(), "insert into owners (id, name) values (51, 'Ann')",
                    "insert into notes (id, body) values (1, 'a')", "insert into notes (id, body) values (7, 'b')");

            migrator.migrateTo(2);
            assertEquals(List.of(), migrator.validate().problems());
            assertEquals(List.of("notes_seq", "people_seq"), sequences(db));
            assertEquals(8, nextValue(db, "notes_seq"), "a sequence given to a column with rows continues above them");
            long renamed = nextValue(db, "people_seq");
            if (kind == TestDatabase.MARIADB) {
                // MariaDB gives up the values it had cached (1,000 by default) when the sequence is renamed.
                assertTrue(renamed >= 101, "a renamed sequence goes on above the values it gave: " + renamed);
            } else {
                assertEquals(101, renamed, "a renamed sequence keeps its place");
            }

            migrator.migrate();
            assertEquals(List.of(), migrator.validate().problems());
            assertEquals(List.of("notes_seq"), sequences(db));

            migrator.migrateTo(1);
            assertEquals(List.of(), migrator.validate().problems());
            assertEquals(List.of("owners_seq"), sequences(db));
            migrator.migrateTo(0);
            assertEquals(List.of(), sequences(db));
            assertEquals(List.of(), migrator.validate().problems());
        }
    }

    @ParameterizedTest
    @EnumSource(value = TestDatabase.class, names = {"POSTGRES", "MARIADB", "H2"})
    void validateSeesAMissingAndAnExtraSequence(TestDatabase kind) throws Exception {
        try (TestDatabase.Fresh db = kind.create(dir)) {
            Migrator migrator = Migrator.configure(db.url()).migrations(TestIndex.of(new Baseline())).build();
            migrator.migrate();
            Db.execute(db.url(), "drop sequence owners_seq", "create sequence stray_seq start with 5 increment by 1");
            assertEquals(List.of("sequence stray_seq start with 5 increment by 1 is in the database but no column of the"
                    + " schema takes values from it", "column owners.id is 'bigint not null' in the database but 'bigint"
                    + " not null' taking values from sequence owners_seq start with 1 increment by 50 in the schema"),
                    migrator.validate().problems());
        }
    }

    @Test
    void theSnapshotKeepsASequenceOnItsColumn() {
        dev.permafrost.model.Schema schema = new dev.permafrost.model.Schema(List.of(table("owners")
                .column(column("id", ColumnType.BIGINT).notNull().sequence("owners_seq", 7, 50))
                .column(column("name", ColumnType.varchar(20))).primaryKey("pk_owners", "id").build()));
        String body = dev.permafrost.snapshot.SnapshotWriter.body(schema);
        assertTrue(body.endsWith(");\ncreate sequence owners_seq start with 7 increment by 50 owned by owners.id;\n"), body);
        assertEquals(schema, new dev.permafrost.snapshot.DdlReader("V0001.sql", body, org.jooq.SQLDialect.DEFAULT).schema());
        dev.permafrost.model.Schema reserved = new dev.permafrost.model.Schema(List.of(table("user")
                .column(column("order", ColumnType.BIGINT).notNull().sequence("select", 1, 1)).build()));
        String quoted = dev.permafrost.snapshot.SnapshotWriter.body(reserved);
        assertTrue(quoted.contains("create sequence \"select\" start with 1 increment by 1 owned by \"user\".\"order\";"), quoted);
        assertEquals(reserved, new dev.permafrost.snapshot.DdlReader("V0001.sql", quoted, org.jooq.SQLDialect.DEFAULT).schema());
        var wrong = assertThrows(dev.permafrost.snapshot.SnapshotException.class, () -> new dev.permafrost.snapshot.DdlReader(
                "V0001.sql", body.replace("owned by owners.id", "owned by owners.nope"), org.jooq.SQLDialect.DEFAULT).schema());
        assertTrue(wrong.getMessage().contains("V0001.sql:7: sequence owners_seq is owned by owners.nope, which is not"
                + " created before it"), wrong.getMessage());
    }

    @Test
    void sqliteRefusesASequenceBeforeAnythingRuns() throws Exception {
        try (TestDatabase.Fresh db = TestDatabase.SQLITE.create(dir)) {
            Migrator migrator = Migrator.configure(db.url()).migrations(TestIndex.of(new Baseline())).build();
            PermafrostException e = assertThrows(PermafrostException.class, migrator::migrate);
            assertTrue(e.getMessage().startsWith("migration V0001 cannot create table owners: SQLite has no"
                    + " sequences. Nothing was changed."), e.getMessage());
            assertEquals(List.of(), Db.tables(db.url()).stream().filter(t -> !t.startsWith("permafrost")).toList());
        }
    }
}
