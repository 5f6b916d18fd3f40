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
 * The Maven plugin's goals in real Maven builds of a project that has never been compiled, Maven itself on the
 * default JDK (17 here) while the goals run in the project's JDK 21+ toolchain: status, plan, migrate (up and
 * down), repair, baseline, and validate bound to {@code verify}, which fails the build on drift.
 */
class MavenPluginIT {

    @TempDir
    Path work;

    @ParameterizedTest
    @EnumSource(value = TestDatabase.class, names = {"SQLITE", "POSTGRES"})
    void everyGoalInARealBuild(TestDatabase kind) throws Exception {
        SampleProject project = SampleProject.copy("plugin-sample", work.resolve("plugin-sample"));
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
