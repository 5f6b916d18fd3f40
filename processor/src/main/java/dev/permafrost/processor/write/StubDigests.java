package dev.permafrost.processor.write;

import dev.permafrost.snapshot.FrozenFiles;
import dev.permafrost.snapshot.Hashing;
import dev.permafrost.snapshot.Manifest;
import dev.permafrost.snapshot.StubChecksum;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The stubs' sources and checksums, taken beside javac's thread while it reads the entities: a build into a fresh
 * output has no earlier index whose checksums it can take over, and the tokens of every stub (1.1 MB for the baseline
 * of a 1,000-table model) are otherwise read on javac's thread. A stub that cannot be read here is read, and its
 * problem reported, where the index is written, as before.
 */
public final class StubDigests {

    /** One stub as read: its source, the SHA-256 of that source and its {@link StubChecksum}. */
    public record Digest(String source, String sourceChecksum, String checksum) {
    }

    private final Map<Path, Digest> digests = new ConcurrentHashMap<>();

    /**
     * Reads and checksums every stub {@code manifest} lists in its package under {@code migrationsDir}, unless
     * {@code classOutput} holds an index of an earlier build (whose checksums are taken over instead).
     */
    public void compute(Path migrationsDir, Path classOutput, Manifest manifest) {
        if (manifest == null || (classOutput != null && Files.exists(IndexWriter.indexFile(classOutput,
                manifest.migrationsPackage())))) {
            return;
        }
        Path dir = StubFiles.packageDir(migrationsDir, manifest.migrationsPackage());
        for (Manifest.Entry entry : manifest.entries()) {
            Path file = StubFiles.path(dir, entry.migrationClass());
            try {
                String source = FrozenFiles.read(file);
                digests.put(file, new Digest(source, Hashing.sha256(source), StubChecksum.of(source)));
            } catch (RuntimeException missingOrUnreadable) {
                // left to the index, which reads it again and reports what is wrong
            }
        }
    }

    /** The stub at {@code file} as {@link #compute} read it, or {@code null}. */
    public Digest get(Path file) {
        return digests.get(file);
    }
}
