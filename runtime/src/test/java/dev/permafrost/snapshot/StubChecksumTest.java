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
}
