package dev.permafrost.testkit;

import dev.permafrost.runtime.spi.MigrationIndex;
import java.io.File;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.ServiceLoader;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * A small user project on disk, compiled with the real processor the way Maven would (sources in
 * {@code src/main/java}, frozen files in {@code src/main/resources/db/permafrost}), and the
 * {@link MigrationChecks} pointed at it.
 */
final class SampleProject {

    static final String PACKAGE = "com.acme";
    static final String MIGRATIONS = "com.acme.migrations";

    final Path root;
    final Path sources;
    final Path schemaDir;
    final Path classes;

    SampleProject(Path root) {
        this.root = root;
        this.sources = root.resolve("src/main/java");
        this.schemaDir = root.resolve("src/main/resources/db/permafrost");
        this.classes = root.resolve("target/classes");
    }

    /**
     * Three versions: customers (V0001); an email column and an orders table referencing customers
     * (V0002); a wider name and an index on email (V0003).
     */
    static SampleProject threeVersions(Path root) {
        SampleProject project = new SampleProject(root);
        project.entity("Customer", """
                @Table(name = "customers")
                public class Customer {
                    @Id long id;
                    @Column(length = 80, nullable = false) String name;
                    int visits;
                }
                """);
        project.compile();
        project.entity("Customer", """
                @Table(name = "customers")
                public class Customer {
                    @Id long id;
                    @Column(length = 80, nullable = false) String name;
                    int visits;
                    @Column(length = 120) String email;
                }
                """);
        project.entity("Order", """
                @Table(name = "orders")
                public class Order {
                    @Id long id;
                    @References(Customer.class) long customerId;
                    @Column(precision = 10, scale = 2) java.math.BigDecimal total;
                }
                """);
        project.compile();
        project.entity("Customer", """
                @Table(name = "customers")
                @Index(columns = "email")
                public class Customer {
                    @Id long id;
                    @Column(length = 200, nullable = false) String name;
                    int visits;
                    @Column(length = 120) String email;
                }
                """);
        project.compile();
        return project;
    }

    /**
     * A model as real applications write it, over three versions: identity keys, a reference by object, a
     * composite key referenced by another table, a composite unique, an embedded value, a JSON column, a native
     * PostgreSQL type and columns named {@code value}, {@code order} and {@code user} (V0001);
     * the owners' key no longer an identity, an embedded value added and the composite unique changed (V0002);
     * the identity back (V0003).
     */
    static SampleProject realModel(Path root) {
        SampleProject project = new SampleProject(root);
        String owner = """
                @Table(name = "owners")
                public class Owner {
                    @Id @Identity long id;
                    @Column(length = 40, nullable = false, unique = true) String email;
                    @Column(type = SqlType.JSON) String settings;
                    @NativeType(database = Database.POSTGRESQL, value = "inet") @Column(length = 45) String address;
                    @Column(length = 20) String user;
                }
                """;
        project.entity("Owner", owner);
        project.entity("Slot", """
                @Table(name = "slots")
                public class Slot {
                    @Id java.time.LocalDate onDate;
                    @Id int atHour;
                }
                """);
        project.entity("Address", """
                @Embeddable
                public record Address(@Column(length = 60) String street, @Column(length = 40) String city) {
                }
                """);
        project.entity("Stamp", """
                @Embeddable
                public record Stamp(java.time.Instant at, @Column(length = 40) String byWhom) {
                }
                """);
        String booking = """
                @Table(name = "bookings")
                @Unique(columns = {"owner_id", "slot_on_date"})
                public class Booking {
                    @Id @Identity long id;
                    @References(onDelete = ReferentialAction.CASCADE) Owner owner;
                    @Column(nullable = false) Slot slot;
                    Address address;
                    double value;
                    int order;
                }
                """;
        project.entity("Booking", booking);
        project.compile();
        project.entity("Owner", owner.replace("@Id @Identity long id;", "@Id long id;"));
        project.entity("Booking", booking.replace("@Unique(columns = {\"owner_id\", \"slot_on_date\"})",
                "@Unique(columns = {\"owner_id\", \"slot_on_date\", \"slot_at_hour\"})")
                .replace("    Address address;", "    Address address;\n    Stamp confirmed;"));
        project.compile();
        project.entity("Owner", owner);
        project.compile();
        return project;
    }

