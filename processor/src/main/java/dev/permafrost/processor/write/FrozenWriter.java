package dev.permafrost.processor.write;

import dev.permafrost.processor.Diagnostics;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes a new version's files into the source tree all or nothing. Every file is first written in full to a
 * temporary name beside it (where a full disk or a missing permission shows), and only then are they moved
 * into place, the manifest last. If anything fails, every file this call created is removed, every file it
 * replaced gets its old content back, and no temporary file is left. New files never overwrite existing ones.
 */
public final class FrozenWriter {

    /** One file to write; {@code replaces} for the manifest, which every version rewrites. */
    public record File(Path path, String content, boolean replaces) {
    }

    /** The file system operations, so that tests can make any one of them fail. */
    public interface Disk {
        Disk REAL = new Disk() {
        };

        default void write(Path path, byte[] content) throws IOException {
            Files.write(path, content);
        }

        default void move(Path from, Path to) throws IOException {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        }
    }

    private FrozenWriter() {
    }

    public static void write(List<File> files) throws IOException {
        write(files, Disk.REAL);
    }

    public static void write(List<File> files, Disk disk) throws IOException {
        for (File file : files) {
            if (!file.replaces() && Files.exists(file.path())) {
                throw new IOException(file.path() + " exists already and is never overwritten");
            }
        }
        List<Path> directories = new ArrayList<>();
        Map<File, Path> temporaries = new LinkedHashMap<>();
        Map<Path, byte[]> replaced = new LinkedHashMap<>();
        List<Path> created = new ArrayList<>();
        try {
            for (File file : files) {
                createDirectories(file.path().getParent(), directories);
                Path temporary = file.path().resolveSibling(file.path().getFileName() + ".tmp");
                temporaries.put(file, temporary);
                disk.write(temporary, file.content().getBytes(StandardCharsets.UTF_8));
            }
            List<File> order = new ArrayList<>(files.stream().filter(f -> !f.replaces()).toList());
            order.addAll(files.stream().filter(File::replaces).toList());
            for (File file : order) {
                if (Files.exists(file.path())) {
                    replaced.put(file.path(), Files.readAllBytes(file.path()));
                } else {
                    created.add(file.path());
                }
                disk.move(temporaries.get(file), file.path());
            }
        } catch (IOException | RuntimeException e) {
            undo(temporaries.values(), created, replaced, directories, e);
            throw e;
        }
    }

    private static void createDirectories(Path dir, List<Path> created) throws IOException {
        List<Path> missing = new ArrayList<>();
        for (Path d = dir; d != null && !Files.exists(d); d = d.getParent()) {
            missing.add(0, d);
        }
        for (Path d : missing) {
            try {
                Files.createDirectory(d);
            } catch (IOException e) {
                throw new IOException("cannot create directory " + d + " (" + Diagnostics.reason(e) + ")", e);
            }
            created.add(0, d);
        }
    }

    /** Puts everything back as it was; what cannot be put back is added to the failure. */
    private static void undo(Iterable<Path> temporaries, List<Path> created, Map<Path, byte[]> replaced,
                             List<Path> directories, Exception failure) {
        for (Path temporary : temporaries) {
            quietly(() -> Files.deleteIfExists(temporary), failure);
        }
        for (Path path : created) {
            quietly(() -> Files.deleteIfExists(path), failure);
        }
        replaced.forEach((path, content) -> quietly(() -> Files.write(path, content), failure));
        for (Path dir : directories) {
            quietly(() -> Files.deleteIfExists(dir), failure);
        }
    }

    private interface Action {
        void run() throws IOException;
    }

    private static void quietly(Action action, Exception failure) {
        try {
            action.run();
        } catch (IOException e) {
            failure.addSuppressed(e);
        }
    }
}
