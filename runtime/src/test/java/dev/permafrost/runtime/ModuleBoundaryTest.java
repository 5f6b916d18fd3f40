package dev.permafrost.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A modular application reads the runtime as users do: {@code requires dev.permafrost.runtime} gives it the
 * migrator, the DDL of migrations and the index SPI, and nothing else; the packages shared with the processor
 * and the test kit are exported to those two modules only.
 */
class ModuleBoundaryTest {

    @TempDir
    Path dir;

    @Test
    void theModuleExportsTheApiToEveryoneAndTheSeamToTheProcessorAndTestKitOnly() throws Exception {
        var descriptor = java.lang.module.ModuleFinder.of(runtimeClasses()).findAll().iterator().next().descriptor();
        assertEquals("dev.permafrost.runtime", descriptor.name());
        Map<String, String> exports = new java.util.TreeMap<>();
        descriptor.exports().forEach(e -> exports.put(e.source(), e.isQualified()
                ? String.join(", ", new java.util.TreeSet<>(e.targets())) : "everyone"));
        assertEquals(Map.of(
                "dev.permafrost.runtime", "everyone",
                "dev.permafrost.runtime.spi", "everyone",
                "dev.permafrost.model", "everyone",
                "dev.permafrost.diff", "dev.permafrost.processor, dev.permafrost.testkit",
                "dev.permafrost.snapshot", "dev.permafrost.processor, dev.permafrost.testkit",
                "dev.permafrost.sql", "dev.permafrost.processor, dev.permafrost.testkit",
                "dev.permafrost.message", "dev.permafrost.processor, dev.permafrost.testkit",
                "dev.permafrost.dialect", "dev.permafrost.processor, dev.permafrost.testkit",
                "dev.permafrost.runtime.internal", "dev.permafrost.processor, dev.permafrost.testkit"), exports);
    }

    @Test
    void anApplicationModuleWritesMigrationsAndStartsTheMigrator() throws Exception {
        String errors = compile(Map.of("com/acme/migrations/V0001_Baseline.java", """
                package com.acme.migrations;

                import static dev.permafrost.runtime.Ddl.*;

                import dev.permafrost.runtime.Migration;
                import dev.permafrost.runtime.Operations;

                public final class V0001_Baseline implements Migration {
                    @Override
                    public void up(Operations op) {
                        op.createTable(table("items").column(column("id", BIGINT).notNull()).primaryKey("pk_items", "id"));
                    }

                    @Override
                    public void down(Operations op) {
                        op.dropTable("items");
                    }
                }
                """, "com/acme/App.java", """
                package com.acme;

                import dev.permafrost.runtime.Migrator;

                public final class App {
                    public static void main(String[] args) {
                        System.out.println(Migrator.create("jdbc:sqlite:app.db").migrate());
                    }
                }
                """));
        assertEquals("", errors);
    }

    @Test
    void anApplicationModuleCannotReachWhatIsNotExported() throws Exception {
        String errors = compile(Map.of("com/acme/App.java", """
                package com.acme;

                public final class App {
                    public static void main(String[] args) {
                        System.out.println(dev.permafrost.diff.Differ.class);
                    }
                }
                """));
        assertTrue(errors.contains("App.java:5: error: package dev.permafrost.diff is not visible"), errors);
    }

    /** Compiles module {@code com.acme} from {@code sources} against the runtime on the module path; javac's errors. */
    private String compile(Map<String, String> sources) throws Exception {
        Path src = dir.resolve("src");
        List<String> files = new ArrayList<>();
        Files.createDirectories(src);
        Files.writeString(src.resolve("module-info.java"), "module com.acme { requires dev.permafrost.runtime; }\n");
        files.add(src.resolve("module-info.java").toString());
        for (Map.Entry<String, String> source : sources.entrySet()) {
            Path file = src.resolve(source.getKey());
            Files.createDirectories(file.getParent());
            Files.writeString(file, source.getValue());
            files.add(file.toString());
        }
        String modulePath = runtimeClasses() + File.pathSeparator + Arrays.stream(System.getProperty("java.class.path")
                .split(File.pathSeparator)).filter(p -> p.contains("jooq") || p.contains("reactive-streams")
                        || p.contains("r2dbc")).collect(Collectors.joining(File.pathSeparator));
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        List<String> arguments = new ArrayList<>(List.of("--module-path", modulePath, "-d", dir.resolve("out").toString(),
                "-proc:none"));
        arguments.addAll(files);
        javac.run(null, out, out, arguments.toArray(String[]::new));
        return out.toString(java.nio.charset.StandardCharsets.UTF_8);
    }

    private static Path runtimeClasses() throws Exception {
        return Path.of(Migrator.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    }
}
