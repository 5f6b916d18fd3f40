package dev.permafrost.spring;

import dev.permafrost.runtime.MigrateResult;
import dev.permafrost.runtime.MigrationStatus;
import dev.permafrost.runtime.Migrator;

/**
 * One database the starter migrates at start-up: its name, its {@link Migrator}, and what {@code permafrost.*}
 * asks to be done with it.
 *
 * @param name {@code permafrostMigrator} (or the bean name of a {@code Migrator} the application defines) or the key
 *     under {@code permafrost.instances}
 * @param targetVersion the version to migrate up to, or {@code null} for the newest
 * @param validateOnMigrate whether {@link #migrate()} validates the live schema afterwards
 */
public record PermafrostInstance(String name, Migrator migrator, Integer targetVersion, boolean validateOnMigrate) {

    private static final System.Logger LOG = System.getLogger("dev.permafrost.spring");

    /**
     * What the starter does at start-up unless a {@link PermafrostMigrationStrategy} says otherwise: applies pending
     * migrations up to the target version (never reverting a database already past it), then, with
     * {@code validate-on-migrate}, checks the live schema and throws on drift.
     *
     * @return what was applied, or {@code null} when the database is already at or past the target version
     */
    public MigrateResult migrate() {
        MigrateResult result = null;
        if (targetVersion == null) {
            result = migrator.migrate();
        } else {
            MigrationStatus status = migrator.status();
            if (status.currentVersion() < targetVersion) {
                result = migrator.migrateTo(targetVersion);
            } else if (status.currentVersion() > targetVersion) {
                LOG.log(System.Logger.Level.WARNING, "{0}: the database is at V{1}, past target-version {2};"
                        + " left as it is (migrateTo reverts on purpose, start-up never does)", name,
                        String.format("%04d", status.currentVersion()), String.valueOf(targetVersion));
            }
        }
        if (validateOnMigrate) {
            migrator.validate().orThrow();
        }
        return result;
    }
}
