package dev.permafrost.processor.cache;

import dev.permafrost.snapshot.FrozenFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
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

    private final Path file;
    private final Path schemaDir;
    private final Map<String, Stat> recorded;
    /**
     * When this compilation began to look at the snapshots, before any was read: a file changed since has a later
     * time, so the next compilation does not take it on its size and time (the racy rule is held against this).
     */
    private final long startedAt = CacheDir.now();

    private record Stat(CacheDir.Stamp stamp, String sha256) {
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
                    CacheDir.Stamp stamp = new CacheDir.Stamp(Long.parseLong(f[2]), Long.parseLong(f[3]));
                    if (stamp.vouchesAt(verifiedAt)) {
                        recorded.put(f[1], new Stat(stamp, f[4]));
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
     * and hashed this time). Their sizes and times are taken now, after they were read; the time of the record is the
     * one before, so that a file changed in between is not trusted by the next compilation.
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
        out.append("verified\t").append(startedAt).append('\n');
        now.forEach((name, stat) -> out.append("file\t").append(name).append('\t').append(stat.stamp().size())
                .append('\t').append(stat.stamp().modifiedNanos()).append('\t').append(stat.sha256()).append('\n'));
        CacheDir.write(filer, file, out.toString());
    }

    private static Stat stat(Path file, String sha256) {
        CacheDir.Stamp stamp = CacheDir.Stamp.of(file);
        return stamp == null ? null : new Stat(stamp, sha256);
    }
}
