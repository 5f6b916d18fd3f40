package dev.permafrost.runtime;

import static dev.permafrost.runtime.Ddl.column;
import static dev.permafrost.runtime.Ddl.table;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.permafrost.model.ColumnType;
import dev.permafrost.testing.Db;
import dev.permafrost.testing.TestDatabase;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * On MariaDB, an index added to a table with rows asks InnoDB to build it in place without a lock, and a column is
 * added instantly; where InnoDB cannot do that for the table (here a full-text index rules out an instant column),
 * the plain statement runs instead and the migration still succeeds.
 */
class LockSafeMariaDbTest {

    @TempDir
    Path dir;

    public static final class Tables implements Migration {
        @Override
        public void up(Operations op) {
            op.createTable(table("notes").column(column("id", ColumnType.BIGINT).notNull())
                    .column(column("body", Ddl.varchar(200))).primaryKey("pk_notes", "id"));
            op.createTable(table("docs").column(column("id", ColumnType.BIGINT).notNull())
                    .column(column("body", Ddl.varchar(200))).primaryKey("pk_docs", "id"));
            op.sql("create fulltext index ft_docs_body on docs (body)");
        }

        @Override
        public void down(Operations op) {
            op.dropTable("docs");
            op.dropTable("notes");
        }
    }

    public static final class Changes implements Migration {
        @Override
        public void up(Operations op) {
            op.createIndex("notes", "ix_notes_body", "body");
            op.addColumn("notes", column("flag", ColumnType.INTEGER).notNull().defaultValue("0"));
            op.addColumn("docs", column("flag", ColumnType.INTEGER).notNull().defaultValue("0"));
        }

        @Override
        public void down(Operations op) {
            op.dropColumn("docs", "flag");
            op.dropColumn("notes", "flag");
            op.dropIndex("notes", "ix_notes_body");
        }
    }

    private final List<String> warnings = new java.util.concurrent.CopyOnWriteArrayList<>();

    private Migrator migrator(String url) {
        return Migrator.configure(url).migrations(TestIndex.of(new Tables(), new Changes())).logger(new Recording())
                .build();
    }

    /** Keeps the warnings the migrator logs. */
    private final class Recording implements System.Logger {
        @Override
        public String getName() {
            return "test";
        }

        @Override
        public boolean isLoggable(Level level) {
            return true;
        }

        @Override
        public void log(Level level, java.util.ResourceBundle bundle, String msg, Throwable thrown) {
            if (level == Level.WARNING) {
                warnings.add(msg);
            }
        }

        @Override
        public void log(Level level, java.util.ResourceBundle bundle, String format, Object... params) {
            if (level == Level.WARNING) {
                warnings.add(java.text.MessageFormat.format(format, params));
            }
        }
    }

    @Test
    void indexesAndColumnsAreAddedWithoutBlockingWritersOrTheirPlainFormWhereInnoDbCannot() throws Exception {
        try (TestDatabase.Fresh db = TestDatabase.MARIADB.create(dir)) {
            migrator(db.url()).migrateTo(1);
            Db.execute(db.url(), "insert into notes values (1, 'a'), (2, 'b')", "insert into docs values (1, 'c')");
            List<String> plan = migrator(db.url()).plan().steps().get(0).statements();
            assertEquals(List.of(
                    "-- create index ix_notes_body on notes without blocking writers: outside the migration's"
                            + " transaction, each on its own",
                    "create index ix_notes_body on notes(body) algorithm = inplace lock = none",
                    "-- add column flag to notes without blocking writers: outside the migration's transaction, each on its own",
                    "alter table notes add flag int not null default 0, algorithm = instant",
                    "-- add column flag to docs without blocking writers: outside the migration's transaction, each on its own",
                    "alter table docs add flag int not null default 0, algorithm = instant"), plan);
            assertEquals(2, migrator(db.url()).migrate().toVersion());
            assertEquals(List.of("0", "0"), Db.rows(db.url(), "select flag from notes order by id"));
            assertEquals(List.of("0"), Db.rows(db.url(), "select flag from docs"));
            assertEquals(1, warnings.size(), warnings.toString());
            assertTrue(warnings.get(0).startsWith("V0002: MariaDB cannot add column flag to docs without blocking writers"),
                    warnings.get(0));
            assertTrue(warnings.get(0).endsWith("it runs the plain statement instead, which blocks them while it runs"), warnings.get(0));
            migrator(db.url()).migrateTo(1);
            assertEquals(2, migrator(db.url()).migrate().toVersion());
        }
    }
}
