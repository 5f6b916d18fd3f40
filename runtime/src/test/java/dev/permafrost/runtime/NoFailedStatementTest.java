package dev.permafrost.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.permafrost.runtime.internal.DriverManagerDataSource;
import dev.permafrost.testing.TestDatabase;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Every command on a new database, and the first migration, without a statement the database refuses where a refused
 * statement leaves a trace: PostgreSQL logs each one as an {@code ERROR} (a fleet of new tenants filled the server's
 * log with thousands of "relation permafrost_history does not exist"), H2 writes it to the database's trace file
 * (ADR 0030). SQLite and MariaDB keep the cheaper way, the history read at once, whose failure nobody sees.
 */
class NoFailedStatementTest {

    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void aNewDatabaseMeetsNoRefusedStatementWhereOneWouldBeLogged(TestDatabase kind) throws Exception {
        try (TestDatabase.Fresh db = kind.create(dir)) {
            RecordingDataSource recording = new RecordingDataSource(new DriverManagerDataSource(db.url()));
            Migrator migrator = Migrator.configure(recording).migrations(Child.concurrent()).build();

            assertEquals(0, migrator.status().currentVersion());
            assertEquals(4, migrator.plan().steps().size());
            assertEquals(0, migrator.repair());
            assertEquals(4, migrator.migrate().applied().size());
            assertTrue(migrator.validate().valid(), migrator.validate().toString());
            assertEquals(List.of(), migrator.migrate().applied());

            if (kind == TestDatabase.POSTGRES || kind == TestDatabase.H2) {
                assertEquals(List.of(), recording.failed);
            } else {
                assertTrue(recording.failed.stream().allMatch(f -> f.contains(" from permafrost_history ")),
                        recording.failed.toString());
            }
        }
    }
}
