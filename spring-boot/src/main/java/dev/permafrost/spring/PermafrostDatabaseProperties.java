package dev.permafrost.spring;

import java.time.Duration;
import java.util.List;

/**
 * The settings {@code permafrost.*} and each {@code permafrost.instances.<name>.*} have in common, all unset here:
 * an instance's unset ones are the top level's, and the top level's are the defaults the configuration metadata
 * gives ({@link InstanceSettings} applies them).
 */
public abstract class PermafrostDatabaseProperties {

    /** The version to migrate up to; the newest when unset. A database already past it is left as it is. */
    private Integer targetVersion;

    /** Whether to run validate() after migrating, and fail start-up if the live schema drifted from the migrations. */
    private Boolean validateOnMigrate;

    /** Whether to tolerate migrations in the database that this build does not know (a newer build ran). */
    private Boolean allowUnknownMigrations;

    /** How long to wait for another instance that is migrating the same database. */
    private Duration lockTimeout;

    /** The package of the migrations to apply, when the class path holds the migrations of several modules. */
    private String migrationsPackage;

    /** Tables Permafrost does not own (another library's), left out of validation. */
    private List<String> ignoreTables;

    /**
     * Whether PostgreSQL migrations change tables that exist without blocking writers (concurrent indexes,
     * constraints validated apart); false: every migration in one transaction.
     */
    private Boolean lockSafeDdl;

    /**
     * Whether the pending migrations are applied in one transaction where DDL is transactional (SQLite, PostgreSQL):
     * all or none, one commit.
     */
    private Boolean groupPending;

    /** How long one DDL statement waits for a lock before it gives up and is retried. */
    private Duration statementLockTimeout;

    /** The schema to work in (on MariaDB the database), instead of the connection's own. */
    private String schema;

    /**
     * Tenant schemas (on MariaDB databases) to migrate as one fleet, each with its own history table, instead of
     * schema; permafrost.fleet.* says how many at once.
     */
    private List<String> schemas;

    /** JDBC URL of the database to migrate, instead of the application's DataSource. */
    private String url;

    /** Login user of the database given by url. */
    private String user;

    /** Login password of the database given by url (never logged or printed). */
    private String password;

    public Integer getTargetVersion() {
        return targetVersion;
    }

    public void setTargetVersion(Integer targetVersion) {
        this.targetVersion = targetVersion;
    }

    public Boolean getValidateOnMigrate() {
        return validateOnMigrate;
    }

    public void setValidateOnMigrate(Boolean validateOnMigrate) {
        this.validateOnMigrate = validateOnMigrate;
    }

    public Boolean getAllowUnknownMigrations() {
        return allowUnknownMigrations;
    }

    public void setAllowUnknownMigrations(Boolean allowUnknownMigrations) {
        this.allowUnknownMigrations = allowUnknownMigrations;
    }

    public Duration getLockTimeout() {
        return lockTimeout;
    }

    public void setLockTimeout(Duration lockTimeout) {
        this.lockTimeout = lockTimeout;
    }

    public String getMigrationsPackage() {
        return migrationsPackage;
    }

    public void setMigrationsPackage(String migrationsPackage) {
        this.migrationsPackage = migrationsPackage;
    }

    public List<String> getIgnoreTables() {
        return ignoreTables;
    }

    public void setIgnoreTables(List<String> ignoreTables) {
        this.ignoreTables = ignoreTables;
    }

    public Boolean getLockSafeDdl() {
        return lockSafeDdl;
    }

    public void setLockSafeDdl(Boolean lockSafeDdl) {
        this.lockSafeDdl = lockSafeDdl;
    }

    public Boolean getGroupPending() {
        return groupPending;
    }

    public void setGroupPending(Boolean groupPending) {
        this.groupPending = groupPending;
    }

    public Duration getStatementLockTimeout() {
        return statementLockTimeout;
    }

    public void setStatementLockTimeout(Duration statementLockTimeout) {
        this.statementLockTimeout = statementLockTimeout;
    }

    public String getSchema() {
        return schema;
    }

    public void setSchema(String schema) {
        this.schema = schema;
    }

    public List<String> getSchemas() {
        return schemas;
    }

    public void setSchemas(List<String> schemas) {
        this.schemas = schemas;
    }

    public String getUrl() {
        return url;
    }

    public void setUrl(String url) {
        this.url = url;
    }

    public String getUser() {
        return user;
    }

    public void setUser(String user) {
        this.user = user;
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }
}
