package dev.permafrost.processor;

import static com.google.testing.compile.Compiler.javac;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import javax.tools.JavaFileObject;

/**
 * A user's project as the processor sees it: a schema directory and a source root on disk, and
 * compilations of entity sources with the processor and explicit options.
 */
final class Project {

    final Path root;
    final Path schemaDir;
    final Path sourceRoot;
    private final List<String> extraOptions = new ArrayList<>();
    private final List<java.io.File> classpath = new ArrayList<>();
    private final Map<String, JavaFileObject> lastFiles = new TreeMap<>();

    Project(Path root) {
        this.root = root;
        this.schemaDir = root.resolve("src/main/resources/db/permafrost");
        this.sourceRoot = root.resolve("src/main/java");
    }

    Project option(String option) {
        extraOptions.add(option);
        return this;
    }

    List<String> options() {
        List<String> options = new ArrayList<>(List.of(
                "-Apermafrost.schemaDir=" + schemaDir,
                "-Apermafrost.migrationsDir=" + sourceRoot));
        options.addAll(extraOptions);
        return options;
    }

    private java.io.File jpaApi;

    /** Compiles against this jakarta.persistence API jar instead of the one on the tests' class path. */
    Project jpaApi(Path jar) {
        jpaApi = jar.toFile();
        return this;
    }

    /** Adds a directory of class files to the class path of later compilations. */
    Project classpath(Path classes) {
        classpath.add(classes.toFile());
        return this;
    }

    /** Compiles the given sources (fully qualified name → code) with the processor. */
    Compilation compile(Map<String, String> sources) {
        lastFiles.clear();
        sources.forEach((name, code) -> lastFiles.put(name, JavaFileObjects.forSourceString(name, code)));
        var compiler = javac().withProcessors(new PermafrostProcessor()).withOptions(options());
        if (!classpath.isEmpty() || jpaApi != null) {
            List<java.io.File> path = new ArrayList<>(classpath);
            if (jpaApi != null) {
                path.add(jpaApi);
            }
            for (String entry : System.getProperty("java.class.path").split(java.io.File.pathSeparator)) {
                if (jpaApi == null || !new java.io.File(entry).getName().startsWith("jakarta.persistence-api")) {
                    path.add(new java.io.File(entry));
                }
            }
            compiler = compiler.withClasspath(path);
        }
        return compiler.compile(lastFiles.values());
    }

    /** The source object of the last compilation with that fully qualified name, for {@code inFile(..)}. */
    JavaFileObject file(String name) {
        JavaFileObject file = lastFiles.get(name);
        if (file == null) {
            throw new IllegalArgumentException("the last compilation had no source " + name);
        }
        return file;
    }

