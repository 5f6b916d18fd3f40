package dev.permafrost.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import dev.permafrost.runtime.Migrator;
import dev.permafrost.runtime.spi.MigrationIndex;
import dev.permafrost.testing.Db;
import dev.permafrost.testing.TestDatabase;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Names real schemas use that some database reserves ({@code value}, {@code month}, {@code user}, {@code order}, a
 * table {@code user}): Permafrost quotes them in every statement on every database, says so in a note, and they
 * migrate, rename, drop and validate clean.
 */
class ReservedNamesTest {

    @TempDir
    Path dir;

    private static final String ENTRY = """
            package com.acme;

            import dev.permafrost.annotations.*;

            @Table(name = "entries")
            @Index(columns = "order")
            public class Entry {
                @Id @Identity long id;
                double value;
                int month;
                @Column(length = 20, unique = true) String user;
                int order;
            }
            """;

    private static final String ACCOUNT = """
            package com.acme;

            import dev.permafrost.annotations.*;

            @Table(name = "user")
            public class Account {
                @Id long id;
                Entry entry;
            }
            """;

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void reservedNamesAreQuotedEverywhere(TestDatabase kind) throws Exception {
        Project project = new Project(dir.resolve("project"));
        Compilation first = project.compile(Map.of("com.acme.Entry", ENTRY, "com.acme.Account", ACCOUNT));
        assertThat(first).succeededWithoutWarnings();
        assertThat(first).hadNoteContaining("[PF204] column name 'value' is a reserved word in H2: Permafrost quotes it in"
                + " all the SQL it writes (\"value\"); quote it in your own SQL too, or choose another name with"
                + " @Column(name = ...)");
        String snapshot = project.snapshot(1);
        assertTrue(snapshot.contains("create table \"user\" ("), snapshot);
        assertTrue(snapshot.contains("    \"value\" double precision not null,\n"), snapshot);
        assertTrue(snapshot.contains("create index ix_entries_order on entries (\"order\");"), snapshot);
        String renamed = ENTRY.replace("    double value;", "    @RenamedFrom(\"value\") double amount;")
                .replace("    int month;\n", "");
        assertThat(project.compileWithStubs(Map.of("com.acme.Entry", renamed, "com.acme.Account", ACCOUNT))).succeeded();

        MigrationIndex index = project.compiledStubs(dir.resolve("stubs"));
        String q = kind == TestDatabase.MARIADB ? "`" : "\"";
        try (TestDatabase.Fresh db = kind.create(dir)) {
            Migrator migrator = Migrator.configure(db.url()).migrations(index).build();
            migrator.migrateTo(1);
            assertEquals(List.of(), migrator.validate().problems());
            Db.execute(db.url(), "insert into entries (" + q + "value" + q + ", " + q + "month" + q + ", " + q + "user" + q
                    + ", " + q + "order" + q + ") values (2.5, 7, 'ada', 1)");
            Db.execute(db.url(), "insert into " + q + "user" + q + " (id, entry_id) values (1, 1)");
            migrator.migrate();
            assertEquals(List.of(), migrator.validate().problems());
            assertEquals(List.of("2.5|ada|1"), Db.rows(db.url(), "select amount, " + q + "user" + q + ", " + q + "order" + q
                    + " from entries"));
            migrator.migrateTo(1);
            assertEquals(List.of(), migrator.validate().problems());
            assertEquals(List.of("2.5|ada"), Db.rows(db.url(), "select " + q + "value" + q + ", " + q + "user" + q
                    + " from entries"));
        }
    }

    /** A check and an index over reserved column names are written with them quoted, and hold on every database. */
    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void checksOverReservedNamesHold(TestDatabase kind) throws Exception {
        Project project = new Project(dir.resolve("project"));
        String entry = ENTRY.replace("@Index(columns = \"order\")",
                "@Index(columns = \"order\")\n@Check(name = \"positive\", value = \"\\\"order\\\" >= 0 and \\\"value\\\" >= 0\")");
        assertThat(project.compile(Map.of("com.acme.Entry", entry, "com.acme.Account", ACCOUNT))).succeededWithoutWarnings();
        String snapshot = project.snapshot(1);
        assertTrue(snapshot.contains("constraint ck_entries_positive check ((\"order\" >= 0 and \"value\" >= 0))"), snapshot);
        MigrationIndex index = project.compiledStubs(dir.resolve("stubs"));
        String q = kind == TestDatabase.MARIADB ? "`" : "\"";
        try (TestDatabase.Fresh db = kind.create(dir)) {
            Migrator migrator = Migrator.configure(db.url()).migrations(index).build();
            migrator.migrate();
            assertEquals(List.of(), migrator.validate().problems());
            assertThrows(java.sql.SQLException.class, () -> Db.execute(db.url(), "insert into entries (" + q + "value" + q
                    + ", " + q + "month" + q + ", " + q + "user" + q + ", " + q + "order" + q + ") values (2.5, 7, 'ada', -1)"));
        }
    }
}
