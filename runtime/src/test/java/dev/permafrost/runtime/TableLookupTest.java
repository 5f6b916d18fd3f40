package dev.permafrost.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.permafrost.dialect.Dialect;
import dev.permafrost.dialect.Dialects;
import dev.permafrost.testing.Db;
import dev.permafrost.testing.TestDatabase;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.Set;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Whether the history table, and which of a baseline's tables, exist in the migrator's schema, on every database: a
 * table of the same name in another schema does not count (PostgreSQL answers with one cheap query of its own).
 */
class TableLookupTest {

    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void onlyTheCurrentSchemasTablesCount(TestDatabase kind) throws Exception {
        try (TestDatabase.Fresh other = kind.create(dir); TestDatabase.Fresh db = kind.create(dir)) {
            Db.execute(other.url(), "create table permafrost_history (version int)", "create table products (id int)");
            Db.execute(db.url(), "create table tests (id int)");
            try (Connection connection = db.connect()) {
                Dialect dialect = Dialects.detect(connection);
                assertFalse(dialect.tableExists(connection, "permafrost_history"));
                assertTrue(dialect.tableExists(connection, "tests"));
                assertEquals(Set.of("tests"), dialect.existingTables(connection, Set.of("products", "tests", "orders")));
            }
            try (Connection connection = other.connect()) {
                Dialect dialect = Dialects.detect(connection);
                assertTrue(dialect.tableExists(connection, "permafrost_history"));
                assertEquals(Set.of("products"), dialect.existingTables(connection, Set.of("products", "tests")));
            }
        }
    }
}
