package dev.permafrost.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dev.permafrost.dialect.LiveReading;
import dev.permafrost.dialect.SqlRenderer;
import dev.permafrost.dialect.sqlite.SqliteDialect;
import dev.permafrost.diff.Differ;
import dev.permafrost.diff.Op;
import dev.permafrost.model.Fixtures;
import dev.permafrost.model.Schema;
import dev.permafrost.runtime.internal.Alignment;
import dev.permafrost.runtime.internal.LiveSchema;
import dev.permafrost.runtime.internal.OpsMigration;
import dev.permafrost.testing.Db;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.List;
import java.util.Set;
import org.jooq.SQLDialect;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading a live SQLite schema back gives exactly the expected model: every type, key, index, check and action. */
class LiveSchemaSqliteTest {

    @TempDir
    Path dir;

    /** A migration that creates {@code schema} through the ordinary planner and executor. */
    static Migration creating(Schema schema) {
        return new OpsMigration(Differ.diff(Schema.empty(), schema));
    }

    @Test
    void everyMappedTypeAndConstraintReadsBackWithoutFalseDifferences() throws Exception {
        String url = Sqlite.url(dir);
        Migrator.configure(url).migrations(TestIndex.of(creating(Fixtures.shop()))).build().migrate();

        try (Connection connection = DriverManager.getConnection(url)) {
            Schema live = LiveSchema.read(connection, SqliteDialect.INSTANCE, Set.of()).schema();
            Schema aligned = Alignment.align(live, Fixtures.shop(), new SqlRenderer(SQLDialect.SQLITE));
            assertEquals(Fixtures.shop(), aligned);
            assertEquals(List.of(), Differ.diff(aligned, Fixtures.shop()));
        }
    }

    @Test
    void realDifferencesRemain() throws Exception {
        String url = Sqlite.url(dir);
        Migrator.configure(url).migrations(TestIndex.of(creating(Fixtures.shop()))).build().migrate();
        Db.execute(url, "alter table products add column surprise varchar(10)", "drop index ix_products_customer_id");

        try (Connection connection = DriverManager.getConnection(url)) {
            Schema aligned = Alignment.align(LiveSchema.read(connection, SqliteDialect.INSTANCE, Set.of()).schema(), Fixtures.shop(),
                    new SqlRenderer(SQLDialect.SQLITE));
            assertNotEquals(Fixtures.shop(), aligned);
            assertEquals(List.of("drop column surprise from products", "create index ix_products_customer_id on products"),
                    Differ.diff(aligned, Fixtures.shop()).stream().map(Op::describe).toList());
        }
    }

    @Test
    void aForeignTableTheModelCannotHoldIsReportedWithoutHidingTheOthers() throws Exception {
        String url = Sqlite.url(dir);
        Migrator migrator = Migrator.configure(url).migrations(TestIndex.of(creating(Fixtures.shop()))).build();
        migrator.migrate();
        Db.execute(url, "create table qrtz_locks (lock_name varchar(40) primary key)");

        try (Connection connection = DriverManager.getConnection(url)) {
            LiveReading reading = LiveSchema.read(connection, SqliteDialect.INSTANCE, Set.of());
            assertEquals(List.of("table qrtz_locks cannot be read: primary key name '' is not a portable identifier"
                    + " ([a-z_][a-z0-9_]*, at most 63 characters) (if Permafrost does not own it, ignore it with"
                    + " ignoreTables(\"qrtz_locks\"))"), reading.problems());
            assertEquals(Fixtures.shop(), Alignment.align(reading.schema(), Fixtures.shop(), new SqlRenderer(SQLDialect.SQLITE)));
        }
        assertEquals(List.of("table qrtz_locks cannot be read"), migrator.validate().problems().stream()
                .map(p -> p.substring(0, p.indexOf(':'))).toList());
        assertEquals(List.of(), Migrator.configure(url).migrations(TestIndex.of(creating(Fixtures.shop())))
                .ignoreTables("qrtz_locks").build().validate().problems());
    }
}
