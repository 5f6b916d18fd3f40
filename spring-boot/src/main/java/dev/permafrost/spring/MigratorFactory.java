package dev.permafrost.spring;

import dev.permafrost.runtime.Migrator;
import dev.permafrost.runtime.spi.MigrationIndex;
import java.util.Arrays;
import javax.sql.DataSource;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.NoSuchBeanDefinitionException;
import org.springframework.beans.factory.ObjectProvider;

/** Builds the migrators of the {@code permafrost.*} properties, finding each one's data source. */
final class MigratorFactory {

    private final ListableBeanFactory beans;
    private final ObjectProvider<DataSource> permafrostDataSource;
    private final ObjectProvider<DataSource> dataSource;
    private final ObjectProvider<PermafrostConfigurationCustomizer> customizers;

    MigratorFactory(ListableBeanFactory beans, ObjectProvider<DataSource> permafrostDataSource,
                    ObjectProvider<DataSource> dataSource, ObjectProvider<PermafrostConfigurationCustomizer> customizers) {
        this.beans = beans;
        this.permafrostDataSource = permafrostDataSource;
        this.dataSource = dataSource;
        this.customizers = customizers;
    }

    /**
     * @throws PermafrostMigrationException when the instance's data source or migrations cannot be found, so that
     *     start-up reports it as its failure
     */
    Migrator create(InstanceSettings settings) {
        try {
            return build(settings);
        } catch (RuntimeException e) {
            throw new PermafrostMigrationException(settings.name(), e);
        }
    }

    private Migrator build(InstanceSettings settings) {
        Migrator.Builder builder = settings.url() != null
                ? Migrator.configure(settings.url(), settings.user(), settings.password())
                : Migrator.configure(dataSource(settings));
        if (settings.migrationsPackage() != null) {
            builder.migrations(MigrationIndex.inPackage(settings.migrationsPackage()));
        }
        builder.allowUnknownMigrations(settings.allowUnknownMigrations()).lockTimeout(settings.lockTimeout())
                .ignoreTables(settings.ignoreTables().toArray(String[]::new)).lockSafeDdl(settings.lockSafeDdl())
                .groupPending(settings.groupPending()).statementLockTimeout(settings.statementLockTimeout());
        if (settings.schema() != null) {
            builder.schema(settings.schema());
        }
        for (PermafrostConfigurationCustomizer customizer : customizers.orderedStream().toList()) {
            customizer.customize(settings.name(), builder);
        }
        return builder.build();
    }

    private DataSource dataSource(InstanceSettings settings) {
        if (settings.dataSource() != null) {
            try {
                return beans.getBean(settings.dataSource(), DataSource.class);
            } catch (NoSuchBeanDefinitionException e) {
                throw new IllegalStateException("permafrost.instances." + settings.name() + ".data-source names '"
                        + settings.dataSource() + "', but there is no DataSource bean of that name; there are "
                        + Arrays.toString(beans.getBeanNamesForType(DataSource.class)), e);
            }
        }
        DataSource marked = permafrostDataSource.getIfAvailable();
        if (marked != null) {
            return marked;
        }
        DataSource primary = dataSource.getIfUnique();
        if (primary == null) {
            String where = settings.name().equals(InstanceSettings.DEFAULT) ? "permafrost.url"
                    : "permafrost.instances." + settings.name() + ".data-source or .url";
            throw new IllegalStateException("Permafrost cannot tell which DataSource '" + settings.name()
                    + "' migrates: there are " + Arrays.toString(beans.getBeanNamesForType(DataSource.class))
                    + " and none is @Primary. Mark one @Primary or @PermafrostDataSource, or set " + where + ".");
        }
        return primary;
    }
}
