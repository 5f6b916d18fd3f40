package dev.permafrost.processor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.permafrost.processor.write.FrozenWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A version's files are written all or nothing: whichever write or move fails (a full disk, a permission),
 * the source tree is exactly as it was, with the manifest's old content and no temporary file.
 */
class FrozenWriterTest {

    @TempDir
    Path dir;

    /** A disk whose {@code failAt}-th operation (writes and moves counted together, from 1) fails. */
    private static FrozenWriter.Disk failingAt(int failAt, AtomicInteger operations) {
        return new FrozenWriter.Disk() {
            @Override
            public void write(Path path, byte[] content) throws IOException {
                fail();
                FrozenWriter.Disk.super.write(path, content);
            }

            @Override
            public void move(Path from, Path to) throws IOException {
                fail();
                FrozenWriter.Disk.super.move(from, to);
            }

            private void fail() throws IOException {
                if (operations.incrementAndGet() == failAt) {
                    throw new IOException("No space left on device");
                }
            }
        };
    }

    private List<FrozenWriter.File> version(int n) {
        Path schema = dir.resolve("src/main/resources/db/permafrost");
        Path migrations = dir.resolve("src/main/java/com/acme/migrations");
        List<FrozenWriter.File> files = new java.util.ArrayList<>(List.of(
                new FrozenWriter.File(migrations.resolve("V000" + n + "_Change.java"), "class V" + n + " {}\n", false),
                new FrozenWriter.File(schema.resolve("V000" + n + ".sql"), "-- snapshot " + n + "\n", false),
                new FrozenWriter.File(schema.resolve("permafrost.sum"), "manifest after " + n + "\n", true)));
        if (n == 1) {
            files.add(new FrozenWriter.File(migrations.resolve("PermafrostIndex.java"), "class PermafrostIndex {}\n", false));
        }
        return files;
    }

    private Map<String, String> tree() throws IOException {
        Map<String, String> files = new TreeMap<>();
        if (Files.exists(dir)) {
            try (Stream<Path> walk = Files.walk(dir)) {
                for (Path p : walk.toList()) {
                    files.put(dir.relativize(p).toString(), Files.isDirectory(p) ? "dir" : Files.readString(p));
                }
            }
        }
        return files;
    }

    @Test
    void aFirstVersionThatFailsAtAnyStepLeavesNothingBehind() throws Exception {
        int operations = 2 * version(1).size();
        for (int failAt = 1; failAt <= operations; failAt++) {
            Map<String, String> before = tree();
            int at = failAt;
            IOException e = assertThrows(IOException.class,
                    () -> FrozenWriter.write(version(1), failingAt(at, new AtomicInteger())));
            assertEquals("No space left on device", e.getMessage());
            assertEquals(before, tree(), "failing at operation " + failAt);
        }
        FrozenWriter.write(version(1));
        assertEquals("manifest after 1\n", Files.readString(dir.resolve("src/main/resources/db/permafrost/permafrost.sum")));
    }

    @Test
    void aLaterVersionThatFailsAtAnyStepKeepsTheManifestItReplaces() throws Exception {
        FrozenWriter.write(version(1));
        int operations = 2 * version(2).size();
        for (int failAt = 1; failAt <= operations; failAt++) {
            Map<String, String> before = tree();
            int at = failAt;
            assertThrows(IOException.class, () -> FrozenWriter.write(version(2), failingAt(at, new AtomicInteger())));
            assertEquals(before, tree(), "failing at operation " + failAt);
            assertEquals("manifest after 1\n", Files.readString(dir.resolve("src/main/resources/db/permafrost/permafrost.sum")));
        }
        FrozenWriter.write(version(2));
        assertTrue(Files.exists(dir.resolve("src/main/resources/db/permafrost/V0002.sql")));
    }
}
