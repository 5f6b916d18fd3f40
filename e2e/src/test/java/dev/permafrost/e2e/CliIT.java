package dev.permafrost.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.permafrost.testing.Db;
import dev.permafrost.testing.TestDatabase;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The command line as operators use it: the built jar ({@code java -jar permafrost-cli-<version>.jar}) run as its
 * own process against an application jar built with real Maven, on SQLite and PostgreSQL, for every command, with
 * {@code --json} parsed back and the exit codes (0 done, 1 failed or refused or drift, 2 usage).
 */
class CliIT {

    @TempDir
    static Path work;

    private static SampleProject app;
    private static Path appJar;
    private static final ObjectMapper JSON = new ObjectMapper();

    @BeforeAll
    static void buildTheApplication() throws Exception {
        app = SampleProject.copy("sample", work.resolve("app"));
        SampleProject.Run build = app.mvn("package", "-DskipTests");
        assertEquals(0, build.exitCode(), build.output());
        appJar = app.file("target/sample-1.0.jar");
    }

    private static String java() {
        return Path.of(System.getProperty("java.home")).resolve("bin").resolve("java").toString();
    }

    /** One run of the jar: its exit code and what it printed on standard output and error, apart. */
    record Cli(int exitCode, String out, String err) {
        JsonNode json() throws Exception {
            return JSON.readTree(out);
        }
    }

    private static Cli cli(Map<String, String> environment, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(java(), "-jar", System.getProperty("cli.jar")));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(work.toFile());
        builder.environment().putAll(environment);
        Path out = work.resolve("out.txt");
        Path err = work.resolve("err.txt");
        builder.redirectOutput(out.toFile()).redirectError(err.toFile());
        Process process = builder.start();
        if (!process.waitFor(2, java.util.concurrent.TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new AssertionError(String.join(" ", command) + " did not finish in 2 minutes");
        }
        return new Cli(process.exitValue(), java.nio.file.Files.readString(out), java.nio.file.Files.readString(err));
    }

    private static Cli cli(String... args) throws Exception {
        return cli(Map.of(), args);
    }

    private static String[] on(String url, String command, String... more) {
        List<String> args = new ArrayList<>(List.of(command, "--url", url, "--classpath", appJar.toString()));
        args.addAll(List.of(more));
        return args.toArray(String[]::new);
    }

    @ParameterizedTest
    @EnumSource(value = TestDatabase.class, names = {"SQLITE", "POSTGRES"})
    void everyCommandWithItsJsonAndExitCode(TestDatabase kind) throws Exception {
        try (TestDatabase.Fresh db = kind.create(work)) {
            Cli status = cli(on(db.url(), "status", "--json"));
            assertEquals(0, status.exitCode(), status.err());
            assertFalse(status.json().get("upToDate").asBoolean());
            assertEquals("PENDING", status.json().get("migrations").get(0).get("state").asText());

            Cli plan = cli(on(db.url(), "plan", "--json"));
            assertEquals(0, plan.exitCode(), plan.err());
            JsonNode step = plan.json().get("steps").get(0);
            assertEquals("up", step.get("direction").asText());
            assertTrue(step.get("statements").get(0).asText().startsWith("create table customers"), plan.out());

            Cli migrate = cli(on(db.url(), "migrate", "--json"));
            assertEquals(0, migrate.exitCode(), migrate.err());
            assertEquals(1, migrate.json().get("toVersion").asInt());
            assertEquals("APPLIED", migrate.json().get("applied").get(0).get("state").asText());
            assertEquals("", migrate.err(), "nothing but the document when the output is not a terminal");

            Cli again = cli(on(db.url(), "migrate"));
            assertEquals(0, again.exitCode(), again.err());
            assertTrue(again.out().contains("up to date at V0001"), again.out());

            Cli valid = cli(on(db.url(), "validate", "--json"));
            assertEquals(0, valid.exitCode(), valid.err());
            assertTrue(valid.json().get("valid").asBoolean(), valid.out());

            Cli repair = cli(on(db.url(), "repair", "--json"));
            assertEquals(0, repair.exitCode(), repair.err());
            assertEquals(0, repair.json().get("repaired").asInt());

            Db.execute(db.url(), "alter table customers add column extra integer");
            Cli drift = cli(on(db.url(), "validate", "--json"));
            assertEquals(1, drift.exitCode(), "drift is exit code 1: " + drift.out());
            assertTrue(drift.json().get("problems").toString().contains("extra"), drift.out());
            Cli driftText = cli(on(db.url(), "validate"));
            assertEquals(1, driftText.exitCode());
            assertTrue(driftText.out().contains("customers.extra"), driftText.out());
            Db.execute(db.url(), "alter table customers drop column extra");

            Cli down = cli(on(db.url(), "migrate", "--to", "0", "--json"));
            assertEquals(0, down.exitCode(), down.err());
            assertEquals(1, down.json().get("reverted").size());
            assertEquals(List.of(), Db.tables(db.url()).stream().filter(t -> !t.startsWith("permafrost")).toList());
        }
    }

