package dev.permafrost.processor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.permafrost.message.Message;
import dev.permafrost.processor.read.TypeMapper;
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
        List<String> missing = Arrays.stream(Message.values()).map(Message::code).distinct()
                .filter(code -> !readme.contains("| " + code + " |")).toList();
        assertEquals(List.of(), missing, "codes without a row in README.md's troubleshooting table");
    }

    @Test
    void theEntryPointReportsAnOldJdkWithTheCataloguesText() {
        Object[] args = {21, "17", "/usr/lib/jvm/java-17", 21, 21, 21, 21};
        assertEquals(Message.JDK_TOO_OLD.format(args), String.format(PermafrostProcessor.JDK_TOO_OLD, args));
        assertEquals(21, PermafrostProcessor.BASELINE);
        assertEquals(8, PermafrostProcessor.feature("1.8"));
        assertEquals(17, PermafrostProcessor.feature("17"));
        assertEquals(25, PermafrostProcessor.feature("25"));
    }

    @Test
    void everyMessageStartsWithItsCode() {
        for (Message msg : Message.values()) {
            assertTrue(msg.format(new Object[20]).startsWith("[" + msg.code() + "] "), msg.name());
        }
    }

    /** PF201 lists what the type mapper maps, from the type mapper. */
    @Test
    void theSupportedTypesComeFromTheTypeMapper() {
        assertEquals("boolean, byte, short, int, long, float, double (and their boxes), BigDecimal, String, char[],"
                + " byte[], UUID, LocalDate, LocalTime, LocalDateTime, Instant, OffsetDateTime and enums",
                TypeMapper.SUPPORTED);
    }
}
