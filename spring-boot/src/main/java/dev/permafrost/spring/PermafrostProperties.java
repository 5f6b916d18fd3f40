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

    public Map<String, Instance> getInstances() {
        return instances;
    }

    public void setInstances(Map<String, Instance> instances) {
        this.instances = instances;
    }
}
