package dev.permafrost.processor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An application that is a named module, as the README's "Modules" note writes it: its first compilation (the
 * processor on the processor path, the runtime on the module path) writes and compiles the baseline and the
 * index, and the application then migrates SQLite from the module path, where the runtime finds the index with
 * {@code provides} and reads it through {@code opens}.
 */
class ModularApplicationTest {

    static final String MODULE_INFO = """
            module com.acme {
                requires dev.permafrost.runtime;
                requires static dev.permafrost.annotations;
                requires static java.compiler;
                opens com.acme.migrations to dev.permafrost.runtime;
                provides dev.permafrost.runtime.spi.MigrationIndex with com.acme.migrations.PermafrostIndex;
            }
            """;

    @TempDir
    Path dir;

    @Test
    void aModularApplicationCompilesItsFirstMigrationAndMigratesFromTheModulePath() throws Exception {
        Path src = dir.resolve("src");
        write(src.resolve("module-info.java"), MODULE_INFO);
        write(src.resolve("com/acme/Item.java"), """
                package com.acme;

                import dev.permafrost.annotations.Id;
                import dev.permafrost.annotations.Table;

                @Table(name = "items")
                public record Item(@Id long id, String name) {
                }
                """);
        write(src.resolve("com/acme/App.java"), """
                package com.acme;

                import dev.permafrost.runtime.Migrator;

                public final class App {
                    public static void main(String[] args) {
                        System.out.println(Migrator.create(args[0]).migrate());
                    }
                }
                """);
        Path classes = dir.resolve("classes");
        String runtime = path(dev.permafrost.runtime.Migrator.class, org.jooq.impl.DSL.class,
                org.reactivestreams.Publisher.class, io.r2dbc.spi.ConnectionFactory.class);
        List<String> javac = new ArrayList<>(List.of(
                "--module-path", runtime + File.pathSeparator + path(dev.permafrost.annotations.Table.class),
                "--processor-path", path(SchemaProcessor.class, com.palantir.javapoet.JavaFile.class) + File.pathSeparator
                        + runtime,
                "-Apermafrost.schemaDir=" + dir.resolve("schema"), "-Apermafrost.migrationsDir=" + src,
                "-Apermafrost.migrationsPackage=com.acme.migrations", "-d", classes.toString()));
        try (Stream<Path> files = Files.walk(src)) {
            files.filter(f -> f.toString().endsWith(".java")).forEach(f -> javac.add(f.toString()));
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int status = ToolProvider.getSystemJavaCompiler().run(null, out, out, javac.toArray(String[]::new));
        String compiled = out.toString(StandardCharsets.UTF_8);
        assertEquals(0, status, compiled);
        assertTrue(Files.exists(classes.resolve("com/acme/migrations/V0001_Baseline.class")), compiled);

        Process app = new ProcessBuilder(Path.of(ProcessHandle.current().info().command().orElseThrow()).toString(),
                "--enable-native-access=org.xerial.sqlitejdbc",
                "--module-path", classes + File.pathSeparator + runtime + File.pathSeparator + path(org.sqlite.JDBC.class),
                "--add-modules", "org.xerial.sqlitejdbc", "-m", "com.acme/com.acme.App",
                "jdbc:sqlite:" + dir.resolve("app.db")).redirectErrorStream(true).start();
        assertTrue(app.waitFor(60, TimeUnit.SECONDS));
        String output = new String(app.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, app.exitValue(), output);
        assertTrue(output.contains("from V0000 to V0001"), output);
    }

    private static void write(Path file, String text) throws Exception {
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }

    /** The class path entries that hold {@code types}. */
    private static String path(Class<?>... types) {
        return Stream.of(types).map(t -> {
            try {
                return Path.of(t.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
            } catch (java.net.URISyntaxException e) {
                throw new IllegalStateException(e);
            }
        }).distinct().collect(Collectors.joining(File.pathSeparator));
    }
}
