package dev.permafrost.spring;

import java.util.LinkedHashMap;
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

    /**
     * Named instances, each migrating its own database with its own migrations package; when set, they replace the
     * single top-level one.
     */
    private Map<String, Instance> instances = new LinkedHashMap<>();

    /** How the tenant schemas of permafrost.schemas (or an instance's) are migrated. */
    private final Fleet fleet = new Fleet();

    /** How tenant schemas are migrated at start-up: as a {@link dev.permafrost.runtime.Fleet}. */
    public static class Fleet {

        /** How many tenant schemas are migrated at once. */
        private int parallelism = 4;

        /** How many tenant schemas are migrated one by one first; start-up stops there if one of them fails. */
        private int canary = 0;

        /** Whether the other tenant schemas are still migrated after one fails (start-up fails either way). */
        private boolean continueOnError = false;

        public int getParallelism() {
            return parallelism;
        }

        public void setParallelism(int parallelism) {
            this.parallelism = parallelism;
        }

        public int getCanary() {
            return canary;
        }

        public void setCanary(int canary) {
            this.canary = canary;
        }

        public boolean isContinueOnError() {
            return continueOnError;
        }

        public void setContinueOnError(boolean continueOnError) {
            this.continueOnError = continueOnError;
        }
    }

    /** One named database to migrate; unset settings take the top-level ones. */
    public static class Instance extends PermafrostDatabaseProperties {

        /** Whether to migrate this instance at start-up. */
        private Boolean enabled;

        /** Name of the DataSource bean to migrate. */
        private String dataSource;

        public Boolean getEnabled() {
            return enabled;
        }

        public void setEnabled(Boolean enabled) {
            this.enabled = enabled;
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

    public Fleet getFleet() {
        return fleet;
    }

    public Map<String, Instance> getInstances() {
        return instances;
    }

    public void setInstances(Map<String, Instance> instances) {
        this.instances = instances;
    }
}
