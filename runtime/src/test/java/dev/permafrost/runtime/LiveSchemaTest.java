package dev.permafrost.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.permafrost.diff.Differ;
import dev.permafrost.diff.Op;
import dev.permafrost.model.Fixtures;
import dev.permafrost.model.Schema;
import dev.permafrost.render.Alignment;
import dev.permafrost.render.SqlRenderer;
import dev.permafrost.runtime.internal.Database;
import dev.permafrost.runtime.internal.LiveSchema;
import dev.permafrost.runtime.internal.OpsMigration;
import dev.permafrost.testing.Db;
import dev.permafrost.testing.TestDatabase;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** On every database, the live schema reads back as exactly the expected one, and real differences show. */
class LiveSchemaTest {

    @TempDir
    Path dir;

    private static Schema aligned(TestDatabase.Fresh db, Schema expected) throws Exception {
        try (Connection connection = db.connect()) {
            Database database = Database.detect(connection);
            LiveSchema.Reading reading = LiveSchema.read(connection, database, Set.of());
            assertEquals(List.of(), reading.problems());
            return Alignment.align(reading.schema(), expected, new SqlRenderer(database.dialect(connection)));
        }
    }

    private static void create(TestDatabase.Fresh db, Schema schema) {
        Migrator.configure(db.url()).migrations(TestIndex.of(new OpsMigration(Differ.diff(Schema.empty(), schema))))
                .build().migrate();
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void everyTypeKeyIndexCheckAndActionReadsBackWithoutFalseDifferences(TestDatabase kind) throws Exception {
        try (TestDatabase.Fresh db = kind.create(dir)) {
            create(db, Fixtures.portableShop());
            Schema aligned = aligned(db, Fixtures.portableShop());
            assertEquals(List.of(), Differ.diff(aligned, Fixtures.portableShop()).stream().map(Op::describe).toList());
            assertEquals(Fixtures.portableShop(), aligned);
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void realDifferencesShow(TestDatabase kind) throws Exception {
        try (TestDatabase.Fresh db = kind.create(dir)) {
            create(db, Fixtures.portableShop());
            Db.execute(db.url(), "alter table products add surprise varchar(10)",
                    kind == TestDatabase.MARIADB ? "drop index ix_products_customer_id on products" : "drop index ix_products_customer_id");
            assertEquals(List.of("drop column surprise from products", "create index ix_products_customer_id on products"),
                    Differ.diff(aligned(db, Fixtures.portableShop()), Fixtures.portableShop()).stream().map(Op::describe).toList());
        }
    }
}
