package dev.permafrost.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** A portable identifier is {@code [a-z_][a-z0-9_]*} of at most 63 characters, whatever checks it. */
class NamesTest {

    private static final Pattern RULE = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

    @Test
    void anIdentifierIsWhatTheRuleSays() {
        List<String> names = new java.util.ArrayList<>(List.of("", "a", "_", "a1", "1a", "_1", "A", "aB", "a-b", "a b",
                "\u00e9", "a\u00e9", "order_items", "a".repeat(63), "a".repeat(64), "z9_", "{", "`", "@", "[", "/", ":"));
        for (char c = 0; c < 200; c++) {
            names.add("x" + c);
            names.add(String.valueOf(c));
        }
        for (String name : names) {
            assertEquals(RULE.matcher(name).matches(), Names.isIdentifier(name), "'" + name + "'");
        }
        assertEquals(false, Names.isIdentifier(null));
        assertEquals(true, Names.isPortable("Order_Items"));
        assertEquals(false, Names.isPortable("Order-Items"));
    }
}
