package dev.permafrost.testkit;

import static org.junit.jupiter.api.Assertions.fail;

import dev.permafrost.snapshot.FrozenFiles;
import dev.permafrost.snapshot.Snapshot;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** Check 8 of {@link MigrationChecks}: generating the newest version again gives the frozen bytes. */
final class DeterminismCheck {

    private DeterminismCheck() {
    }

    static void generationIsDeterministic(MigrationChecks c) {
        FrozenFiles frozen = Checks.frozen(c);
        int newest = frozen.newestVersion();
        if (newest == 0) {
            return;
        }
        List<String> entities = Checks.entities(c, frozen);
        Path[] runs = {Scratch.directory("permafrost-generation-a"), Scratch.directory("permafrost-generation-b")};
        String[] snapshots = new String[2];
        String[] stubs = new String[2];
        String[] plans = new String[2];
        for (int run = 0; run < 2; run++) {
            Path root = runs[run];
            Path schema = root.resolve("schema");
            Path sources = root.resolve("java");
            String pkg = frozen.manifest().migrationsPackage();
            copyFrozenBefore(c, frozen, newest, schema, sources, pkg);
            List<String> errors = ProcessorRun.run(entities, c.classpath(), schema, sources, "write", root.resolve("out"));
            if (!errors.isEmpty()) {
                fail("generating " + Snapshot.fileName(newest) + " again failed:\n" + String.join("\n", errors));
            }
            snapshots[run] = Checks.read(schema.resolve(Snapshot.fileName(newest)));
            stubs[run] = Checks.read(findStub(sources.resolve(pkg.replace('.', '/')), newest));
            plans[run] = Checks.read(schema.resolve(dev.permafrost.snapshot.Plans.fileName(newest)));
        }
        if (!snapshots[0].equals(snapshots[1]) || !stubs[0].equals(stubs[1]) || !plans[0].equals(plans[1])) {
            fail("generating " + Snapshot.fileName(newest) + " twice from the same entities gave different bytes: the"
                    + " output must not depend on the run");
        }
        if (!snapshots[0].equals(frozen.text(newest))) {
            fail("generating " + Snapshot.fileName(newest) + " again from the compiled entities gives other bytes than the"
                    + " frozen file (first difference on line " + firstDifference(snapshots[0], frozen.text(newest))
                    + "); the entities changed since it was written, or the generator depends on the machine");
        }
    }

    private static void copyFrozenBefore(MigrationChecks c, FrozenFiles frozen, int newest, Path schema, Path sources,
                                         String pkg) {
        try {
            Files.createDirectories(schema);
            Path stubs = sources.resolve(pkg.replace('.', '/'));
            Files.createDirectories(stubs);
            if (newest > 1) {
                var manifest = frozen.manifest();
                var earlier = new dev.permafrost.snapshot.Manifest(pkg, manifest.entries().subList(0, newest - 1));
                Files.writeString(schema.resolve(dev.permafrost.snapshot.Manifest.FILE), earlier.write());
                for (var entry : earlier.entries()) {
                    Files.writeString(schema.resolve(entry.file()), frozen.text(entry.version()));
                    Path stub = c.migrationsDir().resolve(pkg.replace('.', '/')).resolve(entry.migrationClass() + ".java");
                    if (Files.exists(stub)) {
                        Files.copy(stub, stubs.resolve(stub.getFileName()));
                    } else {
                        // deleted after a squash (ADR 0025): the processor only needs a class of that name here
                        Files.writeString(stubs.resolve(stub.getFileName()), "package " + pkg + ";\n\npublic final class "
                                + entry.migrationClass() + " implements dev.permafrost.runtime.Migration {\n"
                                + "    public void up(dev.permafrost.runtime.Operations op) {\n    }\n\n"
                                + "    public void down(dev.permafrost.runtime.Operations op) {\n    }\n}\n");
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path findStub(Path dir, int version) {
        try (Stream<Path> listing = Files.list(dir)) {
            String prefix = "V" + Snapshot.versionLabel(version) + "_";
            return listing.filter(p -> p.getFileName().toString().startsWith(prefix)).findFirst()
                    .orElseThrow(() -> new AssertionError("no stub for " + Checks.label(version) + " was generated in " + dir));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int firstDifference(String a, String b) {
        String[] x = a.split("\n", -1);
        String[] y = b.split("\n", -1);
        for (int i = 0; i < Math.min(x.length, y.length); i++) {
            if (!x[i].equals(y[i])) {
                return i + 1;
            }
        }
        return Math.min(x.length, y.length) + 1;
    }

}
