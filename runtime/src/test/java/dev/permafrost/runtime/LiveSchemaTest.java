package dev.permafrost.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.permafrost.dialect.Dialect;
import dev.permafrost.dialect.Dialects;
import dev.permafrost.dialect.LiveReading;
import dev.permafrost.dialect.SqlRenderer;
import dev.permafrost.diff.Differ;
import dev.permafrost.diff.Op;
import dev.permafrost.model.Fixtures;
import dev.permafrost.model.Schema;
import dev.permafrost.runtime.internal.Alignment;
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
            Dialect database = Dialects.detect(connection);
            LiveReading reading = LiveSchema.read(connection, database, Set.of());
            assertEquals(List.of(), reading.problems());
            return Alignment.align(reading.schema(), expected, new SqlRenderer(database));
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

    /**
     * Columns under a primary key, a unique key and a composite foreign key renamed and renamed back: H2 keeps the
     * old names in information_schema.key_column_usage, so keys read as over columns the table no longer has.
     */
    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void keysReadBackAfterTheirColumnsAreRenamedAndRenamedBack(TestDatabase kind) throws Exception {
        try (TestDatabase.Fresh db = kind.create(dir)) {
            Db.execute(db.url(), "create table p (id bigint not null, a integer not null, b integer not null,"
                    + " constraint pk_p primary key (id), constraint uq_p_a_b unique (a, b))",
                    "create table ch (id bigint not null, x integer, y integer,"
                    + " constraint fk_ch_y_x_p foreign key (y, x) references p (a, b))");
            rename(db, "a", "a2", "x", "x2", "id", "id2");
            assertKeys(db, "id2", List.of("a2", "b"), List.of("y", "x2"));
            rename(db, "a2", "a", "x2", "x", "id2", "id");
            assertKeys(db, "id", List.of("a", "b"), List.of("y", "x"));
        }
    }

    private static void rename(TestDatabase.Fresh db, String... names) throws Exception {
        Db.execute(db.url(), "alter table p rename column " + names[0] + " to " + names[1],
                "alter table ch rename column " + names[2] + " to " + names[3],
                "alter table p rename column " + names[4] + " to " + names[5]);
    }

    private static void assertKeys(TestDatabase.Fresh db, String id, List<String> unique, List<String> referencing)
            throws Exception {
        try (Connection connection = db.connect()) {
            LiveReading reading = LiveSchema.read(connection, Dialects.detect(connection), Set.of());
            assertEquals(List.of(), reading.problems());
            var p = reading.schema().table("p").orElseThrow();
            var ch = reading.schema().table("ch").orElseThrow();
            assertEquals(List.of(id), p.primaryKey().columns());
            assertEquals(unique, p.uniques().get(0).columns());
            assertEquals(referencing, ch.foreignKeys().get(0).columns());
            assertEquals(unique, ch.foreignKeys().get(0).referencedColumns());
        }
    }
}
