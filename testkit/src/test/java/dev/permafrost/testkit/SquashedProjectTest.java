package dev.permafrost.testkit;

import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.io.TempDir;

/**
 * A three-version project squashed to V0002 passes every check: with every stub kept, and with V0001's stub deleted
 * (the checks then start from the squashed baseline and go no lower than V0001).
 */
class SquashedProjectTest {

    @TempDir
    static Path root;

    private static MigrationChecks kept;
    private static MigrationChecks deleted;

    @BeforeAll
    static void compileProjects() {
        kept = SampleProject.squashed(root.resolve("kept"), false).checks();
        deleted = SampleProject.squashed(root.resolve("deleted"), true).checks();
    }

    @Nested
    class EveryStubKept implements ProjectChecks {
        @Override
        public MigrationChecks project() {
            return kept;
        }
    }

    @Nested
    class OldestStubDeleted implements ProjectChecks {
        @Override
        public MigrationChecks project() {
            return deleted;
        }
    }
}
