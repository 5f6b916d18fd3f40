package dev.permafrost.testkit;

import dev.permafrost.runtime.internal.DriverManagerDataSource;
import dev.permafrost.testing.TestDatabase;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;

/**
 * A project's checks on a server, the way a user points them elsewhere: {@link #dataSource()} hands out a fresh
 * database (a schema or database of its own) at every call, dropped after each test.
 */
abstract class FreshServerChecks implements ProjectChecks {
    private final TestDatabase kind;
    private final Path work;
    private final MigrationChecks checks;
    private final List<TestDatabase.Fresh> created = new ArrayList<>();

    FreshServerChecks(TestDatabase kind, Path work, MigrationChecks checks) {
        this.kind = kind;
        this.work = work;
        this.checks = checks;
    }

    @Override
    public MigrationChecks project() {
        return checks;
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
        created.clear();
    }
}
