package dev.permafrost.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A squash in a real Maven build, as the README describes it (ADR 0025): two versions, {@code -Apermafrost.squash=2}
 * in {@code compilerArgs}, the oldest stub deleted, and the application building a fresh database from the baseline.
 */
class SquashBuildIT {

    private static final String SCHEMA = "src/main/permafrost/";
    private static final String MIGRATIONS = "src/main/java/com/acme/migrations/";

    @TempDir
    Path work;

    @Test
    void squashDeleteTheOldestStubAndBuildAFreshDatabase() throws Exception {
        SampleProject project = SampleProject.copy("sample", work.resolve("sample"));
        assertEquals(0, project.mvn("compile").exitCode());
        project.replace("src/main/java/com/acme/Customer.java", "    String name;\n",
                "    String name;\n\n    @Column(length = 120)\n    String email;\n");
        SampleProject.Run second = project.mvn("compile");
        assertEquals(0, second.exitCode(), second.output());
        SampleProject.Run atV2 = project.mvn("-q", "validate", "exec:exec", "-Ddb=" + work.resolve("old.db"));
        assertTrue(atV2.line("RESULT").contains("from V0000 to V0002"), atV2.output());

        project.replace("pom.xml", "          </annotationProcessorPaths>\n", "          </annotationProcessorPaths>\n"
                + "          <compilerArgs>\n            <arg>-Apermafrost.squash=2</arg>\n          </compilerArgs>\n");
        SampleProject.Run squash = project.mvn("clean", "compile"); // an unchanged source tree compiles nothing otherwise
        assertEquals(0, squash.exitCode(), squash.output());
        assertTrue(Files.exists(project.file(MIGRATIONS + "B0002_Baseline.java")), squash.output());
        assertTrue(project.read(MIGRATIONS + "B0002_Baseline.java").contains(".column(column(\"email\", varchar(120)))"));
        assertTrue(project.read(SCHEMA + "permafrost.sum").contains("\nsquash V0002 B0002_Baseline\n"));

        Files.delete(project.file(MIGRATIONS + "V0001_Baseline.java"));
        SampleProject.Run fresh = project.mvn("-q", "clean", "compile", "exec:exec", "-Ddb=" + work.resolve("fresh.db"));
        assertEquals(0, fresh.exitCode(), fresh.output());
        assertTrue(fresh.line("RESULT").contains("from V0000 to V0002"), fresh.output());
        assertEquals("ROWS 1 Ada", fresh.line("ROWS"));
        assertEquals("COLUMNS id,name,email", fresh.line("COLUMNS"));

        SampleProject.Run old = project.mvn("-q", "validate", "exec:exec", "-Ddb=" + work.resolve("old.db"));
        assertEquals(0, old.exitCode(), old.output());
        assertTrue(old.line("RESULT").contains("is up to date at V0002"), old.output());
    }
}
