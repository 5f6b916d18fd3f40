package dev.permafrost.spring;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code permafrost.*}: how the starter migrates at start-up. The top-level settings describe the application's
 * database; with {@code permafrost.instances.<name>.*} each named instance migrates a database of its own, and what
 * an instance leaves unset it takes from the top level.
 */
@ConfigurationProperties(prefix = "permafrost")
public class PermafrostProperties extends PermafrostDatabaseProperties {

    /** Whether to migrate at start-up. */
    private boolean enabled = true;

    /** Whether to run validate() after migrating, and fail start-up if the live schema drifted from the migrations. */
    private boolean validateOnMigrate;

    /** Whether to tolerate migrations in the database that this build does not know (a newer build ran). */
    private boolean allowUnknownMigrations;

    /** How long to wait for another instance that is migrating the same database. */
    private Duration lockTimeout = Duration.ofMinutes(5);

    /** Tables Permafrost does not own (another library's), left out of validation. */
    private List<String> ignoreTables = new ArrayList<>();

    /** Whether PostgreSQL migrations change tables that exist without blocking writers (concurrent indexes,
     * constraints validated apart); false: every migration in one transaction. */
    private boolean lockSafeDdl = true;

    /** How long one DDL statement waits for a lock before it gives up and is retried. */
    private Duration statementLockTimeout = Duration.ofSeconds(5);

    /** Named instances, each migrating its own database with its own migrations package; when set, they replace
     * the single top-level one. */
    private Map<String, Instance> instances = new LinkedHashMap<>();

    /** One named database to migrate; unset settings take the top-level ones. */
    public static class Instance extends PermafrostDatabaseProperties {

        /** Whether to migrate this instance at start-up. */
        private Boolean enabled;

        /** Whether to run validate() after migrating, and fail start-up on drift. */
        private Boolean validateOnMigrate;

        /** Whether to tolerate migrations in the database that this build does not know. */
        private Boolean allowUnknownMigrations;

        /** How long to wait for another instance that is migrating the same database. */
        private Duration lockTimeout;

        /** Tables Permafrost does not own, left out of validation. */
        private List<String> ignoreTables;

        /** Whether PostgreSQL migrations change tables that exist without blocking writers. */
        private Boolean lockSafeDdl;

        /** How long one DDL statement waits for a lock before it gives up and is retried. */
        private Duration statementLockTimeout;

        /** Name of the DataSource bean to migrate. */
        private String dataSource;

        public Boolean getEnabled() {
            return enabled;
        }

        public void setEnabled(Boolean enabled) {
            this.enabled = enabled;
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

        public Duration getStatementLockTimeout() {
            return statementLockTimeout;
        }

        public void setStatementLockTimeout(Duration statementLockTimeout) {
            this.statementLockTimeout = statementLockTimeout;
        }

        public String getDataSource() {
            return dataSource;
        }

        public void setDataSource(String dataSource) {
            this.dataSource = dataSource;
        }
    }

    public boolean isEnabled() {
        return enabled;
    }

    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    public boolean isValidateOnMigrate() {
        return validateOnMigrate;
    }

    public void setValidateOnMigrate(boolean validateOnMigrate) {
        this.validateOnMigrate = validateOnMigrate;
    }

    public boolean isAllowUnknownMigrations() {
        return allowUnknownMigrations;
    }

    public void setAllowUnknownMigrations(boolean allowUnknownMigrations) {
        this.allowUnknownMigrations = allowUnknownMigrations;
    }

    public Duration getLockTimeout() {
        return lockTimeout;
    }

    public void setLockTimeout(Duration lockTimeout) {
        this.lockTimeout = lockTimeout;
    }

    public List<String> getIgnoreTables() {
        return ignoreTables;
    }

    public void setIgnoreTables(List<String> ignoreTables) {
        this.ignoreTables = ignoreTables;
    }

    public boolean isLockSafeDdl() {
        return lockSafeDdl;
    }

    public void setLockSafeDdl(boolean lockSafeDdl) {
        this.lockSafeDdl = lockSafeDdl;
    }

    public Duration getStatementLockTimeout() {
        return statementLockTimeout;
    }

    public void setStatementLockTimeout(Duration statementLockTimeout) {
        this.statementLockTimeout = statementLockTimeout;
    }

    public Map<String, Instance> getInstances() {
        return instances;
    }

    public void setInstances(Map<String, Instance> instances) {
        this.instances = instances;
    }
}
