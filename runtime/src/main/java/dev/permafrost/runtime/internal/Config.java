package dev.permafrost.runtime.internal;

import dev.permafrost.runtime.spi.MigrationIndex;
import java.time.Duration;
import java.util.Set;
import javax.sql.DataSource;

/**
 * A migrator's settings.
 *
 * @param index the migrations; {@code null} to find the generated index with {@link java.util.ServiceLoader}
 * @param allowUnknownMigrations whether migrations in the database that this build does not know are tolerated
 * @param lockTimeout how long to wait for another instance that is migrating
 * @param ignoredTables tables Permafrost does not own, left out of drift checks
 * @param log where what a command did is reported
 * @param lockSafe whether operations on tables with rows take the database's lock-safe form
 * @param statementLockTimeout how long one DDL statement waits for a lock before it is retried
 * @param schema the schema to work in (the connection's current one when {@code null})
 * @param groupPending whether the pending migrations are applied in one transaction where DDL is transactional
 */
public record Config(DataSource dataSource, MigrationIndex index, boolean allowUnknownMigrations, Duration lockTimeout,
                     Set<String> ignoredTables, System.Logger log, boolean lockSafe, Duration statementLockTimeout,
                     String schema, boolean groupPending) {

    /** The logger Permafrost reports to unless told otherwise. */
    public static final String LOGGER = "dev.permafrost.runtime";

    public Config {
        ignoredTables = Set.copyOf(ignoredTables);
        log = log != null ? log : System.getLogger(LOGGER);
    }

    public Config(DataSource dataSource, MigrationIndex index, boolean allowUnknownMigrations, Duration lockTimeout,
                  Set<String> ignoredTables, System.Logger log) {
        this(dataSource, index, allowUnknownMigrations, lockTimeout, ignoredTables, log, true,
                Executor.STATEMENT_LOCK_TIMEOUT, null, false);
    }

    /** These settings on another data source. */
    Config on(DataSource other) {
        return new Config(other, index, allowUnknownMigrations, lockTimeout, ignoredTables, log, lockSafe,
                statementLockTimeout, schema, groupPending);
    }

    /** An executor on {@code session}'s connection with these settings. */
    Executor executor(Session session) {
        return new Executor(session.connection(), session.dialect(), log, statementLockTimeout, lockTimeout);
    }

    public MigrationIndex indexOrFind() {
        return index != null ? index : MigrationIndex.find();
    }
}
