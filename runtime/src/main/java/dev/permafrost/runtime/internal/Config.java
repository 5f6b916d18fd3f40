package dev.permafrost.runtime.internal;

import dev.permafrost.runtime.spi.MigrationIndex;
import javax.sql.DataSource;

/**
 * A migrator's settings.
 *
 * @param index the migrations; {@code null} to find the generated index with {@link java.util.ServiceLoader}
 * @param allowUnknownMigrations whether migrations in the database that this build does not know are tolerated
 */
public record Config(DataSource dataSource, MigrationIndex index, boolean allowUnknownMigrations) {
}
