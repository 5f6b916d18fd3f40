package dev.permafrost.testkit;

import dev.permafrost.testing.TestDatabase;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.io.TempDir;

/**
 * The nine checks on the servers, the way a user points them elsewhere: override {@link FreshServerChecks#dataSource()}
 * to hand out a fresh database (here a schema or database of its own) at every call.
 */
class ServerChecksTest {

    @TempDir
    static Path work;

    private static SampleProject project;

    @BeforeAll
    static void compileProject() {
        project = SampleProject.threeVersions(work.resolve("project"));
    }

    @Nested
    class OnPostgres extends OnServer {
        OnPostgres() {
            super(TestDatabase.POSTGRES);
        }
    }

    @Nested
    class OnMariaDb extends OnServer {
        OnMariaDb() {
            super(TestDatabase.MARIADB);
        }
    }

    @Nested
    class OnH2 extends OnServer {
        OnH2() {
            super(TestDatabase.H2);
        }
    }

    /** The checks on a fresh database of one kind at every call. */
    abstract static class OnServer extends FreshServerChecks {
        OnServer(TestDatabase kind) {
            super(kind, work, project.checks());
        }
    }
}
