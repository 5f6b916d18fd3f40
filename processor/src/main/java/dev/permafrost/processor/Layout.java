package dev.permafrost.processor;

import dev.permafrost.message.Message;
import dev.permafrost.snapshot.FrozenFiles;
import dev.permafrost.snapshot.SnapshotException;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.annotation.processing.Filer;
import javax.tools.FileObject;
import javax.tools.StandardLocation;

/**
 * Where frozen files live: the options, or defaults inside the module being compiled, found from the
 * class output directory (javac runs wherever {@code mvn} was typed, so the working directory says nothing).
 */
/**
 * @param classOutput the compiler's class output directory, or {@code null} when it is not a directory
 */
public record Layout(Path schemaDir, Path migrationsDir, Path classOutput) {

    public static final String DEFAULT_MIGRATIONS_DIR = "src/main/java";

    /** The layout, or {@code null} when a default is needed and the module cannot be found (reported). */
    public static Layout resolve(Options options, Filer filer, Diagnostics diagnostics) {
        URI classOutput = classOutput(filer);
        Path classes = classOutput != null && "file".equals(classOutput.getScheme())
                ? Path.of(classOutput).getParent() : null;
        if (options.schemaDir() != null && options.migrationsDir() != null) {
            return new Layout(options.schemaDir(), options.migrationsDir(), classes);
        }
        Path module = classOutput == null ? null : moduleOf(classOutput);
        if (module == null) {
            diagnostics.report(Message.MODULE_DIR_UNKNOWN, classOutput == null ? "unknown" : classOutput);
            return null;
        }
        Path schemaDir = options.schemaDir();
        if (schemaDir == null) {
            try {
                schemaDir = FrozenFiles.defaultDir(module);
            } catch (SnapshotException e) {
                diagnostics.reportText(null, e.code(), e.getMessage());
                return null;
            }
        }
        return new Layout(schemaDir,
                options.migrationsDir() != null ? options.migrationsDir() : module.resolve(DEFAULT_MIGRATIONS_DIR),
                classes);
    }

    /** Refuses a path outside the schema directory and the migrations source root: nothing is written elsewhere. */
    public void requireInside(Path path) throws IOException {
        Path normalized = path.toAbsolutePath().normalize();
        if (!normalized.startsWith(schemaDir.toAbsolutePath().normalize())
                && !normalized.startsWith(migrationsDir.toAbsolutePath().normalize())) {
            throw new IOException(normalized + " lies outside " + schemaDir + " and " + migrationsDir
                    + ", where Permafrost writes");
        }
    }

    private static URI classOutput(Filer filer) {
        try {
            FileObject probe = filer.getResource(StandardLocation.CLASS_OUTPUT, "", "permafrost-probe");
            return probe.toUri();
        } catch (IOException | IllegalArgumentException e) {
            return null;
        }
    }

    /** The module directory: the first ancestor of the class output with a build file. */
    public static Path moduleOf(URI classOutput) {
        if (!"file".equals(classOutput.getScheme())) {
            return null;
        }
        Path dir = Path.of(classOutput).getParent();
        for (Path candidate = dir; candidate != null; candidate = candidate.getParent()) {
            if (Files.exists(candidate.resolve("pom.xml")) || Files.exists(candidate.resolve("build.gradle"))
                    || Files.exists(candidate.resolve("build.gradle.kts"))) {
                return candidate;
            }
        }
        return null;
    }
}
