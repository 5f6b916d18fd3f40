package dev.permafrost.spring;

import java.time.Duration;
import java.util.List;

/**
 * One instance's settings after its own properties are laid over the top-level ones, and the top-level ones over the
 * defaults (those the configuration metadata states).
 */
record InstanceSettings(String name, boolean enabled, Integer targetVersion, boolean validateOnMigrate,
                        boolean allowUnknownMigrations, Duration lockTimeout, String migrationsPackage,
                        List<String> ignoreTables, boolean lockSafeDdl, boolean groupPending,
                        Duration statementLockTimeout, String schema,
                        List<String> schemas, String dataSource, String url, String user, String password) {

    /** The name of the instance that migrates the application's database, as Flyway's bean is {@code flyway}. */
    static final String DEFAULT = "permafrostMigrator";

    static final Duration LOCK_TIMEOUT = Duration.ofMinutes(5);
    static final Duration STATEMENT_LOCK_TIMEOUT = Duration.ofSeconds(5);

    static InstanceSettings of(PermafrostProperties top) {
        return new InstanceSettings(DEFAULT, top.isEnabled(), top.getTargetVersion(), or(top.getValidateOnMigrate(), false),
                or(top.getAllowUnknownMigrations(), false), or(top.getLockTimeout(), LOCK_TIMEOUT),
                top.getMigrationsPackage(), List.copyOf(or(top.getIgnoreTables(), List.of())),
                or(top.getLockSafeDdl(), true), or(top.getGroupPending(), false),
                or(top.getStatementLockTimeout(), STATEMENT_LOCK_TIMEOUT),
                top.getSchema(), top.getSchemas() == null ? List.of() : List.copyOf(top.getSchemas()), null, top.getUrl(),
                top.getUser(), top.getPassword());
    }

    static InstanceSettings of(String name, PermafrostProperties.Instance own, PermafrostProperties top) {
        InstanceSettings base = of(top);
        boolean ownDatabase = own.getUrl() != null || own.getDataSource() != null;
        return new InstanceSettings(name, or(own.getEnabled(), base.enabled), or(own.getTargetVersion(),
                base.targetVersion), or(own.getValidateOnMigrate(), base.validateOnMigrate),
                or(own.getAllowUnknownMigrations(), base.allowUnknownMigrations), or(own.getLockTimeout(),
                base.lockTimeout), or(own.getMigrationsPackage(), base.migrationsPackage),
                own.getIgnoreTables() != null ? List.copyOf(own.getIgnoreTables()) : base.ignoreTables,
                or(own.getLockSafeDdl(), base.lockSafeDdl), or(own.getGroupPending(), base.groupPending),
                or(own.getStatementLockTimeout(), base.statementLockTimeout),
                or(own.getSchema(), base.schema), own.getSchemas() != null ? List.copyOf(own.getSchemas()) : base.schemas,
                own.getDataSource(), ownDatabase ? own.getUrl() : base.url,
                ownDatabase ? own.getUser() : base.user, ownDatabase ? own.getPassword() : base.password);
    }

    /**
     * This instance's settings for one tenant schema of its {@code schemas}, named {@code <instance>/<schema>}.
     *
     * @throws IllegalStateException when {@code schema} is set as well: one of the two says where to migrate
     */
    InstanceSettings forTenant(String tenant) {
        if (schema != null) {
            throw new IllegalStateException((name.equals(DEFAULT) ? "permafrost" : "permafrost.instances." + name)
                    + " sets both schema (" + schema + ") and schemas " + schemas + "; keep one: schema for one schema,"
                    + " schemas for tenant schemas migrated as a fleet");
        }
        return new InstanceSettings(name + "/" + tenant, enabled, targetVersion, validateOnMigrate, allowUnknownMigrations,
                lockTimeout, migrationsPackage, ignoreTables, lockSafeDdl, groupPending, statementLockTimeout, tenant,
                List.of(),
                dataSource, url, user, password);
    }

    private static <T> T or(T own, T base) {
        return own != null ? own : base;
    }

    /** Never the password. */
    @Override
    public String toString() {
        return "InstanceSettings[" + name + (url != null ? ", url" : dataSource != null ? ", " + dataSource : "") + "]";
    }
}
