package dev.permafrost.spring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.permafrost.runtime.MigrationState;
import dev.permafrost.runtime.Migrator;
import dev.permafrost.runtime.PermafrostException;
import dev.permafrost.spring.shop.ShopIndex;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.jdbc.SchemaManagement;
import org.springframework.boot.jdbc.SchemaManagementProvider;
import org.springframework.boot.sql.init.dependency.DependsOnDatabaseInitialization;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.JdbcTemplate;

/** Every condition, property and hook of the auto-configuration, on real H2 databases. */
class PermafrostAutoConfigurationTest {

    private static final String SHOP = "permafrost.migrations-package=dev.permafrost.spring.shop";

    private final String url = Databases.newUrl();

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(Boot.autoConfigurations("DataSourceAutoConfiguration", "JdbcTemplateAutoConfiguration"))
            .withConfiguration(AutoConfigurations.of(PermafrostAutoConfiguration.class))
            .withPropertyValues("spring.datasource.url=" + url, "spring.datasource.generate-unique-name=false");

    @AfterEach
    void restoreChecksum() {
        ShopIndex.v1Checksum = "shop-1";
    }

    @Test
    void migratesTheApplicationsDataSourceAtStartUp() {
        runner.withPropertyValues(SHOP).run(context -> {
            assertThat(context).hasNotFailed().hasSingleBean(Migrator.class).hasBean("permafrostMigrator")
                    .hasSingleBean(PermafrostMigrationInitializer.class);
            assertThat(Databases.tables(url)).contains("items", "permafrost_history");
            assertThat(context.getBean(Migrator.class).status().currentVersion()).isEqualTo(2);
            assertThat(context.getBean(PermafrostMigrators.class).instances()).extracting(PermafrostInstance::name)
                    .containsExactly("permafrostMigrator");
        });
    }

