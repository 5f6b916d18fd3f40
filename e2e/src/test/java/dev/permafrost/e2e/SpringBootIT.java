package dev.permafrost.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.permafrost.testing.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real Spring Boot application built with real Maven from a project that has never been compiled, on each Boot
 * line: the starter migrates at start-up before the application's {@code CommandLineRunner} uses the table,
 * {@code /actuator/permafrost} answers over HTTP with the applied version, a second start applies nothing, and an
 * applied migration edited afterwards stops start-up with the failure analyzer's description. The JPA variant runs
 * with {@code spring.jpa.hibernate.ddl-auto=validate}.
 */
class SpringBootIT {

    private static final String STUB = "src/main/java/com/acme/migrations/V0001_Baseline.java";
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path work;

    @Test
    void boot35OnSqlite() throws Exception {
        startsMigratesAndStops("3.5.7", "jdbc:sqlite:" + work.resolve("app.db"), false);
    }

    @Test
    void boot40OnPostgresqlWithJpaValidating() throws Exception {
        try (TestDatabase.Fresh db = TestDatabase.POSTGRES.create(work)) {
            startsMigratesAndStops("4.0.7", db.url(), true);
        }
    }

    @Test
    void boot35OnPostgresqlWithJpaValidating() throws Exception {
        try (TestDatabase.Fresh db = TestDatabase.POSTGRES.create(work)) {
            startsMigratesAndStops("3.5.7", db.url(), true);
        }
    }

    @Test
    void boot40OnSqlite() throws Exception {
        startsMigratesAndStops("4.0.7", "jdbc:sqlite:" + work.resolve("app.db"), false);
    }

    /**
     * The README's Spring Boot snippets, as written, are in the sample's pom (each snippet's lines in order), so the
     * application these tests build is the one a reader who copies them gets.
     */
    @Test
    void theReadmesSnippetsAreTheSamplesOwn() throws Exception {
        String readme = Files.readString(Path.of(System.getProperty("readme.file")));
        String section = readme.substring(readme.indexOf("\n## Spring Boot\n"), readme.indexOf("\n## Test kit\n"));
        List<String> pom = Files.readString(Path.of(System.getProperty("samples.dir"), "boot-sample", "pom.xml"))
                .lines().map(String::trim).toList();
        java.util.regex.Matcher snippet = java.util.regex.Pattern.compile("```xml\n(.*?)```",
                java.util.regex.Pattern.DOTALL).matcher(section);
        int snippets = 0;
        while (snippet.find()) {
            snippets++;
            int at = 0;
            for (String line : snippet.group(1).lines().map(String::trim).filter(l -> !l.isEmpty()).toList()) {
                int found = pom.subList(at, pom.size()).indexOf(line);
                assertTrue(found >= 0, "README's line '" + line + "' is not in the sample's pom after line " + at);
                at += found + 1;
            }
        }
        assertEquals(2, snippets, "the Spring Boot section's XML snippets");
    }

    private void startsMigratesAndStops(String boot, String url, boolean jpa) throws Exception {
        SampleProject project = SampleProject.copy("boot-sample", work.resolve("boot-sample"));
        project.replace("pom.xml", "@boot.version@", boot);
        String profile = jpa ? "-Pjpa" : "-P!jpa";

        SampleProject.Run build = project.mvn("-q", "package", "-DskipTests", profile);
        assertEquals(0, build.exitCode(), build.output());
        assertTrue(Files.exists(project.file(STUB)), "the first build writes the baseline");

        SampleProject.Run first = start(project, url);
        assertEquals(0, first.exitCode(), first.output());
        assertEquals("PETS 1", first.line("PETS"), "the runner found the table the migration made");
        JsonNode migrator = actuator(first);
        assertEquals(1, migrator.get("currentVersion").asInt(), migrator.toString());
        JsonNode applied = migrator.get("migrations").get(0);
        assertEquals("APPLIED", applied.get("state").asText(), migrator.toString());
        assertEquals("baseline", applied.get("description").asText(), migrator.toString());
        if (jpa) {
            assertTrue(first.output().contains("Initialized JPA EntityManagerFactory"), first.output());
        }

        SampleProject.Run second = start(project, url);
        assertEquals(0, second.exitCode(), second.output());
        assertEquals("PETS 2", second.line("PETS"));
        JsonNode again = actuator(second).get("migrations").get(0);
        assertEquals(applied.get("appliedAt"), again.get("appliedAt"), "the second start applied nothing");

        project.replace(STUB, "    public void up(Operations op) {\n",
                "    public void up(Operations op) {\n        op.sql(\"update pets set name = name\");\n");
        SampleProject.Run rebuild = project.mvn("-q", "package", "-DskipTests", profile);
        assertEquals(0, rebuild.exitCode(), rebuild.output());
        SampleProject.Run refused = start(project, url);
        assertNotEquals(0, refused.exitCode(), refused.output());
        String out = refused.output();
        assertTrue(out.contains("APPLICATION FAILED TO START"), out);
        assertTrue(out.contains("Description:\n\nPermafrost could not migrate 'permafrostMigrator' at start-up:\n\nPF803 "),
                out);
        assertTrue(out.contains("Action:\n\nDo what the message says (PF803 is explained in the troubleshooting table"),
                out);
        assertTrue(!out.contains("PETS"), "nothing that uses the database ran:\n" + out);
    }

    private static SampleProject.Run start(SampleProject project, String url) throws Exception {
        String java = Path.of(System.getProperty("java.home")).resolve("bin").resolve("java").toString();
        return project.exec(List.of(java, "--enable-native-access=ALL-UNNAMED", "-jar", "target/boot-sample-1.0.jar",
                "--spring.datasource.url=" + url));
    }

    /** The one migrator of {@code /actuator/permafrost}'s answer, as the application printed it. */
    private static JsonNode actuator(SampleProject.Run run) throws Exception {
        String line = run.line("ACTUATOR ");
        assertTrue(line.startsWith("ACTUATOR 200 "), line);
        JsonNode contexts = JSON.readTree(line.substring("ACTUATOR 200 ".length())).get("contexts");
        return contexts.elements().next().get("migrators").get("permafrostMigrator");
    }
}
