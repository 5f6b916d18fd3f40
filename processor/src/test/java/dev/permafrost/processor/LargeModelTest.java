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

    /**
     * A table of 5,000 columns: javac used to overflow its stack attributing the 5,000-call chain of
     * {@code createTable}, after the frozen files were written. The stub builds it through helper methods
     * with chains of 100 calls, each method well under 64 KB, and replays to the whole table.
     */
    @Test
    void aTableOfFiveThousandColumnsCompilesAndReplaysWhole() throws Exception {
        StringBuilder fields = new StringBuilder("    @Id long id;\n");
        for (int c = 1; c < 5000; c++) {
            fields.append("    @Column(length = 20) String c").append(c).append(";\n");
        }
        Map<String, String> sources = Map.of("com.acme.wide.Wide", "package com.acme.wide;\n\nimport"
                + " dev.permafrost.annotations.*;\n\n@Table\npublic class Wide {\n" + fields + "}\n");
        Project project = new Project(dir);

        Compilation compilation = project.compile(sources);

        assertThat(compilation).succeeded();
        String stub = project.stub("com.acme.wide.migrations", "V0001_Baseline");
        assertTrue(stub.contains("op.createTable(upWide9(upWide8(upWide7(upWide6(upWide5(upWide4(upWide3(upWide2(upWide1("
                + "table(\"wide\")))))))))));"), stub.substring(0, 1500));
        assertEquals(9, count(stub, "private static TableBuilder upWide\\d+\\(TableBuilder t\\)"));
        assertTrue(stub.contains("op.dropTable(\"wide\");"));
        var index = StubCompiler.compile(java.util.List.of(new StubCompiler.Stub(1, "com.acme.wide.migrations.V0001_Baseline",
                "baseline", stub)), dir.resolve("compiled"));
        var replayed = dev.permafrost.runtime.internal.Recorder.up(index.load(index.migrations().get(0)),
                dev.permafrost.model.Schema.empty()).after();
        assertEquals(5000, replayed.table("wide").orElseThrow().columns().size());
        assertEquals(project.snapshot(1), dev.permafrost.snapshot.SnapshotWriter.write(new dev.permafrost.snapshot.Snapshot(1,
                "baseline", null, Map.of("wide", "com.acme.wide.Wide"), replayed)));
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
