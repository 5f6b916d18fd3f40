package dev.permafrost.runtime;

import static dev.permafrost.runtime.Ddl.column;
import static dev.permafrost.runtime.Ddl.table;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.permafrost.dialect.Dialects;
import dev.permafrost.dialect.SqlRenderer;
import dev.permafrost.model.ColumnType;
import dev.permafrost.model.Table;
import dev.permafrost.runtime.internal.TypedRows;
import dev.permafrost.sql.Expressions;
import dev.permafrost.testing.TestDatabase;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.List;
import java.util.Map;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** JSON columns on every database: created, written and read back as documents, validated clean. */
class JsonColumnTest {

    @TempDir
    Path dir;

    static final Table DOCS = table("docs").column(column("id", ColumnType.BIGINT).notNull())
            .column(column("body", ColumnType.JSON)).column(column("meta", ColumnType.JSON).notNull().defaultValue("'{}'"))
            .primaryKey("pk_docs", "id").build();

    static final class Docs implements Migration {
        @Override
        public void up(Operations op) {
            op.createTable(table("docs").column(column("id", ColumnType.BIGINT).notNull())
                    .column(column("body", ColumnType.JSON))
                    .column(column("meta", ColumnType.JSON).notNull().defaultValue("'{}'"))
                    .primaryKey("pk_docs", "id"));
        }

        @Override
        public void down(Operations op) {
            op.dropTable("docs");
        }
    }

    static final class Notes implements Migration {
        @Override
        public void up(Operations op) {
            op.createTable(table("notes").column(column("id", ColumnType.BIGINT).notNull())
                    .column(column("doc", ColumnType.TEXT)).primaryKey("pk_notes", "id"));
        }

        @Override
        public void down(Operations op) {
            op.dropTable("notes");
        }
    }

    static final class NotesAsJson implements Migration {
        @Override
        public void up(Operations op) {
            op.alterColumn("notes", column("doc", ColumnType.JSON));
        }

        @Override
        public void down(Operations op) {
            op.alterColumn("notes", column("doc", ColumnType.TEXT));
        }
    }

    /** Text holding documents becomes JSON holding the same documents, not JSON strings of their text, and back. */
    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void textBecomesJsonDocumentsAndBack(TestDatabase kind) throws Exception {
        try (TestDatabase.Fresh db = kind.create(dir)) {
            Migrator migrator = Migrator.configure(db.url()).migrations(TestIndex.of(new Notes(), new NotesAsJson())).build();
            migrator.migrateTo(1);
            dev.permafrost.testing.Db.execute(db.url(), "insert into notes (id, doc) values (1, '{\"k\": [1, 2]}')");
            migrator.migrate();
            assertEquals(List.of(), migrator.validate().problems());
            String doc = dev.permafrost.testing.Db.rows(db.url(), "select doc from notes").get(0).replace(" ", "");
            assertEquals("{\"k\":[1,2]}", doc);
            migrator.migrateTo(1);
            assertEquals("{\"k\":[1,2]}", dev.permafrost.testing.Db.rows(db.url(), "select doc from notes").get(0)
                    .replace(" ", ""));
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void documentsGoInAndComeBackAndTheSchemaValidates(TestDatabase kind) throws Exception {
        try (TestDatabase.Fresh db = kind.create(dir)) {
            Migrator migrator = Migrator.configure(db.url()).migrations(TestIndex.of(new Docs())).build();
            migrator.migrate();
            assertEquals(List.of(), migrator.validate().problems());
            try (Connection connection = db.connect()) {
                SqlRenderer renderer = new SqlRenderer(Dialects.detect(connection));
                var ctx = DSL.using(connection, renderer.jooqDialect(), Expressions.settings());
                TypedRows.insert(ctx, renderer, DOCS, Map.of("id", 1L, "body", "{\"tags\": [\"a\", \"b\"], \"n\": 2}"));
                List<Map<String, String>> rows = TypedRows.read(ctx, renderer, DOCS);
                assertEquals(1, rows.size());
                String body = rows.get(0).get("body").replace(" ", "");
                assertEquals("{\"n\":2,\"tags\":[\"a\",\"b\"]}".length(), body.length(), body);
                assertTrue(body.contains("\"tags\":[\"a\",\"b\"]") && body.contains("\"n\":2"), body);
                assertEquals("{}", rows.get(0).get("meta").replace(" ", ""));
            }
        }
    }
}
