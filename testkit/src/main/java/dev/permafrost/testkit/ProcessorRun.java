package dev.permafrost.testkit;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * Runs Permafrost's processor over compiled entity classes ({@code javac -proc:only} with class names),
 * the way a build would see them, writing only into the given directories.
 */
final class ProcessorRun {

    private ProcessorRun() {
    }

    /** The processor's errors, each with its message; empty when it succeeded. */
    static List<String> run(List<String> entities, List<Path> classpath, Path schemaDir, Path migrationsDir, String mode,
                            Path out) {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        if (javac == null) {
            throw new IllegalStateException("the checks that run the processor need a JDK, not a JRE");
        }
        try {
            Files.createDirectories(out.resolve("classes"));
            Files.createDirectories(out.resolve("sources"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String path = classpath.stream().map(Path::toString).collect(Collectors.joining(java.io.File.pathSeparator));
        List<String> options = new ArrayList<>(List.of("-proc:only", "-implicit:none", "-Xlint:none",
                "-processor", "dev.permafrost.processor.PermafrostProcessor", "-processorpath", path, "-classpath", path,
                "-d", out.resolve("classes").toString(), "-s", out.resolve("sources").toString(),
                "-Apermafrost.schemaDir=" + schemaDir.toAbsolutePath(),
                "-Apermafrost.migrationsDir=" + migrationsDir.toAbsolutePath(),
                "-Apermafrost.mode=" + mode));
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        try (StandardJavaFileManager files = javac.getStandardFileManager(diagnostics, Locale.ROOT, null)) {
            boolean ok = javac.getTask(new StringWriter(), files, diagnostics, options, entities, List.of()).call();
            List<String> errors = diagnostics.getDiagnostics().stream()
                    .filter(d -> d.getKind() == Diagnostic.Kind.ERROR)
                    .map(d -> d.getMessage(Locale.ROOT)).toList();
            return ok || !errors.isEmpty() ? errors : List.of("javac failed without saying why");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
