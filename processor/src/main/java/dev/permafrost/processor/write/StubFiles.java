package dev.permafrost.processor.write;

import dev.permafrost.message.Message;
import dev.permafrost.processor.Diagnostics;
import dev.permafrost.snapshot.Manifest;
import dev.permafrost.snapshot.Snapshot;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The migration stubs in the source tree, checked against the manifest: one per version, none missing (but the
 * oldest ones a squash replaces), none extra. Problems are reported as {@link Message#FROZEN_FILE} with the way to recover.
 */
public final class StubFiles {

    private static final Pattern STUB = Pattern.compile("V(\\d+)_[A-Za-z0-9_$]+\\.java");

    private final Path dir;

    private StubFiles(Path dir) {
        this.dir = dir;
    }

    public static Path packageDir(Path migrationsDir, String packageName) {
        return migrationsDir.resolve(packageName.replace('.', '/'));
    }

    /** The stubs, or {@code null} after reporting what does not match the manifest. */
    public static StubFiles check(Path migrationsDir, String packageName, Manifest manifest, Diagnostics diagnostics) {
        Path dir = packageDir(migrationsDir, packageName);
        Map<Integer, String> found = new TreeMap<>();
        int before = diagnostics.errors();
        if (Files.isDirectory(dir)) {
            try (Stream<Path> listing = Files.list(dir)) {
                for (Path file : listing.sorted().toList()) {
                    Matcher m = STUB.matcher(file.getFileName().toString());
                    if (!m.matches()) {
                        continue;
                    }
                    int version = Snapshot.parseVersion(m.group(1));
                    if (version < 0) {
                        diagnostics.report(Message.FROZEN_FILE, file.getFileName() + " in " + dir + " claims version "
                                + m.group(1) + ", which Permafrost never writes: it numbers versions 1, 2, 3 in the"
                                + " order they were written. Delete it, or restore it from version control");
                        continue;
                    }
                    String other = found.put(version, file.getFileName().toString());
                    if (other != null) {
                        diagnostics.report(Message.FROZEN_FILE, other + " and " + file.getFileName() + " both claim version "
                                + version + ": two branches each added a migration. Keep one branch's V"
                                + Snapshot.versionLabel(version) + " snapshot, migration and manifest line, delete the"
                                + " other branch's migration, and compile: Permafrost writes that change as the next version");
                    }
                }
            } catch (IOException e) {
                diagnostics.report(Message.IO_FAILURE, "list", dir, Diagnostics.reason(e));
                return null;
            }
        }
        int newest = manifest == null ? 0 : manifest.newestVersion();
        for (Map.Entry<Integer, String> stub : found.entrySet()) {
            if (stub.getKey() > newest) {
                diagnostics.report(Message.FROZEN_FILE, stub.getValue() + " in " + dir + " has no snapshot "
                        + Snapshot.fileName(stub.getKey()) + " in " + Manifest.FILE + ": it was left by an interrupted"
                        + " compile or came from another branch. Delete it and compile: Permafrost writes the next"
                        + " migration itself");
            }
        }
        if (manifest != null) {
            Manifest.Squash squash = manifest.squash();
            // After a squash the oldest stubs it replaces may be deleted: databases older than the oldest one kept
            // are refused at run time (ADR 0025).
            int deleted = 0;
            while (squash != null && deleted < squash.version() && !found.containsKey(deleted + 1)) {
                deleted++;
            }
            if (squash != null && !Files.exists(dir.resolve(squash.baselineClass() + ".java"))) {
                diagnostics.report(Message.FROZEN_FILE, squash.baselineClass() + ".java, the squashed baseline "
                        + Manifest.FILE + " records for V0001 to " + Snapshot.label(squash.version()) + ", is missing from "
                        + dir + "; restore it from version control");
            }
            for (Manifest.Entry entry : manifest.entries()) {
                String expected = entry.migrationClass() + ".java";
                String actual = found.get(entry.version());
                if (actual == null && entry.version() <= deleted) {
                    continue;
                }
                if (actual == null) {
                    diagnostics.report(Message.FROZEN_FILE, expected + ", the migration of " + entry.file() + ", is missing"
                            + " from " + dir + "; restore it from version control");
                } else if (!actual.equals(expected)) {
                    diagnostics.report(Message.FROZEN_FILE, actual + " is not the migration " + Manifest.FILE + " records"
                            + " for version " + entry.version() + " (" + expected + "); restore " + expected
                            + " from version control");
                }
            }
        }
        return diagnostics.errors() > before ? null : new StubFiles(dir);
    }

    public Path path(String className) {
        return path(dir, className);
    }

    /** The stub {@code className} in {@code packageDir} ({@link #packageDir}). */
    static Path path(Path packageDir, String className) {
        return packageDir.resolve(className + ".java");
    }

    /**
     * A stub's source.
     *
     * @throws dev.permafrost.snapshot.SnapshotException when it is not UTF-8 or cannot be read, with the reason
     */
    public String read(String className) {
        return dev.permafrost.snapshot.FrozenFiles.read(path(className));
    }
}
