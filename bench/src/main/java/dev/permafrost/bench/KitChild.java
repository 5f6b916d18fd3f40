package dev.permafrost.bench;

import dev.permafrost.runtime.spi.MigrationIndex;
import dev.permafrost.testkit.MigrationChecks;
import java.io.File;
import java.io.IOException;
import java.io.StringWriter;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;

/**
 * The test kit on a project with 100 migrations: the project evolves one entity change at a time, each
 * compile running Permafrost's processor as a build would; then every check of {@link MigrationChecks}
 * runs once against it, timed. Arguments: {@code <project directory> <versions>}.
 */
public final class KitChild {

    private KitChild() {
    }

    public static void main(String[] args) throws Exception {
        Path root = Path.of(args[0]);
        int versions = Integer.parseInt(args[1]);
        Path sources = root.resolve("src/main/java");
        Path schema = root.resolve("src/main/resources/db/permafrost");
        Path classes = root.resolve("classes");
        long start = System.nanoTime();
        Evolution evolution = new Evolution();
        for (int v = 1; v <= versions; v++) {
            evolution.step(v);
            evolution.write(sources);
            compile(sources, schema, classes, true);
        }
        compile(sources, schema, classes, false);
        System.out.printf("GENERATE_MS %.0f%n", (System.nanoTime() - start) / 1e6);

        URLClassLoader loader = new URLClassLoader(new URL[] {classes.toUri().toURL()}, KitChild.class.getClassLoader());
        MigrationIndex index = ServiceLoader.load(MigrationIndex.class, loader).stream().map(ServiceLoader.Provider::get)
                .filter(i -> i.getClass().getClassLoader() == loader).findFirst().orElseThrow();
        if (index.migrations().size() != versions) {
            throw new IllegalStateException("the project has " + index.migrations().size() + " migrations, not " + versions);
        }
        Thread.currentThread().setContextClassLoader(loader);
        MigrationChecks checks = new MigrationChecks() {
            @Override
            public MigrationIndex migrations() {
                return index;
            }

            @Override
            public Path schemaDir() {
                return schema;
            }

            @Override
            public Path migrationsDir() {
                return sources;
            }

            @Override
            public List<Path> classpath() {
                return Stream.concat(Stream.of(classes), Stream.of(System.getProperty("java.class.path")
                        .split(File.pathSeparator)).map(Path::of)).toList();
            }
        };
        Map<String, Double> times = new LinkedHashMap<>();
        long all = System.nanoTime();
        for (Method check : MigrationChecks.class.getMethods()) {
            if (check.isAnnotationPresent(Test.class)) {
                long t = System.nanoTime();
                check.invoke(checks);
                times.put(check.getName(), (System.nanoTime() - t) / 1e6);
            }
        }
        System.out.printf("KIT_MS %.0f%n", (System.nanoTime() - all) / 1e6);
        times.forEach((name, ms) -> System.out.printf("CHECK_%s %.0f%n", name, ms));
    }

    /** javac with Permafrost's processor over the entities (and, for the final build, the stubs). */
    private static void compile(Path sources, Path schema, Path classes, boolean processOnly) throws IOException {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        Files.createDirectories(classes);
        Path generated = classes.resolveSibling("generated");
        Files.createDirectories(generated);
        List<String> options = new ArrayList<>(List.of("-classpath", System.getProperty("java.class.path"),
                "-processorpath", System.getProperty("java.class.path"),
                "-processor", "dev.permafrost.processor.PermafrostProcessor",
                "-Apermafrost.schemaDir=" + schema, "-Apermafrost.migrationsDir=" + sources,
                "-Apermafrost.migrationsPackage=" + Evolution.PACKAGE + ".migrations",
                "-d", classes.toString(), "-s", generated.toString(), "-implicit:none", "-nowarn"));
        if (processOnly) {
            options.add("-proc:only");
        }
        List<Path> files;
        try (Stream<Path> walk = Files.walk(sources)) {
            files = walk.filter(p -> p.toString().endsWith(".java"))
                    .filter(p -> !processOnly || !p.toString().contains("/migrations/")).sorted().toList();
        }
        StringWriter output = new StringWriter();
        try (StandardJavaFileManager manager = javac.getStandardFileManager(null, Locale.ROOT, null)) {
            if (!javac.getTask(output, manager, null, options, null, manager.getJavaFileObjectsFromPaths(files)).call()) {
                throw new IllegalStateException("compiling the evolving project failed:\n" + output);
            }
        }
    }
}
