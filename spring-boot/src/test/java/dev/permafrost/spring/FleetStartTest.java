package dev.permafrost.spring;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.jdbc.core.JdbcTemplate;

/** Tenant schemas of the application's database ({@code permafrost.schemas}) migrate at start-up as one fleet. */
class FleetStartTest {

    private static final String SHOP = "permafrost.migrations-package=dev.permafrost.spring.shop";

    private final String url = Databases.newUrl();

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(Boot.autoConfigurations("DataSourceAutoConfiguration", "JdbcTemplateAutoConfiguration"))
            .withConfiguration(AutoConfigurations.of(PermafrostAutoConfiguration.class))
            .withPropertyValues("spring.datasource.url=" + url, "spring.datasource.generate-unique-name=false", SHOP);

    @BeforeEach
    void tenants() {
        JdbcTemplate jdbc = new JdbcTemplate(Databases.dataSource(url));
        for (String schema : List.of("TENANT_A", "TENANT_B", "TENANT_C")) {
            jdbc.execute("create schema " + schema);
        }
    }

    private List<String> schemasWithItems(DataSource dataSource) {
        return new JdbcTemplate(dataSource).queryForList("select table_schema from information_schema.tables where"
                + " table_name = 'ITEMS' order by 1", String.class);
    }

    @Test
    void everyTenantSchemaIsMigratedAndNamedInTheInstances() {
        runner.withPropertyValues("permafrost.schemas=TENANT_A,TENANT_B,TENANT_C", "permafrost.fleet.parallelism=2")
                .run(context -> {
                    assertThat(context).hasNotFailed().doesNotHaveBean("permafrostMigrator");
                    assertThat(schemasWithItems(context.getBean(DataSource.class)))
                            .containsExactly("TENANT_A", "TENANT_B", "TENANT_C");
                    assertThat(Databases.tables(url)).as("the connection's own schema").doesNotContain("items");
                    PermafrostMigrators migrators = context.getBean(PermafrostMigrators.class);
                    assertThat(migrators.instances()).extracting(PermafrostInstance::name).containsExactly(
                            "permafrostMigrator/TENANT_A", "permafrostMigrator/TENANT_B", "permafrostMigrator/TENANT_C");
                    assertThat(migrators.groups()).hasSize(1);
                    assertThat(migrators.groups().get(0).fleet().getParallelism()).isEqualTo(2);
                    assertThat(migrators.migrator("permafrostMigrator/TENANT_B").status().currentVersion()).isEqualTo(2);
                });
    }

    @Test
    void aBrokenTenantFailsStartUpWithTheReportAndTheOthersGoOn() {
        runner.withPropertyValues("permafrost.schemas=TENANT_A,TENANT_MISSING,TENANT_B",
                "permafrost.fleet.continue-on-error=true").run(context -> {
                    assertThat(context).hasFailed();
                    FailureAnalysis analysis = PermafrostAutoConfigurationTest.analyze(context.getStartupFailure());
                    assertThat(analysis.getDescription()).startsWith("Permafrost could not migrate 'permafrostMigrator'"
                            + " at start-up:\n\n1 of 3 tenant schemas failed (first permafrostMigrator/TENANT_MISSING:"
                            + " PF628 ").contains("0 skipped", "FAILED", "MIGRATED");
                    assertThat(analysis.getAction()).contains("tenant schema the report marks FAILED");
                    assertThat(schemasWithItems(Databases.dataSource(url))).containsExactly("TENANT_A", "TENANT_B");
                });
    }

    @Test
    void withoutContinueOnErrorNoTenantStartsAfterAFailure() {
        runner.withPropertyValues("permafrost.schemas=TENANT_MISSING,TENANT_A,TENANT_B", "permafrost.fleet.canary=1")
                .run(context -> {
                    assertThat(context).hasFailed();
                    assertThat(PermafrostAutoConfigurationTest.analyze(context.getStartupFailure()).getDescription())
                            .contains("1 of 3 tenant schemas failed", "2 skipped");
                    assertThat(schemasWithItems(Databases.dataSource(url))).as("the canary failed").isEmpty();
                });
    }

    @Test
    void anInstanceMayBeAFleetAndSchemaWithSchemasIsRefused() {
        runner.withPropertyValues("permafrost.instances.shop.schemas=TENANT_A,TENANT_C").run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(schemasWithItems(context.getBean(DataSource.class))).containsExactly("TENANT_A", "TENANT_C");
            assertThat(context.getBean(PermafrostMigrators.class).instances()).extracting(PermafrostInstance::name)
                    .containsExactly("shop/TENANT_A", "shop/TENANT_C");
        });
        runner.withPropertyValues("permafrost.schema=TENANT_A", "permafrost.schemas=TENANT_B,TENANT_C").run(context -> {
            assertThat(context).hasFailed();
            assertThat(PermafrostAutoConfigurationTest.stackTrace(context.getStartupFailure())).contains("permafrost sets"
                    + " both schema (TENANT_A) and schemas [TENANT_B, TENANT_C]; keep one: schema for one schema, schemas"
                    + " for tenant schemas migrated as a fleet");
        });
    }
}
