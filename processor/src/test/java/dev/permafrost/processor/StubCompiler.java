package dev.permafrost.processor;

import dev.permafrost.runtime.Migration;
import dev.permafrost.runtime.spi.MigrationEntry;
import dev.permafrost.runtime.spi.MigrationIndex;
import dev.permafrost.snapshot.Hashing;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/** Compiles generated stubs with javac and serves them as a migration index, as a user's build would. */
final class StubCompiler {

    /** One stub: its version, class, description and source. */
    record Stub(int version, String className, String description, String source) {
    }

    private StubCompiler() {
    }

    /** Compiles every stub in one javac run into {@code out} and returns an index of them, in order. */
    static MigrationIndex compile(List<Stub> stubs, Path out) {
        try {
            Path sources = out.resolve("src");
            Path classes = out.resolve("classes");
            Files.createDirectories(classes);
            List<String> arguments = new ArrayList<>(List.of("-d", classes.toString(), "-proc:none", "-nowarn",
                    "-cp", System.getProperty("java.class.path")));
            for (Stub stub : stubs) {
                Path file = sources.resolve(stub.className().replace('.', '/') + ".java");
                Files.createDirectories(file.getParent());
                Files.writeString(file, stub.source(), StandardCharsets.UTF_8);
                arguments.add(file.toString());
            }
            JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
            StringWriter errors = new StringWriter();
            int code = javac.run(null, null, new java.io.PrintStream(new java.io.OutputStream() {
                @Override
                public void write(int b) {
                    errors.write(b);
                }
            }, true), arguments.toArray(String[]::new));
            if (code != 0) {
                throw new AssertionError("generated stubs do not compile:\n" + errors);
            }
            URLClassLoader loader = new URLClassLoader(new java.net.URL[] {classes.toUri().toURL()},
                    StubCompiler.class.getClassLoader());
            List<MigrationEntry> entries = stubs.stream().map(s -> new MigrationEntry(s.version(), s.description(),
                    Hashing.sha256(s.source()), s.className())).toList();
            return new MigrationIndex() {
                @Override
                public List<MigrationEntry> migrations() {
                    return entries;
                }

                @Override
                public Migration load(MigrationEntry entry) {
                    try {
                        return (Migration) loader.loadClass(entry.className()).getDeclaredConstructor().newInstance();
                    } catch (ReflectiveOperationException e) {
                        throw new IllegalStateException(e);
                    }
                }
            };
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
