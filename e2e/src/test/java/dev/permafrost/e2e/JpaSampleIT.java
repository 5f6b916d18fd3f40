package dev.permafrost.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.permafrost.testing.TestDatabase;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A Hibernate application whose entities carry only JPA annotations, built with real Maven from a project that has
 * never been compiled: the first build writes the baseline, the application migrates PostgreSQL at start and
 * Hibernate's own validation ({@code hbm2ddl.auto=validate}) accepts the schema and stores rows, a pet's id drawn from
 * the sequence JPA's default generator uses; an entity change (a new column, and owners' identity key moved to a
 * sequence while the table holds a row) compiles to V0002, and Hibernate validates and stores rows again after the
 * next start.
 */
class JpaSampleIT {

    private static final String MIGRATIONS = "src/main/java/com/acme/migrations/";

    @TempDir
    Path work;

    private static String java() {
        return Path.of(System.getProperty("java.home")).resolve("bin").resolve("java").toString();
    }

    private SampleProject.Run start(SampleProject project, String url) throws Exception {
        SampleProject.Run classpath = project.mvn("-q", "dependency:build-classpath", "-DincludeScope=runtime",
                "-Dmdep.outputFile=target/classpath.txt");
        assertEquals(0, classpath.exitCode(), classpath.output());
        String dependencies = Files.readString(project.file("target/classpath.txt")).trim();
        return project.exec(List.of(java(), "-cp", "target/classes" + File.pathSeparator + dependencies,
                "com.acme.App"), Map.of("DATABASE_URL", url));
    }

    @Test
    void hibernateValidatesTheBaselineAndTheNextMigration() throws Exception {
        SampleProject project = SampleProject.copy("jpa-sample", work.resolve("jpa-sample"));
        try (TestDatabase.Fresh db = TestDatabase.POSTGRES.create(work)) {
            SampleProject.Run first = project.mvn("compile");
            assertEquals(0, first.exitCode(), first.output());
            String baseline = project.read(MIGRATIONS + "V0001_Baseline.java");
            assertTrue(baseline.contains("op.createTable(table(\"pets\")"), baseline);
            assertTrue(baseline.contains("column(\"id\", BIGINT).notNull().sequence(\"pets_seq\", 1, 50)"), baseline);
            String snapshot = project.read("src/main/permafrost/V0001.sql");
            assertTrue(snapshot.contains("\ncreate sequence pets_seq start with 1 increment by 50 owned by pets.id;\n"), snapshot);

            SampleProject.Run started = start(project, db.url());
            assertEquals(0, started.exitCode(), started.output());
            assertTrue(started.line("RESULT").contains("from V0000 to V0001"), started.output());
            assertEquals("VALIDATED", started.line("VALIDATED"), started.output());
            assertEquals("PETS 1", started.line("PETS"));

            project.replace("src/main/java/com/acme/Pet.java", "    LocalDate born;\n",
                    "    LocalDate born;\n\n    @Column(length = 40)\n    String species;\n");
            project.replace("src/main/java/com/acme/Owner.java", "@Id @GeneratedValue(strategy = GenerationType.IDENTITY)",
                    "@Id @GeneratedValue");
            SampleProject.Run change = project.mvn("compile");
            assertEquals(0, change.exitCode(), change.output());
            String next;
            try (var stubs = Files.list(project.file(MIGRATIONS))) {
                List<Path> second = stubs.filter(p -> p.getFileName().toString().startsWith("V0002_")).toList();
                assertEquals(1, second.size(), second.toString());
                next = Files.readString(second.get(0));
            }
            assertTrue(next.contains("op.addColumn(\"pets\", column(\"species\", varchar(40)));"), next);
            assertTrue(next.contains("op.alterColumn(\"owners\", column(\"id\", BIGINT).notNull().sequence(\"owners_seq\", 1, 50));"),
                    next);

            SampleProject.Run restarted = start(project, db.url());
            assertEquals(0, restarted.exitCode(), restarted.output());
            assertTrue(restarted.line("RESULT").contains("from V0001 to V0002"), restarted.output());
            assertEquals("VALIDATED", restarted.line("VALIDATED"), restarted.output());
            assertEquals("PETS 2", restarted.line("PETS"), "the first pet survives, the second takes the sequence's next id");
        }
    }
}
