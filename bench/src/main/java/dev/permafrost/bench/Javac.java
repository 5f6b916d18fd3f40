package dev.permafrost.bench;

import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/** javac in this JVM, for preparing workloads (never what is measured). */
final class Javac {

    private Javac() {
    }

    static void compile(List<Path> sources, Path out, String classpath, String... options) throws Exception {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        Files.createDirectories(out);
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        List<String> all = new ArrayList<>(List.of("-d", out.toString(), "-classpath", classpath, "-proc:none",
                "-nowarn", "-implicit:none"));
        all.addAll(List.of(options));
        try (StandardJavaFileManager files = javac.getStandardFileManager(diagnostics, Locale.ROOT, null)) {
            boolean ok = javac.getTask(new StringWriter(), files, diagnostics, all, null,
                    files.getJavaFileObjectsFromPaths(sources)).call();
            if (!ok) {
                throw new IllegalStateException("javac failed: " + diagnostics.getDiagnostics().stream()
                        .filter(d -> d.getKind() == Diagnostic.Kind.ERROR).limit(5).map(Object::toString).toList());
            }
        }
    }
}
