package dev.permafrost.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.permafrost.testing.Db;
import dev.permafrost.testing.TestDatabase;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The Maven plugin's goals in real Maven builds of a project that has never been compiled, the plugin declared
 * with the README's snippet as written, Maven itself on the default JDK (17 here) while the goals run in a JDK
 * 21+: status, plan, migrate (up and down), repair, baseline, and validate bound to {@code verify}, which fails
 * the build on drift.
 */
class MavenPluginIT {

    @TempDir
    Path work;

    /** The README's {@code <plugin>} block of the section "Maven plugin", with the version under test. */
    private static String readmePlugin() throws java.io.IOException {
        String readme = java.nio.file.Files.readString(Path.of(System.getProperty("readme.file")));
        String section = readme.substring(readme.indexOf("\n## Maven plugin\n"));
        java.util.regex.Matcher xml = java.util.regex.Pattern.compile("```xml\n(.*?)```", java.util.regex.Pattern.DOTALL)
                .matcher(section);
        if (!xml.find()) {
            throw new AssertionError("README's section 'Maven plugin' has no xml block");
        }
        return xml.group(1);
    }

    @ParameterizedTest
    @EnumSource(value = TestDatabase.class, names = {"SQLITE", "POSTGRES"})
    void everyGoalInARealBuild(TestDatabase kind) throws Exception {
        SampleProject project = SampleProject.copy("sample", work.resolve("plugin-sample"));
        project.replace("pom.xml", "    </plugins>", readmePlugin() + "\n    </plugins>");
        try (TestDatabase.Fresh db = kind.create(work)) {
            String url = "-Dpermafrost.url=" + db.url();
            SampleProject.Run status = project.mvn("compile", "permafrost:status", url);
            assertEquals(0, status.exitCode(), status.output());
            assertTrue(status.output().contains("V0001   PENDING"), status.output());

            SampleProject.Run plan = project.mvn("permafrost:plan", url);
            assertEquals(0, plan.exitCode(), plan.output());
            assertTrue(plan.output().contains("create table customers"), plan.output());

            SampleProject.Run migrate = project.mvn("permafrost:migrate", url);
            assertEquals(0, migrate.exitCode(), migrate.output());
            assertTrue(migrate.output().contains("from V0000 to V0001"), migrate.output());

            SampleProject.Run verify = project.mvn("verify", url);
            assertEquals(0, verify.exitCode(), verify.output());
            assertTrue(verify.output().contains("permafrost-maven-plugin") && verify.output().contains("valid"),
                    verify.output());

            Db.execute(db.url(), "alter table customers add column extra integer");
            SampleProject.Run drift = project.mvn("verify", url);
            assertEquals(1, drift.exitCode(), drift.output());
            assertTrue(drift.output().contains("customers.extra"), drift.output());
            assertTrue(drift.output().contains("the database differs from the project's migrations"), drift.output());
            Db.execute(db.url(), "alter table customers drop column extra");

            SampleProject.Run repair = project.mvn("permafrost:repair", url);
            assertEquals(0, repair.exitCode(), repair.output());
            assertTrue(repair.output().contains("repaired 0 migrations"), repair.output());

            SampleProject.Run down = project.mvn("permafrost:migrate", url, "-Dpermafrost.target=0");
            assertEquals(0, down.exitCode(), down.output());
            assertTrue(down.output().contains("reverted"), down.output());

            SampleProject.Run refused = project.mvn("permafrost:baseline", url, "-Dpermafrost.baselineVersion=1",
                    "-Dpermafrost.password=hunter2secret");
            assertEquals(1, refused.exitCode(), "an empty database is not V0001: " + refused.output());
            assertTrue(refused.output().contains("Permafrost baseline failed"), refused.output());
            assertFalse(refused.output().contains("hunter2secret"), "the password never shows");
        }
    }
}
