package dev.permafrost.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A baseline of hundreds of tables still compiles: its up and down would exceed the JVM's 64 KB of code
 * per method, so they call parts, each under the limit, in order.
 */
class LargeModelTest {

    @TempDir
    Path dir;

    @Test
    void aBaselineOfThreeHundredWideTablesIsSplitIntoPartsThatCompile() {
        Map<String, String> sources = new LinkedHashMap<>();
        for (int i = 1; i <= 300; i++) {
            StringBuilder fields = new StringBuilder("    @Id long id;\n");
            for (int c = 1; c <= 14; c++) {
                fields.append("    @Column(length = 40, nullable = false, defaultValue = \"'x'\") String c").append(c).append(";\n");
            }
            String name = String.format("Wide%03d", i);
            sources.put("com.acme.big." + name, "package com.acme.big;\n\nimport dev.permafrost.annotations.*;\n\n"
                    + "@Table\n@Index(columns = \"c1\")\npublic class " + name + " {\n" + fields + "}\n");
        }

        Compilation compilation = new Project(dir).compile(sources);

        assertThat(compilation).succeeded();
        String stub = new Project(dir).stub("com.acme.big.migrations", "V0001_Baseline");
        int parts = count(stub, "private static void upPart\\d+\\(Operations op\\)");
        assertTrue(parts >= 4, () -> "expected the 300 tables to be split into parts, got " + parts);
        assertEquals(parts, count(stub, "        upPart\\d+\\(op\\);"));
        assertEquals(300, count(stub, "op\\.createTable\\(table\\("));
        assertTrue(stub.indexOf("upPart1(op);") < stub.indexOf("upPart2(op);"));
        assertTrue(stub.contains("op.createTable(table(\"wide001\")"));
    }

    private static int count(String text, String regex) {
        Matcher m = Pattern.compile(regex).matcher(text);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }
}
