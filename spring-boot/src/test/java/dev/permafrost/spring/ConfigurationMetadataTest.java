package dev.permafrost.spring;

import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.JsonPath;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The IDE completes every {@code permafrost.*} property, with its description and default. */
class ConfigurationMetadataTest {

    @Test
    void everyPropertyHasADescriptionAndTheDefaultsAreStated() throws Exception {
        String json;
        try (InputStream in = PermafrostProperties.class.getResourceAsStream("/META-INF/spring-configuration-metadata.json")) {
            json = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        List<Map<String, Object>> properties = JsonPath.read(json, "$.properties[?(@.name =~ /permafrost\\..*/)]");
        assertThat(properties).extracting(p -> p.get("name")).contains("permafrost.enabled", "permafrost.target-version",
                "permafrost.validate-on-migrate", "permafrost.allow-unknown-migrations", "permafrost.lock-timeout",
                "permafrost.migrations-package", "permafrost.ignore-tables", "permafrost.lock-safe-ddl",
                "permafrost.group-pending", "permafrost.statement-lock-timeout", "permafrost.url", "permafrost.user", "permafrost.password",
                "permafrost.instances", "permafrost.schema", "permafrost.schemas", "permafrost.fleet.parallelism",
                "permafrost.fleet.canary", "permafrost.fleet.continue-on-error");
        assertThat(properties).allSatisfy(p -> assertThat((String) p.get("description")).as("%s", p.get("name"))
                .isNotBlank());
        Map<Object, Object> defaults = new java.util.HashMap<>();
        properties.forEach(p -> defaults.put(p.get("name"), p.get("defaultValue")));
        assertThat(defaults).containsEntry("permafrost.enabled", true).containsEntry("permafrost.lock-timeout", "5m")
                .containsEntry("permafrost.lock-safe-ddl", true).containsEntry("permafrost.group-pending", false)
                .containsEntry("permafrost.statement-lock-timeout", "5s")
                .containsEntry("permafrost.validate-on-migrate", false).containsEntry("permafrost.fleet.parallelism", 4)
                .containsEntry("permafrost.fleet.canary", 0).containsEntry("permafrost.fleet.continue-on-error", false);
    }
}
