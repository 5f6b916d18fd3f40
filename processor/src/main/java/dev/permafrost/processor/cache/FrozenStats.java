package dev.permafrost.processor.cache;

import dev.permafrost.snapshot.FrozenFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import javax.annotation.processing.Filer;

/**
 * The frozen snapshots an earlier compilation verified, by their size and modification time, as git's index keeps
 * them (ADR 0027): a compilation reads and hashes again only the snapshots that changed since, or that were changed
 * too shortly before they were verified to tell (git's "racy" files). A history of 100 versions of a 1,000-entity
 * model is 47 MB of snapshots, which every compilation read and hashed; the newest is still read, when the model is
 * compared with it.
 */
public final class FrozenStats implements FrozenFiles.Trusted {

    /** The file, at the root of the source output. */
    public static final String FILE = "permafrost-frozen-files.txt";
    private static final String HEADER = "# Permafrost frozen files verified: derived by the annotation processor, safe to delete";
    /** How much older than its verification a file's time must be to be trusted. */
    private static final long RACY_NANOS = TimeUnit.SECONDS.toNanos(2);

    private final Path file;
    private final Path schemaDir;
    private final Map<String, Stat> recorded;

    private record Stat(long size, long modifiedNanos, String sha256) {
    }

    private FrozenStats(Path file, Path schemaDir, Map<String, Stat> recorded) {
        this.file = file;
        this.schemaDir = schemaDir;
        this.recorded = recorded;
    }

    /** The stats recorded for {@code schemaDir}, or none; {@code null} when nothing can be kept ({@link CacheDir}). */
    public static FrozenStats of(Filer filer, Path classOutput, Path schemaDir) {
        Path file = CacheDir.file(filer, classOutput, FILE);
        if (file == null) {
            return null;
        }
        Map<String, Stat> recorded = new HashMap<>();
        try {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            if (lines.size() >= 2 && lines.get(0).equals(HEADER)
                    && lines.get(1).equals("dir\t" + schemaDir.toAbsolutePath().normalize())) {
                long verifiedAt = Long.parseLong(lines.get(2).split("\t")[1]);
                for (String line : lines.subList(3, lines.size())) {
                    String[] f = line.split("\t");
                    long modified = Long.parseLong(f[3]);
                    if (modified < verifiedAt - RACY_NANOS) {
                        recorded.put(f[1], new Stat(Long.parseLong(f[2]), modified, f[4]));
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            recorded.clear();
        }
        return new FrozenStats(file, schemaDir, recorded);
    }

    @Override
    public boolean unchanged(Path snapshot, String sha256) {
        Stat was = recorded.get(snapshot.getFileName().toString());
        Stat now = stat(snapshot, sha256);
        return was != null && was.equals(now);
    }

    /**
     * Records the snapshots of {@code frozen}, all verified by now, when that is not what was recorded (a file was read
     * and hashed this time).
     */
    public void record(Filer filer, FrozenFiles frozen) {
        Map<String, Stat> now = new TreeMap<>();
        for (int v = 1; v <= frozen.newestVersion(); v++) {
            Path snapshot = frozen.file(v);
            Stat stat = stat(snapshot, frozen.hash(v));
            if (stat == null) {
                return;
            }
            now.put(snapshot.getFileName().toString(), stat);
        }
        if (now.equals(new TreeMap<>(recorded))) {
            return;
        }
        StringBuilder out = new StringBuilder(HEADER).append('\n');
        out.append("dir\t").append(schemaDir.toAbsolutePath().normalize()).append('\n');
        out.append("verified\t").append(TimeUnit.MILLISECONDS.toNanos(System.currentTimeMillis())).append('\n');
        now.forEach((name, stat) -> out.append("file\t").append(name).append('\t').append(stat.size()).append('\t')
                .append(stat.modifiedNanos()).append('\t').append(stat.sha256()).append('\n'));
        CacheDir.write(filer, file, out.toString());
    }

    private static Stat stat(Path file, String sha256) {
        try {
            BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
            return new Stat(attributes.size(), attributes.lastModifiedTime().to(TimeUnit.NANOSECONDS), sha256);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }
}