    /** Writes the class files a compilation generated under {@code target}, to compile against them later. */
    static Path writeClasses(Compilation compilation, Path target) {
        try {
            for (JavaFileObject file : compilation.generatedFiles()) {
                if (file.getKind() != JavaFileObject.Kind.CLASS) {
                    continue;
                }
                String path = file.toUri().getPath();
                String relative = path.substring(path.indexOf("CLASS_OUTPUT/") + "CLASS_OUTPUT/".length());
                Path out = target.resolve(relative);
                Files.createDirectories(out.getParent());
                try (var in = file.openInputStream()) {
                    Files.write(out, in.readAllBytes());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return target;
    }

    /** Compiles the given sources plus every migration stub already in the source tree, as a build tool would. */
    Compilation compileWithStubs(Map<String, String> sources) {
        Map<String, String> all = new TreeMap<>(sources);
        all.putAll(stubs());
        return compile(all);
    }

    /** Every migration stub in the source tree, compiled apart into {@code out}, as an index in version order. */
    dev.permafrost.runtime.spi.MigrationIndex compiledStubs(Path out) {
        List<StubCompiler.Stub> stubs = new ArrayList<>();
        stubs().forEach((name, source) -> {
            java.util.regex.Matcher m = java.util.regex.Pattern.compile(".*\\.V(\\d+)_[^.]*").matcher(name);
            if (m.matches()) {
                int version = Integer.parseInt(m.group(1));
                stubs.add(new StubCompiler.Stub(version, name, "v" + version, source));
            }
        });
        stubs.sort(java.util.Comparator.comparingInt(StubCompiler.Stub::version));
        return StubCompiler.compile(stubs, out);
    }

    /** The stubs in the source tree, by fully qualified name. */
    Map<String, String> stubs() {
        Map<String, String> stubs = new TreeMap<>();
        if (!Files.isDirectory(sourceRoot)) {
            return stubs;
        }
        try (Stream<Path> walk = Files.walk(sourceRoot)) {
            for (Path file : walk.filter(p -> p.toString().endsWith(".java")).toList()) {
                String name = sourceRoot.relativize(file).toString().replace('/', '.').replaceAll("\\.java$", "");
                stubs.put(name, Files.readString(file));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return stubs;
    }

    String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String snapshot(int version) {
        return read(schemaDir.resolve(String.format("V%04d.sql", version)));
    }

    String stub(String packageName, String className) {
        return read(sourceRoot.resolve(packageName.replace('.', '/')).resolve(className + ".java"));
    }

    /** Every file under the project with its size and modification time, to prove nothing was touched. */
    Map<String, String> fingerprint() {
        Map<String, String> files = new TreeMap<>();
        if (!Files.exists(root)) {
            return files;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path file : walk.filter(Files::isRegularFile).toList()) {
                FileTime modified = Files.getLastModifiedTime(file);
                files.put(root.relativize(file).toString(), Files.size(file) + "@" + modified.toMillis() + "#"
                        + java.util.Arrays.hashCode(Files.readAllBytes(file)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return files;
    }

    /** What a compilation on disk printed, and whether it succeeded. */
    record DiskCompilation(boolean succeeded, String output) {
    }

    /** Writes sources (fully qualified name → code) as files under the source root. */
    Project writeSources(Map<String, String> sources) {
        try {
            for (Map.Entry<String, String> source : sources.entrySet()) {
                Path file = sourceRoot.resolve(source.getKey().replace('.', '/') + ".java");
                Files.createDirectories(file.getParent());
                Files.writeString(file, source.getValue());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    /** Every source file under the source root, relative to it ({@code com/acme/Item.java}). */
    List<String> sourceFiles() {
        try (Stream<Path> walk = Files.walk(sourceRoot)) {
            return walk.filter(p -> p.toString().endsWith(".java")).map(p -> sourceRoot.relativize(p).toString()).sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Compiles {@code files} of the source root with the real javac and file manager into {@code classes}, with
     * {@code classes} itself on the class path, as an IDE or a build tool does: with {@code sourcePath}, the
     * source root is also the source path (Maven); without, javac sees only the files given and the classes of
     * earlier builds (an IDE compiling what changed).
     */
    DiskCompilation compileFiles(List<String> files, Path classes, boolean sourcePath) {
        return compileFiles(files, classes, sourcePath, generated(classes), true, null);
    }

    /** Where {@link #compileFiles} has javac write generated sources: beside {@code classes}, as build tools do. */
    static Path generated(Path classes) {
        return classes.resolveSibling(classes.getFileName() + "-generated");
    }

    /**
     * {@link #compileFiles}, with {@code generated} as javac's source output ({@code -s}; {@code null} for none, which
     * makes it the class output), the processor run or not ({@code -proc:none}, as a build without it), and each class
     * file javac reads told to {@code reads} (a class name; {@code null} for no one).
     */
    DiskCompilation compileFiles(List<String> files, Path classes, boolean sourcePath, Path generated, boolean process,
                                 java.util.function.Consumer<String> reads) {
        try {
            Files.createDirectories(classes);
            javax.tools.JavaCompiler javac = javax.tools.ToolProvider.getSystemJavaCompiler();
            java.io.StringWriter output = new java.io.StringWriter();
            try (javax.tools.StandardJavaFileManager standard = javac.getStandardFileManager(null, null, null)) {
                List<String> arguments = new ArrayList<>(options());
                if (sourcePath) {
                    arguments.addAll(List.of("-sourcepath", sourceRoot.toString()));
                }
                if (generated != null) {
                    Files.createDirectories(generated);
                    arguments.addAll(List.of("-s", generated.toString()));
                }
                arguments.addAll(List.of("-d", classes.toString(), "-classpath",
                        classes + java.io.File.pathSeparator + System.getProperty("java.class.path"),
                        process ? "-proc:full" : "-proc:none"));
                javax.tools.JavaFileManager manager = reads == null ? standard : new ReadsClasses(standard, classes, reads);
                var task = javac.getTask(output, manager, null, arguments, null,
                        standard.getJavaFileObjectsFromFiles(files.stream().map(f -> sourceRoot.resolve(f).toFile()).toList()));
                if (process) {
                    task.setProcessors(List.of(new PermafrostProcessor()));
                }
                boolean ok = task.call();
                return new DiskCompilation(ok, output.toString());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A file manager that tells which class files of {@code classes} javac opens. */
    private static final class ReadsClasses extends javax.tools.ForwardingJavaFileManager<javax.tools.JavaFileManager> {
        private final Path classes;
        private final java.util.function.Consumer<String> reads;

        ReadsClasses(javax.tools.JavaFileManager manager, Path classes, java.util.function.Consumer<String> reads) {
            super(manager);
            this.classes = classes.toAbsolutePath().normalize();
            this.reads = reads;
        }

        @Override
        public Iterable<javax.tools.JavaFileObject> list(Location location, String packageName,
                                                         java.util.Set<javax.tools.JavaFileObject.Kind> kinds,
                                                         boolean recurse) throws IOException {
            List<javax.tools.JavaFileObject> files = new ArrayList<>();
            for (javax.tools.JavaFileObject file : super.list(location, packageName, kinds, recurse)) {
                files.add(file.getKind() == javax.tools.JavaFileObject.Kind.CLASS ? new Opened(file) : file);
            }
            return files;
        }

        @Override
        public String inferBinaryName(Location location, javax.tools.JavaFileObject file) {
            return super.inferBinaryName(location, inner(file));
        }

        @Override
        public boolean isSameFile(javax.tools.FileObject a, javax.tools.FileObject b) {
            return super.isSameFile(inner(a), inner(b));
        }

        @Override
        public boolean contains(Location location, javax.tools.FileObject file) throws IOException {
            return super.contains(location, inner(file));
        }

        private static <F extends javax.tools.FileObject> F inner(F file) {
            @SuppressWarnings("unchecked")
            F inner = file instanceof Opened opened ? (F) opened.inner() : file;
            return inner;
        }

        /** A class file that tells when javac opens it. */
        private final class Opened extends javax.tools.ForwardingJavaFileObject<javax.tools.JavaFileObject> {
            Opened(javax.tools.JavaFileObject file) {
                super(file);
            }

            javax.tools.JavaFileObject inner() {
                return fileObject;
            }

            @Override
            public java.io.InputStream openInputStream() throws IOException {
                java.net.URI uri = toUri();
                Path path = "file".equals(uri.getScheme()) ? Path.of(uri).toAbsolutePath().normalize() : null;
                if (path != null && path.startsWith(classes)) {
                    String name = classes.relativize(path).toString();
                    reads.accept(name.substring(0, name.length() - ".class".length())
                            .replace(java.io.File.separatorChar, '.'));
                }
                return super.openInputStream();
            }
        }
    }

    static String golden(String name) {
        try (var in = Project.class.getResourceAsStream("/golden/" + name)) {
            if (in == null) {
                throw new IllegalStateException("no golden file " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
