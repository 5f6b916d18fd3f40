package dev.permafrost.snapshot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Formatting and comments do not change a stub's checksum; any change of code does. */
class StubChecksumTest {

    static final String STUB = """
            // Permafrost migration V0002: add email to customers.
            package com.acme.migrations;

            import static dev.permafrost.runtime.Ddl.*;

            import dev.permafrost.runtime.Migration;
            import dev.permafrost.runtime.Operations;

            public final class V0002_AddEmailToCustomers implements Migration {
                @Override
                public void up(Operations op) {
                    op.addColumn("customers", column("email", varchar(120)).defaultValue("'none'"));
                    op.sql(\"""
                        update customers
                           set email = 'a@b'
                        \""");
                }

                @Override
                public void down(Operations op) {
                    op.dropColumn("customers", "email");
                }
            }
            """;

    @Test
    void isSixtyFourCharactersWithItsScheme() {
        String checksum = StubChecksum.of(STUB);
        assertTrue(checksum.startsWith("t1:"), checksum);
        assertEquals(64, checksum.length());
    }

    @Test
    void formattingCommentsImportOrderAndLineEndingsDoNotCount() {
        String reformatted = STUB.replace("    ", "  ")
                .replace("op.addColumn(\"customers\", column(", "op.addColumn(\n      \"customers\",\n      column(")
                .replace("public void down(Operations op) {", "public void down(Operations op)\n  {");
        String commented = STUB.replace("    @Override\n    public void down",
                "    /** Restores the table. */\n    @Override // as generated\n    public void down")
                .replace("op.dropColumn(", "/* drop */ op.dropColumn(");
        String reordered = STUB.replace("import dev.permafrost.runtime.Migration;\nimport dev.permafrost.runtime.Operations;",
                "import dev.permafrost.runtime.Operations;\nimport dev.permafrost.runtime.Migration;");
        String reindentedTextBlock = STUB.replace("            update customers\n               set email = 'a@b'\n            \"\"\"",
                "      update customers\n         set email = 'a@b'\n      \"\"\"");
        for (String same : new String[] {reformatted, commented, reordered, STUB.replace("\n", "\r\n"), "\uFEFF" + STUB,
            reindentedTextBlock}) {
            assertEquals(StubChecksum.of(STUB), StubChecksum.of(same), same);
        }
    }

    @Test
    void everyChangeOfCodeCounts() {
        String[][] edits = {
            {"varchar(120)", "varchar(121)"},
            {"\"'none'\"", "\"'nothing'\""},
            {"column(\"email\"", "column(\"mail\""},
            {"op.dropColumn(\"customers\", \"email\");", "op.dropColumn(\"customers\", \"email\");\n        op.sql(\"select 1\");"},
            {"set email = 'a@b'", "set email = 'a@c'"},
            {"               set email", "                set email"},
            {"import static dev.permafrost.runtime.Ddl.*;", "import static dev.permafrost.runtime.Ddl.column;"},
        };
        for (String[] edit : edits) {
            assertTrue(STUB.contains(edit[0]), edit[0]);
            assertNotEquals(StubChecksum.of(STUB), StubChecksum.of(STUB.replace(edit[0], edit[1])), edit[1]);
        }
    }

    /**
     * The checksum is stored in every database's history, so the tokenizer that takes it without a string per token
     * must give exactly what the first one gave: that one is kept here, and both read every Java source of this
     * repository's modules and a few thousand random token soups (comments, text blocks with escapes, imports in any
     * order and place, non-ASCII identifiers, unterminated literals).
     */
    @Test
    void givesWhatTheFirstTokenizerGave() throws java.io.IOException {
        java.util.List<String> sources = new java.util.ArrayList<>(java.util.List.of(STUB, "", "import", "import a.b",
                "\"\"\"", "\"unterminated", "/* open", "// x", "a\u00e9b \u2003 c\u0000d",
                "import b.\"\"\"\n  x\n  \"\"\";\nimport b\n;", "import b \"s\";import b\t\"s\";"));
        java.nio.file.Path root = java.nio.file.Path.of("").toAbsolutePath().getParent();
        try (java.util.stream.Stream<java.nio.file.Path> walk = java.nio.file.Files.walk(root)) {
            for (java.nio.file.Path file : walk.filter(f -> f.toString().endsWith(".java") && !f.toString().contains("/target/")
                    && f.toString().contains("/src/")).toList()) {
                sources.add(java.nio.file.Files.readString(file));
            }
        }
        assertTrue(sources.size() > 200, "read " + sources.size() + " sources from " + root);
        String[] vocabulary = {"import", "static", ";", "a", "b.c", ".", "*", " ", "\n", "\t", "\r\n", "//x\n", "/* y */",
            "/**/", "\"s t\"", "\"e\\\"q\"", "'c'", "'\\''", "\"\"\"\n  t\n    u\\\"\"\"\n  \"\"\"", "\u00e9t\u00e9", "\u2003",
            "{", "}", "(", ")", "op.sql", "42", "0x1F", "@Override", "\\", "\u0000", "\u007f"};
        java.util.Random random = new java.util.Random(20261202);
        for (int k = 0; k < 3000; k++) {
            StringBuilder soup = new StringBuilder();
            for (int t = random.nextInt(40); t > 0; t--) {
                soup.append(vocabulary[random.nextInt(vocabulary.length)]);
            }
            sources.add(soup.toString());
        }
        for (String source : sources) {
            assertEquals(First.tokens(source), StubChecksum.tokens(source), source);
            assertEquals(First.of(source), StubChecksum.of(source), source);
        }
    }