    @ParameterizedTest
    @EnumSource(value = TestDatabase.class, names = {"SQLITE", "POSTGRES"})
    void baselineAdoptsAMatchingDatabaseAndRefusesAnother(TestDatabase kind) throws Exception {
        try (TestDatabase.Fresh db = kind.create(work)) {
            Cli refused = cli(on(db.url(), "baseline", "1", "--json"));
            assertEquals(1, refused.exitCode(), "an empty database is not V0001: " + refused.out());
            assertTrue(refused.json().get("error").get("code").asText().startsWith("PF"), refused.out());

            String ddl = String.join("\n", cli(on(db.url(), "plan")).out().lines()
                    .filter(l -> !l.startsWith("--") && !l.isBlank()).toList());
            Db.execute(db.url(), ddl.split(";\n?"));
            Cli adopted = cli(on(db.url(), "baseline", "1", "--json"));
            assertEquals(0, adopted.exitCode(), adopted.out() + adopted.err());
            assertEquals(1, adopted.json().get("currentVersion").asInt());
            assertTrue(cli(on(db.url(), "status", "--json")).json().get("upToDate").asBoolean());
        }
    }

    /** A shipped migration edited afterwards: the command line refuses it with exit code 1 and the code in JSON. */
    @Test
    void aChangedMigrationIsRefused() throws Exception {
        SampleProject edited = SampleProject.copy("sample", work.resolve("edited"));
        assertEquals(0, edited.mvn("package", "-DskipTests").exitCode());
        Path jar = edited.file("target/sample-1.0.jar");
        String url = "jdbc:sqlite:" + work.resolve("edited.db");
        assertEquals(0, cli("migrate", "--url", url, "--classpath", jar.toString()).exitCode());
        edited.replace("src/main/java/com/acme/migrations/V0001_Baseline.java", "public void up(Operations op) {",
                "public void up(Operations op) {\n        op.sql(\"select 1\");");
        SampleProject.Run rebuilt = edited.mvn("package", "-DskipTests");
        assertEquals(0, rebuilt.exitCode(), rebuilt.output());
        Cli refused = cli("migrate", "--json", "--url", url, "--classpath", jar.toString());
        assertEquals(1, refused.exitCode(), refused.out() + refused.err());
        assertEquals("CHECKSUM_MISMATCH", refused.json().get("error").get("kind").asText(), refused.out());
        Cli invalid = cli("validate", "--url", url, "--classpath", jar.toString());
        assertEquals(1, invalid.exitCode(), invalid.out());
    }

    /** On a terminal (made with util-linux's script), each migration is counted as it is done. */
    @Test
    void progressOnATerminal() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(java.nio.file.Files.isExecutable(Path.of("/usr/bin/script")),
                "needs /usr/bin/script to give the command line a terminal");
        String command = java() + " -jar " + System.getProperty("cli.jar") + " migrate --url jdbc:sqlite:"
                + work.resolve("terminal.db") + " --classpath " + appJar;
        Process process = new ProcessBuilder("/usr/bin/script", "-qec", command, "/dev/null").redirectErrorStream(true)
                .start();
        String output = new String(process.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertEquals(0, process.waitFor(), output);
        assertTrue(output.contains("[1/1] applied V0001"), output);
    }

