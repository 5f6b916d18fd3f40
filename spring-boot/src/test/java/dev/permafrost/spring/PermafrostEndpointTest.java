package dev.permafrost.spring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.permafrost.spring.PermafrostEndpoint.MigratorDescriptor;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** {@code /actuator/permafrost}: present with actuator when exposed, and the mirror of {@code status()}. */
class PermafrostEndpointTest {

    private final String url = Databases.newUrl();

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(Boot.autoConfigurations("DataSourceAutoConfiguration"))
            .withConfiguration(AutoConfigurations.of(PermafrostAutoConfiguration.class,
                    PermafrostEndpointAutoConfiguration.class))
            .withPropertyValues("spring.datasource.url=" + url, "spring.datasource.generate-unique-name=false",
                    "permafrost.migrations-package=dev.permafrost.spring.shop");

    @Test
    void reportsEachMigrationOfEachInstance() {
        runner.withPropertyValues("management.endpoints.web.exposure.include=permafrost").run(context -> {
            assertThat(context).hasNotFailed().hasSingleBean(PermafrostEndpoint.class);
            PermafrostEndpoint.PermafrostReport report = context.getBean(PermafrostEndpoint.class).migrations();
            assertThat(report.contexts()).hasSize(1);
            MigratorDescriptor migrator = report.contexts().values().iterator().next().migrators().get("permafrostMigrator");
            assertThat(migrator.currentVersion()).isEqualTo(2);
            assertThat(migrator.database()).startsWith("H2");
            assertThat(migrator.migrations()).extracting(m -> m.version() + " " + m.description() + " " + m.state() + " "
                    + m.checksum()).containsExactly("1 baseline APPLIED shop-1", "2 item price APPLIED shop-2");
            assertThat(Instant.parse(migrator.migrations().get(0).appliedAt())).isBefore(Instant.now().plusSeconds(1));
            assertThat(migrator.migrations().get(0).executionMillis()).isNotNegative();
        });
    }

    @Test
    void absentUnlessExposed() {
        runner.run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(PermafrostEndpoint.class));
    }

    @Test
    void absentWithoutActuator() {
        runner.withPropertyValues("management.endpoints.web.exposure.include=permafrost")
                .withClassLoader(new FilteredClassLoader(Endpoint.class))
                .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(PermafrostEndpoint.class));
    }
}
