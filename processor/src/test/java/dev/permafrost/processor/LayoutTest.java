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
}
