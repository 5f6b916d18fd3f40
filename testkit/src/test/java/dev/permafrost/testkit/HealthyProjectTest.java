package dev.permafrost.testkit;

import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

/**
 * A correct three-version project passes all nine checks, discovered by JUnit exactly as in a user's
 * {@code class MigrationsTest implements MigrationChecks {}}.
 */
class HealthyProjectTest implements ProjectChecks {

    @TempDir
    static Path root;

    private static MigrationChecks project;

    @BeforeAll
    static void compileProject() {
        project = SampleProject.threeVersions(root).checks();
    }

    @Override
    public MigrationChecks project() {
        return project;
    }
}