    @Test
    void lazyInitializationStillMigratesAtStartUp() {
        runner.withPropertyValues(SHOP)
                .withInitializer(context -> context.addBeanFactoryPostProcessor(
                        new org.springframework.boot.LazyInitializationBeanFactoryPostProcessor()))
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    assertThat(Databases.tables(url)).as("spring.main.lazy-initialization=true").contains("items");
                });
    }

    @Test
    void unsetSettingsTakeTheDefaultsTheMetadataStates() {
        InstanceSettings defaults = InstanceSettings.of(new PermafrostProperties());
        assertThat(defaults.validateOnMigrate()).isFalse();
        assertThat(defaults.allowUnknownMigrations()).isFalse();
        assertThat(defaults.lockTimeout()).isEqualTo(Duration.ofMinutes(5));
        assertThat(defaults.ignoreTables()).isEmpty();
        assertThat(defaults.lockSafeDdl()).isTrue();
        assertThat(defaults.statementLockTimeout()).isEqualTo(Duration.ofSeconds(5));
    }

    @Test
    void aSecondStartAppliesNothing() {
        runner.withPropertyValues(SHOP).run(context -> assertThat(context).hasNotFailed());
        runner.withPropertyValues(SHOP).run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context.getBean(Migrator.class).status().migrations()).extracting(m -> m.state())
                    .containsExactly(MigrationState.APPLIED, MigrationState.APPLIED);
        });
    }

    @Test
    void backsOffWhenDisabled() {
        runner.withPropertyValues(SHOP, "permafrost.enabled=false").run(context -> {
            assertThat(context).hasNotFailed().doesNotHaveBean(Migrator.class)
                    .doesNotHaveBean(PermafrostMigrationInitializer.class);
            assertThat(Databases.tables(url)).doesNotContain("items", "permafrost_history");
        });
    }

    @Test
    void backsOffWithoutTheRuntimeOnTheClassPath() {
        runner.withClassLoader(new FilteredClassLoader(Migrator.class)).run(context ->
                assertThat(context).hasNotFailed().doesNotHaveBean(PermafrostMigrators.class));
    }

    @Test
    void withoutADatabaseThereIsNothingToMigrate() {
        new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(PermafrostAutoConfiguration.class))
                .run(context -> {
                    assertThat(context).hasNotFailed().doesNotHaveBean(Migrator.class);
                    assertThat(context.getBean(PermafrostMigrators.class).instances()).isEmpty();
                });
    }

    @Test
    void anApplicationsOwnMigratorReplacesTheStartersAndIsMigrated() {
        String own = Databases.newUrl();
        runner.withBean("ownMigrator", Migrator.class, () -> Migrator.configure(Databases.dataSource(own))
                        .migrations(new ShopIndex()).build())
                .run(context -> {
                    assertThat(context).hasNotFailed().hasSingleBean(Migrator.class).doesNotHaveBean("permafrostMigrator");
                    assertThat(context.getBean(PermafrostMigrators.class).instances()).extracting(PermafrostInstance::name)
                            .containsExactly("ownMigrator");
                    assertThat(Databases.tables(own)).contains("items");
                    assertThat(Databases.tables(url)).doesNotContain("items");
                });
    }

    @Test
    void anApplicationsOwnInitializerReplacesTheStarters() {
        runner.withPropertyValues(SHOP)
                .withBean("myInitializer", PermafrostMigrationInitializer.class,
                        () -> new PermafrostMigrationInitializer(new PermafrostMigrators(List.of()), null))
                .run(context -> {
                    assertThat(context).hasNotFailed().hasSingleBean(PermafrostMigrationInitializer.class)
                            .hasBean("myInitializer");
                    assertThat(Databases.tables(url)).doesNotContain("items");
                });
    }

    @Test
    void targetVersionStopsThereAndNeverReverts() {
        runner.withPropertyValues(SHOP, "permafrost.target-version=1").run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context.getBean(Migrator.class).status().currentVersion()).isEqualTo(1);
        });
        runner.withPropertyValues(SHOP).run(context -> assertThat(context).hasNotFailed());
        runner.withPropertyValues(SHOP, "permafrost.target-version=1").run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context.getBean(Migrator.class).status().currentVersion())
                    .as("a database past the target is left as it is").isEqualTo(2);
        });
    }

    @Test
    void validateOnMigrateStopsStartUpOnDriftAndIgnoreTablesLeavesOthersOut() {
        new JdbcTemplate(Databases.dataSource(url)).execute("create table other_library (id int)");
        runner.withPropertyValues(SHOP, "permafrost.validate-on-migrate=true").run(context -> {
            assertThat(context).hasFailed();
            PermafrostException cause = rootCause(context.getStartupFailure(), PermafrostException.class);
            assertThat(cause.messageCode()).isEqualTo("PF806");
            assertThat(cause.getMessage()).contains("other_library");
        });
        runner.withPropertyValues(SHOP, "permafrost.validate-on-migrate=true", "permafrost.ignore-tables=other_library")
                .run(context -> assertThat(context).hasNotFailed());
    }

    @Test
    void unknownMigrationsStopStartUpUnlessAllowed() {
        runner.withPropertyValues(SHOP).run(context -> assertThat(context).hasNotFailed());
        new JdbcTemplate(Databases.dataSource(url)).update("insert into permafrost_history (version, description,"
                + " checksum, applied_at, execution_ms, state, statements) values (3, 'newer', 'x',"
                + " '2026-12-01T00:00:00Z', 1, 'APPLIED', 1)");
        runner.withPropertyValues(SHOP).run(context -> {
            assertThat(context).hasFailed();
            assertThat(rootCause(context.getStartupFailure(), PermafrostException.class).messageCode()).isEqualTo("PF801");
        });
        runner.withPropertyValues(SHOP, "permafrost.allow-unknown-migrations=true")
                .run(context -> assertThat(context).hasNotFailed());
    }

    @Test
    void settingsBindAndInstancesTakeTheTopLevelOnes() {
        runner.withPropertyValues(SHOP, "permafrost.lock-timeout=7s", "permafrost.ignore-tables=a,b",
                "permafrost.lock-safe-ddl=false", "permafrost.statement-lock-timeout=250ms",
                "permafrost.instances.x.statement-lock-timeout=1s", "permafrost.group-pending=true",
                "permafrost.instances.x.group-pending=false").run(context -> {
                    PermafrostProperties properties = context.getBean(PermafrostProperties.class);
                    assertThat(properties.getLockTimeout()).isEqualTo(Duration.ofSeconds(7));
                    assertThat(properties.getIgnoreTables()).containsExactly("a", "b");
                    assertThat(properties.getLockSafeDdl()).isFalse();
                    assertThat(properties.getStatementLockTimeout()).isEqualTo(Duration.ofMillis(250));
                    InstanceSettings x = InstanceSettings.of("x", properties.getInstances().get("x"), properties);
                    assertThat(x.statementLockTimeout()).isEqualTo(Duration.ofSeconds(1));
                    assertThat(x.lockSafeDdl()).as("taken from the top level").isFalse();
                    assertThat(InstanceSettings.of(properties).groupPending()).isTrue();
                    assertThat(x.groupPending()).as("its own").isFalse();
                });
    }

    @Test
    void withTwoModulesOnTheClassPathAMissingPackageIsTheStartUpFailure() {
        runner.run(context -> {
            assertThat(context).hasFailed();
            PermafrostException cause = rootCause(context.getStartupFailure(), PermafrostException.class);
            assertThat(cause.getMessage()).contains("dev.permafrost.spring.shop", "dev.permafrost.spring.audit");
        });
        runner.withPropertyValues("permafrost.migrations-package=dev.permafrost.spring.nowhere").run(context -> {
            assertThat(context).hasFailed();
            FailureAnalysis analysis = analyze(context.getStartupFailure());
            assertThat(analysis.getDescription()).startsWith("Permafrost could not migrate 'permafrostMigrator' at"
                    + " start-up:\n\nPF");
            assertThat(analysis.getDescription()).contains("dev.permafrost.spring.nowhere");
        });
    }

    @Test
    void urlUserAndPasswordMigrateAnotherDatabaseAndThePasswordIsNeverPrinted() {
        String other = Databases.newUrl();
        runner.withPropertyValues(SHOP, "permafrost.url=" + other, "permafrost.user=sa", "permafrost.password=")
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    assertThat(Databases.tables(other)).contains("items");
                    assertThat(Databases.tables(url)).doesNotContain("items");
                });
        new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(PermafrostAutoConfiguration.class))
                .withPropertyValues(SHOP, "permafrost.url=jdbc:h2:tcp://127.0.0.1:1/nowhere", "permafrost.user=u",
                        "permafrost.password=s3cret")
                .run(context -> {
                    assertThat(context).hasFailed();
                    FailureAnalysis analysis = analyze(context.getStartupFailure());
                    assertThat(analysis.getDescription()).contains("PF620").doesNotContain("s3cret");
                    assertThat(stackTrace(context.getStartupFailure())).doesNotContain("s3cret");
                });
    }

    @Test
    void instancesCanBeSchemasOfTheApplicationsDatabase() {
        new org.springframework.jdbc.core.JdbcTemplate(Databases.dataSource(url)).execute("create schema TENANT_A");
        new org.springframework.jdbc.core.JdbcTemplate(Databases.dataSource(url)).execute("create schema TENANT_B");
        runner.withPropertyValues(SHOP, "permafrost.instances.a.schema=TENANT_A", "permafrost.instances.b.schema=TENANT_B")
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    var jdbc = new org.springframework.jdbc.core.JdbcTemplate(context.getBean(DataSource.class));
                    assertThat(jdbc.queryForList("select table_schema from information_schema.tables where table_name"
                            + " = 'ITEMS' order by 1", String.class)).containsExactly("TENANT_A", "TENANT_B");
                    assertThat(Databases.tables(url)).as("the connection's own schema").doesNotContain("items");
                });
    }

    @Test
    void aPermafrostDataSourceIsMigratedInsteadOfThePrimaryOne() {
        String ddl = Databases.newUrl();
        runner.withPropertyValues(SHOP).withUserConfiguration(TwoDataSources.class)
                .withBean("ddlDataSource", DataSource.class, () -> Databases.dataSource(ddl),
                        bd -> bd.setAutowireCandidate(true))
                .run(context -> assertThat(context).hasFailed());
        runner.withPropertyValues(SHOP).withUserConfiguration(MarkedDataSource.class).run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(Databases.tables(MarkedDataSource.URL)).contains("items");
            assertThat(Databases.tables(context.getBean("primaryDataSource", DataSource.class))).doesNotContain("items");
        });
    }

    @Test
    void severalDataSourcesWithoutAPrimaryOneIsAClearFailure() {
        runner.withPropertyValues(SHOP).withUserConfiguration(TwoDataSources.class).run(context -> {
            assertThat(context).hasFailed();
            FailureAnalysis analysis = analyze(context.getStartupFailure());
            assertThat(analysis.getDescription()).contains("cannot tell which DataSource 'permafrostMigrator' migrates",
                    "[one, two]", "@PermafrostDataSource", "permafrost.url");
        });
    }

    @Test
    void aStrategyReplacesMigrating() {
        List<String> seen = new ArrayList<>();
        runner.withPropertyValues(SHOP)
                .withBean(PermafrostMigrationStrategy.class, () -> instance -> seen.add(instance.name() + " "
                        + instance.migrator().status().pending().size()))
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    assertThat(seen).containsExactly("permafrostMigrator 2");
                    assertThat(Databases.tables(url)).doesNotContain("items");
                });
    }

    @Test
    void customizersAdjustEveryMigratorInOrder() {
        List<String> seen = new ArrayList<>();
        runner.withBean("second", PermafrostConfigurationCustomizer.class, () -> new OrderedCustomizer(2, seen))
                .withBean("first", PermafrostConfigurationCustomizer.class, () -> new OrderedCustomizer(1, seen))
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    assertThat(seen).containsExactly("1 permafrostMigrator", "2 permafrostMigrator");
                    assertThat(Databases.tables(url)).contains("items");
                });
    }

    @Test
    void namedInstancesMigrateTheirOwnDatabasesWithTheirOwnMigrations() {
        String audit = Databases.newUrl();
        String off = Databases.newUrl();
        runner.withPropertyValues("permafrost.validate-on-migrate=true",
                        "permafrost.instances.shop.data-source=dataSource",
                        "permafrost.instances.shop.migrations-package=dev.permafrost.spring.shop",
                        "permafrost.instances.shop.target-version=1",
                        "permafrost.instances.audit.url=" + audit, "permafrost.instances.audit.user=sa",
                        "permafrost.instances.audit.migrations-package=dev.permafrost.spring.audit",
                        "permafrost.instances.off.url=" + off, "permafrost.instances.off.enabled=false",
                        "permafrost.instances.off.migrations-package=dev.permafrost.spring.audit")
                .run(context -> {
                    assertThat(context).hasNotFailed().doesNotHaveBean(Migrator.class);
                    PermafrostMigrators migrators = context.getBean(PermafrostMigrators.class);
                    assertThat(migrators.instances()).extracting(PermafrostInstance::name).containsExactly("shop", "audit");
                    assertThat(migrators.get("shop").validateOnMigrate()).as("taken from the top level").isTrue();
                    assertThat(migrators.migrator("shop").status().currentVersion()).isEqualTo(1);
                    assertThat(Databases.tables(url)).contains("items").doesNotContain("events");
                    assertThat(Databases.tables(audit)).contains("events").doesNotContain("items");
                    assertThat(Databases.tables(off)).isEmpty();
                });
    }

    @Test
    void anInstanceNamingAMissingDataSourceSaysWhichThereAre() {
        runner.withPropertyValues("permafrost.instances.shop.data-source=shopDataSource",
                "permafrost.instances.shop.migrations-package=dev.permafrost.spring.shop").run(context -> {
                    assertThat(context).hasFailed();
                    assertThat(analyze(context.getStartupFailure()).getDescription()).contains(
                            "permafrost.instances.shop.data-source names 'shopDataSource', but there is no DataSource"
                                    + " bean of that name; there are [dataSource]");
                });
    }

    @Test
    void beansThatUseTheDatabaseAreCreatedAfterTheMigrations() {
        runner.withPropertyValues(SHOP).withUserConfiguration(UsesTheDatabase.class).run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context.getBean("countedWhenCreated", ItemCount.class).count).isZero();
            assertThat(context.getBean("countedWithJdbcTemplate", ItemCount.class).count).isZero();
        });
    }

    @Test
    void hibernateIsToldThatPermafrostManagesTheSchema() {
        runner.withPropertyValues(SHOP).run(context -> {
            SchemaManagementProvider provider = context.getBean(SchemaManagementProvider.class);
            assertThat(provider.getSchemaManagement(context.getBean(DataSource.class))).isEqualTo(SchemaManagement.MANAGED);
            assertThat(provider.getSchemaManagement(Databases.dataSource(Databases.newUrl())))
                    .isEqualTo(SchemaManagement.UNMANAGED);
        });
    }

    @Test
    void aChangedAppliedMigrationStopsStartUpWithPermafrostsMessageAsTheFailure() {
        runner.withPropertyValues(SHOP).run(context -> assertThat(context).hasNotFailed());
        ShopIndex.v1Checksum = "shop-1-edited";
        runner.withPropertyValues(SHOP).run(context -> {
            assertThat(context).hasFailed();
            FailureAnalysis analysis = analyze(context.getStartupFailure());
            PermafrostException cause = rootCause(context.getStartupFailure(), PermafrostException.class);
            assertThat(analysis.getDescription()).isEqualTo("Permafrost could not migrate 'permafrostMigrator' at"
                    + " start-up:\n\n" + cause.messageCode() + " " + cause.getMessage());
            assertThat(cause.messageCode()).isEqualTo("PF803");
            assertThat(analysis.getAction()).contains("PF803 is explained in the troubleshooting table");
        });
    }

    static FailureAnalysis analyze(Throwable failure) {
        FailureAnalysis analysis = new PermafrostFailureAnalyzer().analyze(failure);
        assertThat(analysis).as("the analyzer recognises %s", failure).isNotNull();
        return analysis;
    }

    static <T extends Throwable> T rootCause(Throwable failure, Class<T> type) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        throw new AssertionError("no " + type.getSimpleName() + " in " + stackTrace(failure));
    }

    static String stackTrace(Throwable failure) {
        java.io.StringWriter out = new java.io.StringWriter();
        failure.printStackTrace(new java.io.PrintWriter(out));
        return out.toString();
    }

    record OrderedCustomizer(int order, List<String> seen) implements PermafrostConfigurationCustomizer,
            org.springframework.core.Ordered {
        @Override
        public void customize(String instance, Migrator.Builder builder) {
            seen.add(order + " " + instance);
            builder.migrations(new ShopIndex());
        }

        @Override
        public int getOrder() {
            return order;
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class TwoDataSources {
        @Bean
        DataSource one() {
            return Databases.dataSource(Databases.newUrl());
        }

        @Bean
        DataSource two() {
            return Databases.dataSource(Databases.newUrl());
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class MarkedDataSource {
        static final String URL = Databases.newUrl();

        @Bean
        @Primary
        DataSource primaryDataSource() {
            return Databases.dataSource(Databases.newUrl());
        }

        @Bean
        @PermafrostDataSource
        DataSource ddlDataSource() {
            return Databases.dataSource(URL);
        }
    }

    /** A table's row count, read when the bean is created: it fails if the table does not exist yet. */
    static final class ItemCount {
        final int count;

        ItemCount(JdbcTemplate jdbc) {
            this.count = jdbc.queryForObject("select count(*) from items", Integer.class);
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class UsesTheDatabase {
        @Bean
        @DependsOnDatabaseInitialization
        ItemCount countedWhenCreated(DataSource dataSource) {
            return new ItemCount(new JdbcTemplate(dataSource));
        }

        @Bean
        ItemCount countedWithJdbcTemplate(JdbcTemplate jdbc) {
            return new ItemCount(jdbc);
        }
    }
}
