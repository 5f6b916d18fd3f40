package dev.permafrost.runtime.internal;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.permafrost.runtime.PermafrostException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An older jOOQ chosen by a dependency manager (Spring Boot's 3.19) is refused before anything calls it. */
class JooqVersionTest {

    @Test
    void versionsOlderThan321AreTooOld() {
        assertTrue(JooqVersion.tooOld("3.19.27"));
        assertTrue(JooqVersion.tooOld("3.20.9"));
        assertTrue(JooqVersion.tooOld("2.99"));
        assertFalse(JooqVersion.tooOld("3.21.0"));
        assertFalse(JooqVersion.tooOld("3.21.7"));
        assertFalse(JooqVersion.tooOld("3.22.0-SNAPSHOT"));
        assertFalse(JooqVersion.tooOld("4.0"));
        assertFalse(JooqVersion.tooOld("unreadable"), "a version that cannot be read is not refused");
    }

    @Test
    void theJooqThisBuildRunsOnPasses() {
        assertDoesNotThrow(() -> JooqVersion.check(JooqVersionTest.class.getClassLoader()));
    }

    @Test
    void anOlderJooqOnTheClassPathIsRefusedWithTheFix(@TempDir Path dir) throws Exception {
        Path pom = dir.resolve(JooqVersion.POM_PROPERTIES);
        Files.createDirectories(pom.getParent());
        Files.writeString(pom, "artifactId=jooq\ngroupId=org.jooq\nversion=3.19.27\n");
        try (URLClassLoader loader = new URLClassLoader(new URL[] {dir.toUri().toURL()}, null)) {
            PermafrostException e = assertThrows(PermafrostException.class, () -> JooqVersion.check(loader));
            assertEquals("PF626", e.messageCode());
            assertTrue(e.getMessage().startsWith("Permafrost's runtime needs jOOQ 3.21 or newer, but the class path has"
                    + " jOOQ 3.19.27 (" + dir + ")."), e.getMessage());
            assertTrue(e.getMessage().contains("<jooq.version>3.21.7</jooq.version>"), e.getMessage());
        }
    }

    @Test
    void aJarIsNamedByItsPath() throws Exception {
        assertEquals("/repo/org/jooq/jooq/3.19.27/jooq-3.19.27.jar", JooqVersion.location(new URL(
                "jar:file:/repo/org/jooq/jooq/3.19.27/jooq-3.19.27.jar!/" + JooqVersion.POM_PROPERTIES)));
    }

    @Test
    void noJooqMetadataPasses() throws Exception {
        try (URLClassLoader loader = new URLClassLoader(new URL[0], null)) {
            assertDoesNotThrow(() -> JooqVersion.check(loader));
        }
    }
}
