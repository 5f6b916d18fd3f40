package dev.permafrost.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.permafrost.message.Message;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * One catalogue for the product: every run-time failure is made from a {@link Message}, so it carries a code the
 * README explains (the processor's MessageCatalogTest checks every code has a row there), and no code names two
 * findings.
 */
class MessageCatalogueTest {

    @Test
    void everyRunTimeFailureComesFromTheCatalogue() throws Exception {
        List<String> inline = new ArrayList<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).sorted().toList()) {
                List<String> lines = Files.readAllLines(file);
                for (int i = 0; i < lines.size(); i++) {
                    if (lines.get(i).contains("new PermafrostException(") && !file.endsWith("message/Message.java")
                            && !file.endsWith("runtime/Migrator.java")) {
                        inline.add(file + ":" + (i + 1));
                    }
                }
            }
        }
        assertEquals(List.of(), inline, "failures made outside the catalogue");
    }

    @Test
    void theJavaVersionCheckHoldsTheCataloguesText() {
        assertEquals(Message.JAVA_TOO_OLD.text(17, "/usr/lib/jvm/java-17"),
                String.format(Migrator.JAVA_TOO_OLD, 17, "/usr/lib/jvm/java-17"));
        assertEquals("PF623", Message.JAVA_TOO_OLD.code());
    }

    @Test
    void aCodeNamesOneFindingOnlyVariantsOfOneShareIt() {
        Map<String, String> shared = new TreeMap<>();
        Stream.of(Message.values()).collect(Collectors.groupingBy(Message::code, TreeMap::new, Collectors.toList()))
                .forEach((code, messages) -> {
                    if (messages.size() > 1) {
                        shared.put(code, messages.stream().map(Enum::name).collect(Collectors.joining(", ")));
                    }
                });
        // An option value that is not valid, said for a package name; a NOT NULL column without a default, said
        // where a compatible column is dropped beside it (a rename, most likely).
        assertEquals(Map.of("PF101", "OPTION_VALUE, NOT_A_PACKAGE",
                "PF501", "NOT_NULL_WITHOUT_DEFAULT, NOT_NULL_LOOKS_LIKE_RENAME"), shared);
    }

    @Test
    void aRunTimeFailureCarriesItsCodeIntoEveryStackTrace() {
        PermafrostException e = Message.LOCK_TIMEOUT.exception("PostgreSQL advisory lock", 60L);
        assertEquals("PF707", e.messageCode());
        assertEquals(ErrorCode.LOCK_TIMEOUT, e.code());
        assertEquals("PermafrostException[PF707 LOCK_TIMEOUT]: " + e.getMessage(), e.toString());
    }
}
