package dev.permafrost.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.permafrost.runtime.internal.DriverManagerDataSource;
import dev.permafrost.testing.TestDatabase;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Starting an application whose database is up to date reads the history table once and does nothing else (where a
 * failed query leaves a trace, it asks the catalog whether the table exists first).
 */
class UpToDateStartTest {

    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void oneQueryOfTheHistoryAndNothingElse(TestDatabase kind) throws Exception {
        try (TestDatabase.Fresh db = kind.create(dir)) {
            Migrator.configure(db.url()).migrations(Child.concurrent()).build().migrate();
            RecordingDataSource recording = new RecordingDataSource(new DriverManagerDataSource(db.url()));

            MigrateResult result = Migrator.configure(recording).migrations(Child.concurrent()).build().migrate();

            assertEquals(List.of(), result.applied());
            List<String> touched = recording.calls.stream()
                    .filter(c -> !Set.of("metadata: getDatabaseProductName", "metadata: getURL").contains(c)).toList();
            String read = "sql: select version, checksum, state from permafrost_history order by version";
            List<String> expected = switch (kind) {
                case SQLITE, MARIADB -> List.of(read);
                // Where a failed query is logged, the catalog is asked first (ADR 0030).
                case POSTGRES -> List.of("sql: select to_regclass(quote_ident(current_schema()) || '.' || quote_ident(?))"
                        + " is not null", read);
                case H2 -> List.of("sql: select count(*) from information_schema.tables where table_schema ="
                        + " current_schema and table_name in (?, ?)", read);
            };
            assertEquals(expected, touched);
        }
    }

    @Test
    void jooqIsNotLoaded() throws Exception {
        try (TestDatabase.Fresh db = TestDatabase.SQLITE.create(dir)) {
            Migrator.configure(db.url()).migrations(Child.concurrent()).build().migrate();
            Process child = Child.start(db.url(), "concurrent", "-verbose:class");
            String output = Child.finish(child, dir);
            assertEquals(0, child.exitValue(), output);
            assertEquals(List.of("RESULT 4 0"), output.lines().filter(l -> l.startsWith("RESULT")).toList());
            List<String> jooq = output.lines().filter(l -> l.contains(" org.jooq.")).toList();
            assertEquals(List.of(), jooq, "classes of jOOQ loaded on an up-to-date start");
        }
    }
}
