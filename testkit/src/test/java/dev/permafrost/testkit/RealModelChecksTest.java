package dev.permafrost.testkit;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.permafrost.testing.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The nine checks on a model as real applications write it ({@link SampleProject#realModel}): identity keys
 * added and removed, a reference by object, a composite key referenced by another table, a composite unique that
 * changes, embedded values (one added later), a JSON column, a native PostgreSQL type and columns named value,
 * order and user, on SQLite, PostgreSQL, MariaDB and H2.
 */
class RealModelChecksTest {

    @TempDir
    static Path work;

    private static SampleProject project;

    @BeforeAll
    static void compileProject() {
        project = SampleProject.realModel(work.resolve("project"));
    }

    @Test
    void theVersionsSayWhatChanged() throws Exception {
        String baseline = Files.readString(project.schemaDir.resolve("V0001.sql"));
        assertTrue(baseline.contains("-- native owners.address postgresql: inet"), baseline);
        assertTrue(baseline.contains("    \"user\" varchar(20),\n") && baseline.contains("    \"order\" integer not null,\n")
                && baseline.contains("    \"value\" double precision not null,\n"), baseline);
        String second = Files.readString(project.stub(2));
        assertTrue(second.contains("op.alterColumn(\"owners\", column(\"id\", BIGINT).notNull());"), second);
        assertTrue(second.contains("op.addColumn(\"bookings\", column(\"confirmed_at\", TIMESTAMP_TZ));"), second);
        assertTrue(second.contains("op.addUnique(\"bookings\", \"uq_bookings_owner_id_slot_on_date_slot_at_hour\""), second);
        String third = Files.readString(project.stub(3));
        assertTrue(third.contains("op.alterColumn(\"owners\", column(\"id\", BIGINT).asIdentity());"), third);
    }

    @Nested
    class OnSqlite implements ProjectChecks {
        private final MigrationChecks checks = project.checks();

        @Override
        public MigrationChecks project() {
            return checks;
        }
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
