package dev.permafrost.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.permafrost.testing.TestDatabase;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * An application that migrates prints Permafrost's own lines and nothing of jOOQ's: no logo, no tip, no
 * "Database version is older than what dialect POSTGRES supports". jOOQ logs that notice once per JVM, so
 * each start is a fresh process with no logging settings of its own.
 */
class QuietStartTest {

    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void aStartThatMigratesPrintsNothingOfJooq(TestDatabase kind) throws Exception {
        try (TestDatabase.Fresh db = kind.create(dir)) {
            Process child = Child.start(db.url(), "concurrent", "-Dslow.millis=0");
            String output = Child.finish(child, dir);

            assertEquals(0, child.exitValue(), output);
            assertTrue(output.contains("RESULT 4 4"), output);
            assertFalse(output.contains("jOOQ"), output);
            assertFalse(output.contains("JooqLogger"), output);
            assertFalse(output.contains("Database version"), output);
            List<String> logged = output.lines().filter(l -> l.startsWith("INFO: ") || l.startsWith("WARNING: ")
                    && !l.contains("restricted method") && !l.contains("native access")).toList();
            assertEquals(List.of("INFO: applied V0001 migration 1", "INFO: applied V0002 migration 2",
                    "INFO: applied V0003 migration 3", "INFO: applied V0004 migration 4"),
                    logged.stream().map(l -> l.replaceFirst(" in \\d+ ms$", "")).toList(), output);
        }
    }
}
