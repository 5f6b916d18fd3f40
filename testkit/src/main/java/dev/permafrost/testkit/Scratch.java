package dev.permafrost.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/** Temporary directories the checks work in, deleted with everything in them when the JVM exits. */
final class Scratch {

    private static final List<Path> DIRECTORIES = new ArrayList<>();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(Scratch::deleteAll, "permafrost-testkit-scratch"));
    }

    private Scratch() {
    }

    /** A new, empty directory whose name starts with {@code prefix}. */
    static Path directory(String prefix) {
        try {
            Path dir = Files.createTempDirectory(prefix);
            synchronized (DIRECTORIES) {
                DIRECTORIES.add(dir);
            }
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteAll() {
        synchronized (DIRECTORIES) {
            DIRECTORIES.forEach(Scratch::delete);
            DIRECTORIES.clear();
        }
    }

    private static void delete(Path dir) {
        try (Stream<Path> tree = Files.walk(dir)) {
            tree.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            // best effort at exit: a file still open elsewhere stays behind in the temporary directory
        }
    }
}
