package dev.permafrost.spring;

import dev.permafrost.runtime.Migrator;

/**
 * Adjusts the settings of the migrators the starter builds, after the {@code permafrost.*} properties are applied
 * (for example {@code builder.logger(..)} or {@code builder.migrations(..)}). Beans of this type are applied in
 * their {@link org.springframework.core.annotation.Order order}.
 */
@FunctionalInterface
public interface PermafrostConfigurationCustomizer {

    /**
     * @param instance the instance's name: {@code permafrostMigrator} for the application's database, or the key
     *     under {@code permafrost.instances}
     */
    void customize(String instance, Migrator.Builder builder);
}
