package dev.permafrost.processor;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Nothing the processor writes may lie outside the schema directory and the migrations source root. */
class LayoutTest {

    private final Layout layout = new Layout(Path.of("/p/src/main/resources/db/permafrost"), Path.of("/p/src/main/java"),
            null);

    @Test
    void pathsInsideTheRootsAreAccepted() {
        assertDoesNotThrow(() -> layout.requireInside(Path.of("/p/src/main/java/com/acme/migrations/V0001_Baseline.java")));
        assertDoesNotThrow(() -> layout.requireInside(Path.of("/p/src/main/resources/db/permafrost/V0001.sql")));
    }

    @Test
    void pathsThatLeaveTheRootsAreRefused() {
        IOException e = assertThrows(IOException.class,
                () -> layout.requireInside(Path.of("/p/src/main/java/../../../tmp/evil/V0001_Baseline.java")));
        assertEquals("/p/tmp/evil/V0001_Baseline.java lies outside /p/src/main/resources/db/permafrost and"
                + " /p/src/main/java, where Permafrost writes", e.getMessage());
        assertThrows(IOException.class, () -> layout.requireInside(Path.of("/p/src/main/javaX/V0001_Baseline.java")));
    }

    /** New modules keep their frozen files outside the packaged resources; a module that began inside goes on there. */
    @Test
    void theDefaultSchemaDirectoryIsOutsideTheResourcesUnlessTheModuleBeganInside(@org.junit.jupiter.api.io.TempDir Path dir)
            throws IOException {
        Path current = dir.resolve("src/main/permafrost");
        Path earlier = dir.resolve("src/main/resources/db/permafrost");
        assertEquals(current, dev.permafrost.snapshot.FrozenFiles.defaultDir(dir));

        java.nio.file.Files.createDirectories(earlier);
        java.nio.file.Files.writeString(earlier.resolve("V0001.sql"), "-- not a manifest\n");
        assertEquals(current, dev.permafrost.snapshot.FrozenFiles.defaultDir(dir), "only a manifest says where a history is");

        java.nio.file.Files.writeString(earlier.resolve("permafrost.sum"), "format 1\n");
        assertEquals(earlier, dev.permafrost.snapshot.FrozenFiles.defaultDir(dir));

        java.nio.file.Files.createDirectories(current);
        java.nio.file.Files.writeString(current.resolve("permafrost.sum"), "format 1\n");
        dev.permafrost.snapshot.SnapshotException both = assertThrows(dev.permafrost.snapshot.SnapshotException.class,
                () -> dev.permafrost.snapshot.FrozenFiles.defaultDir(dir));
        assertEquals("permafrost.sum: is in both " + earlier + " and " + current + ": a module keeps one history."
                + " Keep the one version control had first, move its files with git mv if you want them in"
                + " src/main/permafrost (outside the packaged resources), and delete the other", both.getMessage());
    }
}
