package dev.permafrost.processor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The message catalogue and the README's troubleshooting table stay in step. */
class MessageCatalogTest {

    @Test
    void everyCodeIsExplainedInTheReadme() throws Exception {
        String readme = Files.readString(Path.of("..", "README.md"));
        List<String> missing = Arrays.stream(Msg.values()).map(Msg::code).distinct()
                .filter(code -> !readme.contains("| " + code + " |")).toList();
        assertEquals(List.of(), missing, "codes without a row in README.md's troubleshooting table");
    }

    @Test
    void everyMessageStartsWithItsCode() {
        for (Msg msg : Msg.values()) {
            assertTrue(msg.format(new Object[20]).startsWith("[" + msg.code() + "] "), msg.name());
        }
    }
}