    @Test
    void usageErrorsAreExitCodeTwo() throws Exception {
        assertEquals(2, cli("migrate").exitCode(), "no --url");
        assertEquals(2, cli("migrate", "--url", "jdbc:sqlite:x.db", "--bogus").exitCode());
        Cli missing = cli("status", "--url", "jdbc:sqlite:x.db", "--classpath", "no/such.jar");
        assertEquals(2, missing.exitCode(), missing.err());
        assertTrue(missing.err().contains("--classpath entry no/such.jar does not exist"), missing.err());
        assertEquals(2, cli("frobnicate").exitCode());
        Cli help = cli("--help");
        assertEquals(0, help.exitCode());
        assertTrue(help.out().contains("Exit codes:"), help.out());
    }

    @Test
    void fleetMigratesEveryTenantAndReportsTheBrokenOne() throws Exception {
        List<String> urls = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            urls.add("jdbc:sqlite:" + work.resolve("fleet-" + i + ".db"));
        }
        Db.execute(urls.get(3), "create table customers (id integer)");
        Path targets = work.resolve("tenants.txt");
        java.nio.file.Files.writeString(targets, "# the tenants\n" + String.join("\n", urls.subList(0, 4)) + "\n");

        Cli first = cli("fleet", "--targets", targets.toString(), "--url", urls.get(4), "--classpath", appJar.toString(),
                "--continue-on-error", "--parallelism", "2", "--json");
        assertEquals(1, first.exitCode(), first.err());
        JsonNode report = first.json();
        assertFalse(report.get("ok").asBoolean());
        List<String> states = new ArrayList<>();
        report.get("targets").forEach(t -> states.add(t.get("state").asText()));
        assertEquals(List.of("MIGRATED", "MIGRATED", "MIGRATED", "FAILED", "MIGRATED"), states, first.out());
        assertTrue(report.get("targets").get(3).get("message").asText().contains("customers"), first.out());
        assertEquals(1, report.get("targets").get(0).get("after").asInt());

        Cli again = cli("fleet", "--targets", targets.toString(), "--url", urls.get(4), "--classpath", appJar.toString(),
                "--continue-on-error");
        assertEquals(1, again.exitCode(), again.err());
        assertTrue(again.out().contains("5 targets in ") && again.out().contains(": 0 migrated, 4 up to date, 1 failed,"
                + " 0 skipped"), again.out());
        assertEquals(2, cli("fleet", "--classpath", appJar.toString()).exitCode(), "no databases");
        Cli noSchemas = cli("status", "--url", urls.get(0), "--schema", "tenant_1", "--classpath", appJar.toString());
        assertEquals(1, noSchemas.exitCode(), noSchemas.err());
        assertTrue(noSchemas.err().contains("[PF627] SQLite has no schemas"), noSchemas.err());
    }

    @Test
    void noClassPathSaysSo() throws Exception {
        Cli none = cli("status", "--url", "jdbc:sqlite:" + work.resolve("none.db"));
        assertEquals(1, none.exitCode());
        assertTrue(none.err().contains("[PF600]") && none.err().contains("no --classpath was given"), none.err());
    }

    @Test
    void aPasswordIsNeverPrinted() throws Exception {
        Cli fromEnvironment = cli(Map.of("PERMAFROST_PASSWORD", "hunter2secret"), "status", "--url",
                "jdbc:postgresql://127.0.0.1:1/test", "--user", "ops", "--classpath", appJar.toString());
        assertEquals(1, fromEnvironment.exitCode(), fromEnvironment.out() + fromEnvironment.err());
        assertTrue(fromEnvironment.err().contains("[PF620]"), fromEnvironment.err());
        assertFalse((fromEnvironment.out() + fromEnvironment.err()).contains("hunter2secret"));

        Cli inUrl = cli("status", "--json", "--url", "jdbc:postgresql://127.0.0.1:1/test?user=ops&password=hunter2secret",
                "--classpath", appJar.toString());
        assertEquals(1, inUrl.exitCode());
        assertFalse((inUrl.out() + inUrl.err()).contains("hunter2secret"), inUrl.out());
        assertEquals("PF620", inUrl.json().get("error").get("code").asText(), inUrl.out());
    }
}
