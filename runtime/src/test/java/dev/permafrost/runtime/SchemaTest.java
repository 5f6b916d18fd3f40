package dev.permafrost.runtime;

import static dev.permafrost.runtime.Ddl.column;
import static dev.permafrost.runtime.Ddl.table;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.permafrost.model.ColumnType;
import dev.permafrost.testing.Db;
import dev.permafrost.testing.TestDatabase;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * {@code Migrator.configure(..).schema(..)}: one schema per tenant on one server (on MariaDB a database), each with
 * its own history; the connection's own schema is put back, so a pooled data source is left as it was.
 */
class SchemaTest {

    @TempDir
    Path dir;

    public static final class Items implements Migration {
        @Override
        public void up(Operations op) {
            op.createTable(table("items").column(column("id", ColumnType.BIGINT).notNull()).primaryKey("pk_items", "id"));
        }

        @Override
        public void down(Operations op) {
            op.dropTable("items");
        }
    }

    @ParameterizedTest
    @EnumSource(value = TestDatabase.class, names = {"POSTGRES", "MARIADB", "H2"})
    void eachTenantSchemaHasItsOwnTablesAndHistoryAndTheConnectionKeepsItsOwn(TestDatabase kind) throws Exception {
        try (TestDatabase.Fresh db = kind.create(dir)) {
            String suffix = String.valueOf(System.nanoTime() % 100000);
            List<String> tenants = kind == TestDatabase.H2 ? List.of("TENANT_A" + suffix, "TENANT_B" + suffix)
                    : List.of("tenant_a" + suffix, "tenant_b" + suffix);
            for (String tenant : tenants) {
                Db.execute(db.url(), (kind == TestDatabase.MARIADB ? "create database " : "create schema ") + tenant);
            }
            try (Connection shared = DriverManager.getConnection(db.url())) {
                String own = current(kind, shared);
                DataSource pool = single(shared);
                for (String tenant : tenants) {
                    MigrateResult result = Migrator.configure(pool).migrations(TestIndex.of(new Items())).schema(tenant)
                            .build().migrate();
                    assertEquals(1, result.toVersion());
                    assertEquals(own, current(kind, shared), "the connection's schema is put back");
                }
                for (String tenant : tenants) {
                    assertTrue(tables(kind, shared, tenant).containsAll(List.of("items", "permafrost_history")),
                            tenant + ": " + tables(kind, shared, tenant));
                    Migrator again = Migrator.configure(pool).migrations(TestIndex.of(new Items())).schema(tenant).build();
                    assertTrue(again.status().isUpToDate());
                    assertTrue(again.validate().valid(), again.validate().toString());
                }
                assertTrue(!tables(kind, shared, own).contains("items"), "the connection's own schema is untouched");

                PermafrostException missing = assertThrows(PermafrostException.class, () -> Migrator.configure(pool)
                        .migrations(TestIndex.of(new Items())).schema("no_such_schema").build().migrate());
                assertEquals("PF628", missing.messageCode(), missing.getMessage());
                assertTrue(missing.getMessage().startsWith("cannot use schema 'no_such_schema' on "), missing.getMessage());
                assertEquals(own, current(kind, shared));
            } finally {
                for (String tenant : tenants) {
                    Db.execute(db.url(), kind == TestDatabase.MARIADB ? "drop database " + tenant
                            : "drop schema " + tenant + " cascade");
                }
            }
        }
    }

    @Test
    void sqliteHasNoSchemas() {
        PermafrostException e = assertThrows(PermafrostException.class, () -> Migrator.configure("jdbc:sqlite:"
                + dir.resolve("one.db")).migrations(TestIndex.of(new Items())).schema("tenant_42").build().migrate());
        assertEquals("PF627", e.messageCode());
        assertEquals("SQLite has no schemas to migrate 'tenant_42' in: give each tenant a database file of its own"
                + " (jdbc:sqlite:tenant_42.db)", e.getMessage());
    }

    private static String current(TestDatabase kind, Connection c) throws Exception {
        return kind == TestDatabase.MARIADB ? c.getCatalog() : c.getSchema();
    }

    private static List<String> tables(TestDatabase kind, Connection c, String schema) throws Exception {
        List<String> tables = new ArrayList<>();
        try (ResultSet rs = kind == TestDatabase.MARIADB ? c.getMetaData().getTables(schema, null, "%", null)
                : c.getMetaData().getTables(null, schema, "%", new String[] {"TABLE"})) {
            while (rs.next()) {
                tables.add(rs.getString("TABLE_NAME").toLowerCase(java.util.Locale.ROOT));
            }
        }
        return tables;
    }

    /** A data source that hands out one connection and never closes it, as a pool of one would. */
    private static DataSource single(Connection connection) {
        Connection kept = (Connection) Proxy.newProxyInstance(SchemaTest.class.getClassLoader(),
                new Class<?>[] {Connection.class}, (proxy, method, args) -> {
                    if (method.getName().equals("close")) {
                        return null;
                    }
                    try {
                        return method.invoke(connection, args);
                    } catch (java.lang.reflect.InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
        return (DataSource) Proxy.newProxyInstance(SchemaTest.class.getClassLoader(), new Class<?>[] {DataSource.class},
                (proxy, method, args) -> method.getName().equals("getConnection") ? kept
                        : method.getName().equals("toString") ? "one connection" : null);
    }
}
