package dev.permafrost.runtime;

import static dev.permafrost.runtime.Ddl.column;
import static dev.permafrost.runtime.Ddl.table;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.permafrost.dialect.Dialects;
import dev.permafrost.model.ColumnType;
import dev.permafrost.testing.Db;
import dev.permafrost.testing.TestDatabase;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A column added and then altered in the same migration: existing rows take what {@code ALTER TABLE ADD COLUMN}
 * gives them, then the fill. On SQLite both fold into one rebuild, whose copy once left the new column empty
 * ("NOT NULL constraint failed: permafrost_rebuild_items.weight") and gave rows the final default, not the added one.
 * (The rebuild starts with the first check.) The down of dropping a NOT NULL column without a default is exactly this pair.
 */
class AddedColumnFillTest {

    @TempDir
    Path dir;

    static final class Items implements Migration {
        @Override
        public void up(Operations op) {
            op.createTable(table("items").column(column("id", ColumnType.BIGINT).notNull()).primaryKey("pk_items", "id"));
        }

        @Override
        public void down(Operations op) {
            op.dropTable("items");
        }
    }

    static final class AddThenRequire implements Migration {
        @Override
        public void up(Operations op) {
            op.addCheck("items", "ck_items_id", "id > 0");
            op.addColumn("items", column("weight", ColumnType.DOUBLE));
            op.alterColumn("items", column("weight", ColumnType.DOUBLE).notNull(), "1.5");
            op.addColumn("items", column("grade", ColumnType.INTEGER).notNull().defaultValue("3"));
            op.alterColumn("items", column("grade", ColumnType.INTEGER).notNull().defaultValue("4"));
            op.addCheck("items", "ck_items_grade", "grade > 0");
        }

        @Override
        public void down(Operations op) {
            op.dropCheck("items", "ck_items_grade");
            op.dropColumn("items", "grade");
            op.dropColumn("items", "weight");
            op.dropCheck("items", "ck_items_id");
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void rowsTakeTheAddedDefaultThenTheFill(TestDatabase kind) throws Exception {
        try (TestDatabase.Fresh db = kind.create(dir)) {
            Migrator migrator = Migrator.configure(db.url()).migrations(TestIndex.of(new Items(), new AddThenRequire()))
                    .build();
            migrator.migrateTo(1);
            Db.execute(db.url(), "insert into items (id) values (1), (2)");

            migrator.migrate();

            assertEquals(List.of("1|1.5|3", "2|1.5|3"), Db.rows(db.url(), "select id, weight, grade from items order by id"));
            Db.execute(db.url(), "insert into items (id, weight) values (3, 2.5)");
            assertEquals(List.of("3|4"), Db.rows(db.url(), "select id, grade from items where id = 3"));
        }
    }

    static final class Stamped implements Migration {
        @Override
        public void up(Operations op) {
            op.addColumn("items", column("seen_at", ColumnType.TIMESTAMP_TZ));
        }

        @Override
        public void down(Operations op) {
            op.dropColumn("items", "seen_at");
        }
    }

    static final class RequireStamp implements Migration {
        @Override
        public void up(Operations op) {
            op.alterColumn("items", column("seen_at", ColumnType.TIMESTAMP_TZ).notNull(),
                    "timestamp with time zone '2026-03-01 10:30:00+02:00'");
        }

        @Override
        public void down(Operations op) {
            op.alterColumn("items", column("seen_at", ColumnType.TIMESTAMP_TZ));
        }
    }

    /** MariaDB has no zoned literal: the fill became the wall-clock time, two hours off, until it was written in UTC. */
    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void aZonedFillIsTheSameInstantOnEveryDatabase(TestDatabase kind) throws Exception {
        try (TestDatabase.Fresh db = kind.create(dir)) {
            Migrator migrator = Migrator.configure(db.url())
                    .migrations(TestIndex.of(new Items(), new Stamped(), new RequireStamp())).build();
            migrator.migrateTo(2);
            Db.execute(db.url(), "insert into items (id) values (1)");

            migrator.migrate();

            try (java.sql.Connection connection = db.connect()) {
                var renderer = new dev.permafrost.dialect.SqlRenderer(
                        dev.permafrost.dialect.Dialects.detect(connection));
                var ctx = org.jooq.impl.DSL.using(connection, renderer.jooqDialect(), dev.permafrost.sql.Expressions.settings());
                var table = table("items").column(column("id", ColumnType.BIGINT).notNull())
                        .column(column("seen_at", ColumnType.TIMESTAMP_TZ).notNull()).build();
                assertEquals(List.of(java.util.Map.of("id", "1", "seen_at", "2026-03-01T08:30:00Z")),
                        dev.permafrost.runtime.internal.TypedRows.read(ctx, renderer, table));
            }
        }
    }
}
