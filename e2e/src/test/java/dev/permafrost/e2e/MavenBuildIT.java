package dev.permafrost.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.jar.JarFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The day-one journey with a real Maven build: first build writes the baseline, the app applies it (with
 * no second compile in between), an entity change writes migration 2 and the next start applies it keeping
 * the rows, building again writes nothing and does not fail, and a clean build works.
 */
class MavenBuildIT {

    private static final String SCHEMA = "src/main/permafrost/";
    private static final String MIGRATIONS = "src/main/java/com/acme/migrations/";

    @TempDir
    Path work;

    @Test
    void firstBuildChangeRebuildAndCleanBuild() throws Exception {
        SampleProject project = SampleProject.copy("sample", work.resolve("sample"));

        SampleProject.Run first = project.mvn("compile");
        assertEquals(0, first.exitCode(), first.output());
        assertTrue(Files.exists(project.file(SCHEMA + "V0001.sql")), first.output());
        assertTrue(Files.exists(project.file(SCHEMA + "permafrost.sum")));
        assertTrue(project.read(SCHEMA + "V0001.plans").contains("-- plan: SQLite up\n"), "the frozen plans (ADR 0026)");
        assertTrue(project.read(MIGRATIONS + "V0001_Baseline.java").contains("op.createTable(table(\"customers\")"));
        assertTrue(project.read(MIGRATIONS + "PermafrostIndex.java")
                .contains("public final class PermafrostIndex extends ResourceMigrationIndex"));

        SampleProject.Run start = project.mvn("-q", "validate", "exec:exec");
        assertEquals(0, start.exitCode(), start.output());
        assertTrue(start.line("RESULT").contains("from V0000 to V0001"), start.output());
        assertEquals("ROWS 1 Ada", start.line("ROWS"));

        project.replace("src/main/java/com/acme/Customer.java", "    String name;\n",
                "    String name;\n\n    @Column(length = 120)\n    String email;\n");
        SampleProject.Run change = project.mvn("compile");
        assertEquals(0, change.exitCode(), change.output());
        assertTrue(project.read(MIGRATIONS + "V0002_AddEmailToCustomers.java")
                .contains("op.addColumn(\"customers\", column(\"email\", varchar(120)));"));
        assertTrue(project.read(SCHEMA + "V0002.sql").contains("    email varchar(120),\n    constraint pk_customers primary key (id)\n"));

        SampleProject.Run restart = project.mvn("-q", "validate", "exec:exec");
        assertEquals(0, restart.exitCode(), restart.output());
        assertTrue(restart.line("RESULT").contains("from V0001 to V0002"), restart.output());
        assertEquals("ROWS 1 Ada", restart.line("ROWS"), "the existing row survives");
        assertEquals("COLUMNS id,name,email", restart.line("COLUMNS"));

        Map<String, String> frozen = project.sources();
        SampleProject.Run again = project.mvn("compile");
        assertEquals(0, again.exitCode(), again.output());
        assertEquals(frozen, project.sources(), "an unchanged model writes nothing");

        SampleProject.Run touched = project.mvn("compile", "-Dmaven.compiler.useIncrementalCompilation=false");
        assertEquals(0, touched.exitCode(), touched.output());
        assertFalse(touched.output().contains("duplicate class"), touched.output());
        assertEquals(frozen, project.sources(), "a full recompile writes nothing either");

        SampleProject.Run clean = project.mvn("clean", "package");
        assertEquals(0, clean.exitCode(), clean.output());
        assertEquals(frozen, project.sources(), "a clean build writes nothing");
        try (JarFile jar = new JarFile(project.file("target/sample-1.0.jar").toFile())) {
            assertTrue(jar.getEntry("com/acme/migrations/V0002_AddEmailToCustomers.class") != null);
            assertTrue(jar.getEntry("com/acme/migrations/permafrost-index.txt") != null);
            assertTrue(jar.getEntry("com/acme/migrations/permafrost-schema.txt") != null, "the newest schema (ADR 0024)");
            assertTrue(jar.getEntry("com/acme/migrations/V0002.plans") != null, "the newest plans (ADR 0026)");
            assertTrue(jar.getEntry("META-INF/services/dev.permafrost.runtime.spi.MigrationIndex") != null);
            assertEquals(List.of(), jar.stream().map(java.util.zip.ZipEntry::getName)
                    .filter(n -> n.endsWith(".sql") || n.endsWith("permafrost.sum")).toList(),
                    "the frozen files stay in the source tree: the runtime never reads them (ADR 0023)");
        }

        SampleProject.Run upToDate = project.mvn("-q", "compile", "exec:exec");
        assertEquals(0, upToDate.exitCode(), upToDate.output());
        assertTrue(upToDate.line("RESULT").contains("is up to date at V0002"), upToDate.output());
    }
}