    /** A copy of this project in {@code target}, class files included, for a mutation that must not touch this one. */
    SampleProject copyTo(Path target) {
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.toList()) {
                Path copy = target.resolve(root.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(copy);
                } else {
                    Files.copy(file, copy);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new SampleProject(target);
    }

    /** Writes entity {@code name} of package {@code com.acme} with the Permafrost annotations imported. */
    void entity(String name, String body) {
        write(sources.resolve(PACKAGE.replace('.', '/')).resolve(name + ".java"), "package " + PACKAGE + ";\n\n"
                + "import dev.permafrost.annotations.*;\n\n" + body);
    }

    Path stub(int version) {
        Path dir = sources.resolve(MIGRATIONS.replace('.', '/'));
        String prefix = String.format("V%04d_", version);
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().startsWith(prefix)).sorted().findFirst()
                    .orElseThrow(() -> new AssertionError("no stub " + prefix + "* in " + dir));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Replaces {@code from} with {@code to} in the stub of {@code version}, failing when {@code from} is not there. */
    void editStub(int version, String from, String to) {
        Path stub = stub(version);
        String text = read(stub);
        if (!text.contains(from)) {
            throw new AssertionError(stub + " does not contain\n" + from + "\nit reads:\n" + text);
        }
        write(stub, text.replace(from, to));
    }

    /** Compiles every source with the processor, the way {@code mvn compile} would; fails on an error. */
    void compile(String... options) {
        List<String> all = new ArrayList<>(List.of("-processor", "dev.permafrost.processor.PermafrostProcessor",
                "-Apermafrost.schemaDir=" + schemaDir, "-Apermafrost.migrationsDir=" + sources,
                "-Apermafrost.migrationsPackage=" + MIGRATIONS));
        all.addAll(List.of(options));
        javac(all);
    }

    /**
     * {@link #threeVersions} squashed to V0002 ({@code -Apermafrost.squash=2}), with the stub of V0001 deleted
     * afterwards when {@code deleteOldest}.
     */
    static SampleProject squashed(Path root, boolean deleteOldest) {
        SampleProject project = threeVersions(root);
        project.compile("-Apermafrost.squash=2");
        if (deleteOldest) {
            try {
                Files.delete(project.stub(1));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            project.compile("-Apermafrost.squash=2");
        }
        return project;
    }

    Path baseline() {
        return sources.resolve(MIGRATIONS.replace('.', '/')).resolve("B0002_Baseline.java");
    }

    /** Compiles every source without the processor: the entities change but nothing is generated. */
    void compileWithoutProcessor() {
        javac(List.of("-proc:none"));
    }

    private void javac(List<String> extra) {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        try (StandardJavaFileManager files = javac.getStandardFileManager(diagnostics, Locale.ROOT, null)) {
            Files.createDirectories(classes);
            Path generated = root.resolve("target/generated-sources");
            Files.createDirectories(generated);
            List<String> options = new ArrayList<>(List.of("-classpath", classpathString(), "-processorpath",
                    System.getProperty("java.class.path"), "-d", classes.toString(), "-s", generated.toString()));
            options.addAll(extra);
            List<File> sourceFiles;
            try (Stream<Path> walk = Files.walk(sources)) {
                sourceFiles = walk.filter(p -> p.toString().endsWith(".java")).sorted().map(Path::toFile).toList();
            }
            boolean ok = javac.getTask(new StringWriter(), files, diagnostics, options, null,
                    files.getJavaFileObjectsFromFiles(sourceFiles)).call();
            if (!ok) {
                throw new AssertionError("compiling " + root + " failed:\n" + diagnostics.getDiagnostics().stream()
                        .filter(d -> d.getKind() == Diagnostic.Kind.ERROR).map(d -> d.getMessage(Locale.ROOT))
                        .collect(Collectors.joining("\n")));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String classpathString() {
        return classes + File.pathSeparator + System.getProperty("java.class.path");
    }

    /** The compiled project's migration index, loaded from its class files. */
    MigrationIndex index() {
        try {
            URLClassLoader loader = new URLClassLoader(new URL[] {classes.toUri().toURL()}, getClass().getClassLoader());
            return ServiceLoader.load(MigrationIndex.class, loader).stream().map(ServiceLoader.Provider::get)
                    .filter(index -> index.getClass().getClassLoader() == loader).findFirst()
                    .orElseThrow(() -> new AssertionError("no migration index in " + classes));
        } catch (MalformedURLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The built-in checks pointed at this project. */
    MigrationChecks checks() {
        MigrationIndex index = index();
        return new MigrationChecks() {
            @Override
            public MigrationIndex migrations() {
                return index;
            }

            @Override
            public Path schemaDir() {
                return schemaDir;
            }

            @Override
            public Path migrationsDir() {
                return sources;
            }

            @Override
            public List<Path> classpath() {
                return Stream.concat(Stream.of(classes), Arrays.stream(System.getProperty("java.class.path")
                        .split(File.pathSeparator)).map(Path::of)).toList();
            }
        };
    }

    static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void write(Path file, String text) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
