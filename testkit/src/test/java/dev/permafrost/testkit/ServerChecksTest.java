package dev.permafrost.testkit;

import dev.permafrost.runtime.internal.DriverManagerDataSource;
import dev.permafrost.testing.TestDatabase;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.io.TempDir;

/**
 * The eight checks on the servers, the way a user points them elsewhere: override {@link #dataSource()}
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

    abstract static class OnServer implements ProjectChecks {
        private final TestDatabase kind;
        private final List<TestDatabase.Fresh> created = new ArrayList<>();
        private final MigrationChecks checks = project.checks();

        OnServer(TestDatabase kind) {
            this.kind = kind;
        }

        @Override
        public DataSource dataSource() {
            try {
                TestDatabase.Fresh fresh = kind.create(work);
                created.add(fresh);
                return new DriverManagerDataSource(fresh.url());
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        }

        @AfterEach
        void dropDatabases() throws Exception {
            for (TestDatabase.Fresh fresh : created) {
                fresh.close();
            }
        }

        @Override
        public MigrationChecks project() {
            return checks;
        }
    }
}
