package dev.permafrost.testkit;

import dev.permafrost.runtime.spi.MigrationIndex;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

/**
 * A correct three-version project passes all eight checks, discovered by JUnit exactly as in a user's
 * {@code class MigrationsTest implements MigrationChecks {}}.
 */
class HealthyProjectTest implements MigrationChecks {

    @TempDir
    static Path root;

    private static MigrationChecks project;

    @BeforeAll
    static void compileProject() {
        project = SampleProject.threeVersions(root).checks();
    }

    @Override
    public MigrationIndex migrations() {
        return project.migrations();
    }

    @Override
    public Path schemaDir() {
        return project.schemaDir();
    }

    @Override
    public Path migrationsDir() {
        return project.migrationsDir();
    }

    @Override
    public List<Path> classpath() {
        return project.classpath();
    }
}