    /** The first implementation, as it was released. */
    private static final class First {

        static String of(String source) {
            java.util.List<String> tokens = tokens(Hashing.normalize(source));
            java.util.List<java.util.List<String>> imports = new java.util.ArrayList<>();
            java.util.List<String> rest = new java.util.ArrayList<>();
            for (int i = 0; i < tokens.size(); i++) {
                if (tokens.get(i).equals("import")) {
                    java.util.List<String> declaration = new java.util.ArrayList<>();
                    while (i < tokens.size() && !tokens.get(i).equals(";")) {
                        declaration.add(tokens.get(i++));
                    }
                    imports.add(declaration);
                } else {
                    rest.add(tokens.get(i));
                }
            }
            imports.sort((a, b) -> String.join(" ", a).compareTo(String.join(" ", b)));
            StringBuilder canonical = new StringBuilder();
            imports.forEach(declaration -> declaration.forEach(t -> canonical.append(t).append('\n')));
            rest.forEach(t -> canonical.append(t).append('\n'));
            return StubChecksum.SCHEME + dev.permafrost.model.Names.sha256Hex(canonical.toString())
                    .substring(0, 64 - StubChecksum.SCHEME.length());
        }

        static java.util.List<String> tokens(String source) {
            java.util.List<String> tokens = new java.util.ArrayList<>();
            int i = 0;
            int n = source.length();
            while (i < n) {
                char c = source.charAt(i);
                if (Character.isWhitespace(c)) {
                    i++;
                } else if (source.startsWith("//", i)) {
                    int end = source.indexOf('\n', i);
                    i = end < 0 ? n : end + 1;
                } else if (source.startsWith("/*", i)) {
                    int end = source.indexOf("*/", i + 2);
                    i = end < 0 ? n : end + 2;
                } else if (source.startsWith("\"\"\"", i)) {
                    int end = source.indexOf("\"\"\"", i + 3);
                    while (end > 0 && escaped(source, end)) {
                        end = source.indexOf("\"\"\"", end + 1);
                    }
                    end = end < 0 ? n : end;
                    String raw = source.substring(Math.min(source.indexOf('\n', i) + 1, end), end);
                    String value;
                    try {
                        value = raw.stripIndent();
                    } catch (RuntimeException e) {
                        value = raw;
                    }
                    tokens.add("\"\"\"" + value);
                    i = Math.min(n, end + 3);
                } else if (c == '"' || c == '\'') {
                    int end = i + 1;
                    while (end < n && source.charAt(end) != c) {
                        end += source.charAt(end) == '\\' ? 2 : 1;
                    }
                    end = Math.min(n, end + 1);
                    tokens.add(source.substring(i, end));
                    i = end;
                } else if (Character.isJavaIdentifierPart(c)) {
                    int end = i;
                    while (end < n && Character.isJavaIdentifierPart(source.charAt(end))) {
                        end++;
                    }
                    tokens.add(source.substring(i, end));
                    i = end;
                } else {
                    tokens.add(String.valueOf(c));
                    i++;
                }
            }
            return tokens;
        }

        private static boolean escaped(String source, int quote) {
            int backslashes = 0;
            for (int j = quote - 1; j >= 0 && source.charAt(j) == '\\'; j--) {
                backslashes++;
            }
            return backslashes % 2 == 1;
        }
    }
}
