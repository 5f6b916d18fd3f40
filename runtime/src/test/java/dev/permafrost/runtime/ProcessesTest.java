package dev.permafrost.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.permafrost.testing.Db;
import dev.permafrost.testing.TestDatabase;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Guarantees that need real processes: concurrent start-up and a process killed mid-migration. */
class ProcessesTest {

    static final int INSTANCES = 8;

    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(value = TestDatabase.class, names = {"SQLITE", "POSTGRES", "MARIADB"})
    void eightInstancesStartingAtOnceApplyEachMigrationExactlyOnce(TestDatabase kind) throws Exception {
        try (TestDatabase.Fresh db = kind.create(dir)) {
            List<Process> processes = new ArrayList<>();
            for (int i = 0; i < INSTANCES; i++) {
                processes.add(Child.start(db.url(), "concurrent"));
            }
            int applied = 0;
            for (Process process : processes) {
                String output = Child.finish(process, dir);
                assertEquals(0, process.exitValue(), output);
                String result = output.lines().filter(l -> l.startsWith("RESULT ")).findFirst()
                        .orElseThrow(() -> new AssertionError("no result:\n" + output));
                assertTrue(result.startsWith("RESULT 4 "), result);
                applied += Integer.parseInt(result.substring(result.lastIndexOf(' ') + 1));
            }
            assertEquals(4, applied, "the four migrations were applied four times in all");
            assertEquals(List.of("2", "3", "4"), Db.rows(db.url(), "select version from runs order by version"),
                    "each data step ran once");
            assertEquals(List.of("1", "2", "3", "4"), Db.rows(db.url(), "select version from permafrost_history order by version"));
        }
    }

    @ParameterizedTest
    @EnumSource(value = TestDatabase.class, names = {"SQLITE", "POSTGRES"})
    void aProcessKilledMidMigrationLeavesThePreviousVersionAndTheNextStartCompletes(TestDatabase kind) throws Exception {
        try (TestDatabase.Fresh db = kind.create(dir)) {
            Migrator.configure(db.url()).migrations(new TestIndex().add(new Child.Log(), "log")).build().migrate();
            Random random = new Random(7);
            for (int round = 0; round < 5; round++) {
                Process child = Child.start(db.url(), "crash");
                BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream()));
                if (round % 2 == 0) {
                    String line;
                    while ((line = out.readLine()) != null && !line.equals("IN_MIGRATION")) {
                        // Start-up output.
                    }
                    Thread.sleep(random.nextInt(200));
                } else {
                    Thread.sleep(300 + random.nextInt(1500));
                }
                child.destroyForcibly();
                assertTrue(child.waitFor(30, TimeUnit.SECONDS));
                assertEquals(List.of("1"), Db.rows(db.url(), "select version from permafrost_history order by version"),
                        "round " + round + ": still at V0001");
                assertEquals(List.of("permafrost_history", "runs"), Db.tables(db.url()), "round " + round + ": no half-made table");
            }
            Process last = Child.start(db.url(), "crash", "-Dslow.millis=0");
            String output = Child.finish(last, dir);
            assertEquals(0, last.exitValue(), output);
            assertEquals(List.of("1", "2"), Db.rows(db.url(), "select version from permafrost_history order by version"));
            assertEquals(List.of("id", "second"), Db.columns(db.url(), "half"));
        }
    }
}
