package dev.permafrost.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.permafrost.testing.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Driver;
import java.sql.DriverManager;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What a user sees when the connection is the problem: the driver to add, never a password, and no
 * migration of a database that vanishes with its connection.
 */
class ConnectionMessagesTest {

    private static final String SECRET = "S3cretPassw0rd";

    @TempDir
    Path dir;

    private static Migrator migrator(String url) {
        return Migrator.configure(url).migrations(TestIndex.of(new MigratorSqliteTest.Baseline())).build();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "jdbc:postgresql://127.0.0.1:5432/test?user=postgres&password=" + SECRET + "|org.postgresql.Driver|org.postgresql:postgresql"
                + "|jdbc:postgresql://127.0.0.1:5432/test?user=postgres&password=***",
        "jdbc:mariadb://127.0.0.1:3306/test?user=root&password=" + SECRET + "|org.mariadb.jdbc.Driver"
                + "|org.mariadb.jdbc:mariadb-java-client|jdbc:mariadb://127.0.0.1:3306/test?user=root&password=***",
        "jdbc:h2:mem:nodriver;DB_CLOSE_DELAY=-1;PASSWORD=" + SECRET + "|org.h2.Driver|com.h2database:h2"
                + "|jdbc:h2:mem:nodriver;DB_CLOSE_DELAY=-1;PASSWORD=***",
        "jdbc:sqlite:app.db|org.sqlite.JDBC|org.xerial:sqlite-jdbc|jdbc:sqlite:app.db"})
    void aMissingDriverIsNamedWithItsMavenCoordinates(String url, String driverClass, String artifact, String shown)
            throws Exception {
        List<Driver> removed = Collections.list(DriverManager.getDrivers()).stream()
                .filter(d -> d.getClass().getName().equals(driverClass)).toList();
        assertFalse(removed.isEmpty(), driverClass + " is on the test class path");
        for (Driver driver : removed) {
            DriverManager.deregisterDriver(driver);
        }
        try {
            PermafrostException e = assertThrows(PermafrostException.class, () -> migrator(url).status());
            assertEquals(ErrorCode.DATABASE, e.code());
            assertEquals("cannot connect to " + shown + ": no JDBC driver on the class path accepts this URL. Add the"
                    + " driver " + artifact + " to the application's dependencies (runtime scope is enough), or check"
                    + " the URL's spelling.", e.getMessage());
        } finally {
            for (Driver driver : removed) {
                DriverManager.registerDriver(driver);
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "jdbc:postgresql://127.0.0.1:1/test?user=postgres&password=" + SECRET,
        "jdbc:postgresql://127.0.0.1:1/test?password=" + SECRET + "&user=postgres",
        "jdbc:mariadb://127.0.0.1:1/test?user=root&password=" + SECRET,
        "jdbc:mariadb://root:" + SECRET + "@127.0.0.1:1/test",
        "jdbc:mysql://127.0.0.1:1/test?user=root&pwd=" + SECRET})
    void aFailedConnectionNeverPrintsThePassword(String url) {
        PermafrostException e = assertThrows(PermafrostException.class, () -> migrator(url).migrate());
        assertFalse(e.getMessage().contains(SECRET), e.getMessage());
        assertFalse(e.toString().contains(SECRET), e.toString());
        assertTrue(e.getMessage().startsWith("cannot connect to jdbc:"), e.getMessage());
        assertTrue(e.getMessage().contains("***"), e.getMessage());
    }

    @Test
    void resultsStatusAndValidationOfADatabaseWithAPasswordInItsUrlNeverPrintIt() throws Exception {
        String url = "jdbc:h2:mem:secret;DB_CLOSE_DELAY=-1;USER=app;PASSWORD=" + SECRET;
        Migrator migrator = migrator(url);
        try {
            String printed = migrator.migrate() + "\n" + migrator.status() + "\n" + migrator.validate() + "\n"
                    + migrator.plan();
            assertFalse(printed.contains(SECRET), printed);
            assertTrue(printed.contains("H2 jdbc:h2:mem:secret"), printed);
        } finally {
            dev.permafrost.testing.Db.execute(url, "shutdown");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"jdbc:sqlite::memory:", "jdbc:sqlite:", "jdbc:sqlite:file::memory:?cache=shared",
        "jdbc:sqlite:file:app?mode=memory&cache=shared"})
    void anInMemorySqliteUrlIsRefusedBecauseEveryConnectionStartsEmpty(String url) {
        PermafrostException e = assertThrows(PermafrostException.class, () -> Migrator.create(url));
        assertEquals(ErrorCode.INVALID_REQUEST, e.code());
        assertEquals(url + " is an in-memory SQLite database: every connection opens a new, empty one, so the schema"
                + " would be gone as soon as the migrator's connection closes. Use a file (jdbc:sqlite:app.db), or"
                + " pass Migrator.create(DataSource) a data source that keeps one connection open for as long as the"
                + " application uses the database.", e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"?journal_mode=MEMORY", "?synchronous=OFF&journal_mode=memory"})
    void aSqliteFileWhoseParametersMentionMemoryIsAFile(String parameters) throws Exception {
        Path file = dir.resolve("app.db");
        Migrator migrator = migrator("jdbc:sqlite:" + file + parameters);
        assertEquals(1, migrator.migrate().toVersion());
        assertTrue(Files.size(file) > 0, "the migration went into " + file);
    }

    @Test
    void anInMemoryH2UrlIsRefusedUnlessItOutlivesItsConnections() throws Exception {
        PermafrostException e = assertThrows(PermafrostException.class, () -> Migrator.create("jdbc:h2:mem:shop"));
        assertEquals(ErrorCode.INVALID_REQUEST, e.code());
        assertEquals("jdbc:h2:mem:shop is an in-memory H2 database that closes with its last connection, so the schema"
                + " would be gone as soon as the migrator's connection closes. Add ;DB_CLOSE_DELAY=-1 to the URL"
                + " (jdbc:h2:mem:app;DB_CLOSE_DELAY=-1) or pass Migrator.create(DataSource) a data source that keeps a"
                + " connection open.", e.getMessage());

        try (TestDatabase.Fresh db = TestDatabase.H2.create(dir)) {
            Migrator migrator = migrator(db.url());
            assertEquals(1, migrator.migrate().toVersion());
            assertTrue(migrator.status().toString().contains("at V0001, up to date"), migrator.status().toString());
        }
    }
}
