package dev.permafrost.spring;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringBootVersion;

/** These tests run twice, on Boot 3.5 (spring-boot) and on Boot 4.0 (spring-boot-4-tests): each on the line it names. */
class BootLineTest {

    @Test
    void runsOnTheBootItsBuildNames() {
        assertThat(SpringBootVersion.getVersion()).isEqualTo(System.getProperty("spring-boot.version"));
    }
}
