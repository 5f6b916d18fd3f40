package dev.permafrost.testkit;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.permafrost.testing.TestDatabase;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opentest4j.AssertionFailedError;

/**
 * {@link MigrationChecks#serverUrls()}: the database checks run again on each declared server, so that a
 * migration that works on SQLite but fails on PostgreSQL fails the checks, naming the server.
 */
class ServerUrlsTest {

    @TempDir
    Path work;

    private static final String POSTGRES = "jdbc:postgresql://127.0.0.1:5432/test?user=postgres";

    @Test
    void aMigrationOnlySqliteAcceptsFailsOnTheDeclaredServer() throws Exception {
        TestDatabase.POSTGRES.create(work).close();
        SampleProject project = SampleProject.threeVersions(work.resolve("project"));
        // SQLite stores 'x' in an integer column; PostgreSQL refuses it.
        project.editStub(2, """
                    public void up(Operations op) {
                """, """
                    public void up(Operations op) {
                        op.sql("insert into customers (id, name, visits) values (1, 'a', 'x')");
                """);
        project.compile();
        MigrationChecks sqliteOnly = project.checks();
        assertDoesNotThrow(sqliteOnly::upgradeFromEmpty);

        MigrationChecks withServer = new ProjectChecks() {
            @Override
            public MigrationChecks project() {
                return sqliteOnly;
            }

            @Override
            public List<String> serverUrls() {
                return List.of(POSTGRES);
            }
        };
        AssertionFailedError error = assertThrows(AssertionFailedError.class, withServer::upgradeFromEmpty);
        assertTrue(error.getMessage().startsWith("on PostgreSQL: "), error.getMessage());
        assertTrue(error.getMessage().contains("invalid input syntax for type integer"), error.getMessage());
    }

    @Test
    void serversComeFromTheEnvironmentOrSystemProperties() {
        assertEquals(List.of("jdbc:postgresql://db/x", "jdbc:h2:mem:"), Servers.fromSettings(Map.of(
                "PERMAFROST_TEST_POSTGRESQL_URL", "jdbc:postgresql://db/x", "PERMAFROST_TEST_H2_URL", " jdbc:h2:mem: ")));
        System.setProperty("permafrost.test.mariadb.url", "jdbc:mariadb://db/y");
        try {
            assertEquals(List.of("jdbc:mariadb://db/y"), Servers.fromSettings(Map.of()));
        } finally {
            System.clearProperty("permafrost.test.mariadb.url");
        }
    }
}
