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
 */
public record Config(DataSource dataSource, MigrationIndex index, boolean allowUnknownMigrations, Duration lockTimeout,
                     Set<String> ignoredTables, System.Logger log) {

    /** The logger Permafrost reports to unless told otherwise. */
    public static final String LOGGER = "dev.permafrost.runtime";

    public Config {
        ignoredTables = Set.copyOf(ignoredTables);
        log = log != null ? log : System.getLogger(LOGGER);
    }

    public MigrationIndex indexOrFind() {
        return index != null ? index : MigrationIndex.find();
    }
}
