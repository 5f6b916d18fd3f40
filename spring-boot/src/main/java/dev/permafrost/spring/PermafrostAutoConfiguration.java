package dev.permafrost.spring;

import dev.permafrost.runtime.Migrator;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.LazyInitializationExcludeFilter;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.sql.init.dependency.DatabaseInitializationDependencyConfigurer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.ConfigurationCondition;
import org.springframework.context.annotation.Import;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * Migrates the application's database at start-up, before anything that uses it is created.
 *
 * <p>Runs after Boot's {@code DataSourceAutoConfiguration}, named as both lines spell it (Boot 4 moved it to
 * {@code org.springframework.boot.jdbc.autoconfigure}); nothing here refers to a class that moved, so one jar serves
 * Boot 3.5 and 4.0 (ADR 0020).
 */
@AutoConfiguration(afterName = {
        "org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration",
        "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration"})
@ConditionalOnClass(Migrator.class)
@ConditionalOnProperty(prefix = "permafrost", name = "enabled", havingValue = "true", matchIfMissing = true)
@EnableConfigurationProperties(PermafrostProperties.class)
@Import(DatabaseInitializationDependencyConfigurer.class)
public class PermafrostAutoConfiguration {

    @Bean
    MigratorFactory permafrostMigratorFactory(ListableBeanFactory beans,
            @PermafrostDataSource ObjectProvider<DataSource> permafrostDataSource, ObjectProvider<DataSource> dataSource,
            ObjectProvider<PermafrostConfigurationCustomizer> customizers) {
        return new MigratorFactory(beans, permafrostDataSource, dataSource, customizers);
    }

    /** The migrator of the application's database, unless the application defines one or names instances. */
    @Bean
    @ConditionalOnMissingBean(Migrator.class)
    @Conditional(ApplicationDatabaseCondition.class)
    public Migrator permafrostMigrator(MigratorFactory factory, PermafrostProperties properties) {
        return factory.create(InstanceSettings.of(properties));
    }

    /**
     * Every {@code Migrator} bean (the starter's, or the application's own), then every enabled
     * {@code permafrost.instances} entry, in the order they are declared.
     */
    @Bean
    @ConditionalOnMissingBean
    public PermafrostMigrators permafrostMigrators(ListableBeanFactory beans, MigratorFactory factory,
            PermafrostProperties properties) {
        List<PermafrostMigrators.Group> groups = new ArrayList<>();
        InstanceSettings top = InstanceSettings.of(properties);
        for (Map.Entry<String, Migrator> bean : beans.getBeansOfType(Migrator.class).entrySet()) {
            groups.add(PermafrostMigrators.Group.of(new PermafrostInstance(bean.getKey(), bean.getValue(),
                    top.targetVersion(), top.validateOnMigrate())));
        }
        if (properties.getInstances().isEmpty() && !top.schemas().isEmpty() && top.enabled()) {
            groups.add(fleet(top, factory, properties));
        }
        for (Map.Entry<String, PermafrostProperties.Instance> entry : properties.getInstances().entrySet()) {
            InstanceSettings settings = InstanceSettings.of(entry.getKey(), entry.getValue(), properties);
            if (!settings.enabled()) {
                continue;
            }
            groups.add(settings.schemas().isEmpty() ? PermafrostMigrators.Group.of(new PermafrostInstance(settings.name(),
                    factory.create(settings), settings.targetVersion(), settings.validateOnMigrate()))
                    : fleet(settings, factory, properties));
        }
        return PermafrostMigrators.ofGroups(groups);
    }

    /** An instance's tenant schemas, one migrator each, migrated together as {@code permafrost.fleet.*} says. */
    private static PermafrostMigrators.Group fleet(InstanceSettings settings, MigratorFactory factory,
            PermafrostProperties properties) {
        List<PermafrostInstance> tenants = new ArrayList<>();
        for (String schema : settings.schemas()) {
            InstanceSettings tenant;
            try {
                tenant = settings.forTenant(schema);
            } catch (IllegalStateException e) {
                throw new PermafrostMigrationException(settings.name(), e);
            }
            tenants.add(new PermafrostInstance(tenant.name(), factory.create(tenant), tenant.targetVersion(),
                    tenant.validateOnMigrate()));
        }
        return new PermafrostMigrators.Group(settings.name(), tenants, properties.getFleet());
    }

    @Bean
    @ConditionalOnMissingBean
    public PermafrostMigrationInitializer permafrostMigrationInitializer(PermafrostMigrators migrators,
            ObjectProvider<PermafrostMigrationStrategy> strategy) {
        return new PermafrostMigrationInitializer(migrators, strategy.getIfAvailable());
    }

    /**
     * With {@code spring.main.lazy-initialization=true} nothing would ask for the initializer, and the application
     * would start on an unmigrated database: it is always created eagerly.
     */
    @Bean
    static LazyInitializationExcludeFilter permafrostLazyInitializationExcludeFilter() {
        return LazyInitializationExcludeFilter.forBeanTypes(PermafrostMigrationInitializer.class);
    }

    @Bean
    static PermafrostSchemaManagementProvider permafrostSchemaManagementProvider(
            ObjectProvider<PermafrostMigrators> migrators) {
        return new PermafrostSchemaManagementProvider(migrators);
    }

    /**
     * The application's database is migrated when {@code permafrost.instances} is empty and there is a database:
     * a {@code DataSource} bean or {@code permafrost.url}.
     */
    static final class ApplicationDatabaseCondition extends SpringBootCondition implements ConfigurationCondition {

        @Override
        public ConfigurationPhase getConfigurationPhase() {
            return ConfigurationPhase.REGISTER_BEAN;
        }

        @Override
        public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
            Binder binder = Binder.get(context.getEnvironment());
            if (binder.bind("permafrost.instances", Bindable.mapOf(String.class, PermafrostProperties.Instance.class))
                    .map(m -> !m.isEmpty()).orElse(false)) {
                return ConditionOutcome.noMatch("permafrost.instances names the databases to migrate");
            }
            if (binder.bind("permafrost.schemas", Bindable.listOf(String.class)).map(l -> !l.isEmpty()).orElse(false)) {
                return ConditionOutcome.noMatch("permafrost.schemas names tenant schemas, migrated as a fleet");
            }
            if (context.getEnvironment().containsProperty("permafrost.url")) {
                return ConditionOutcome.match("permafrost.url is set");
            }
            if (context.getBeanFactory() != null
                    && context.getBeanFactory().getBeanNamesForType(DataSource.class, true, false).length > 0) {
                return ConditionOutcome.match("found a DataSource bean");
            }
            return ConditionOutcome.noMatch("no DataSource bean and no permafrost.url");
        }
    }
}
