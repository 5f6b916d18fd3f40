package dev.permafrost.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The first migration written onto a disk that fills up half way: the compile fails with the reason, the
 * source tree holds nothing new (no orphan manifest), and once there is room the next compile writes it all.
 * The disk is a real, small tmpfs (mounting one needs root, as on the CI machines; elsewhere it is skipped).
 */
class DiskFullTest {

    @TempDir
    Path dir;

    private static int run(String... command) throws Exception {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        process.getInputStream().readAllBytes();
        return process.waitFor();
    }

    @Test
    void aDiskThatFillsUpWhileTheFirstMigrationIsWrittenLeavesNothingHalfWritten() throws Exception {
        Path disk = dir.resolve("disk");
        Files.createDirectories(disk);
        Assumptions.assumeTrue(run("mount", "-t", "tmpfs", "-o", "size=64k", "tmpfs", disk.toString()) == 0,
                "needs to mount a small tmpfs (root): skipped");
        try {
            Project project = new Project(disk.resolve("project"));
            Files.createDirectories(project.schemaDir);
            Files.createDirectories(project.sourceRoot);
            long usable = Files.getFileStore(disk).getUsableSpace();
            Path filler = disk.resolve("filler");
            Files.write(filler, new byte[(int) (usable - 3 * 4096)]);
            Map<String, String> before = project.fingerprint();

            Compilation full = project.compile(Shop.baseline());

            assertThat(full).failed();
            assertThat(full).hadErrorContaining("[PF103] cannot write migration V0001_Baseline: ");
            assertThat(full).hadErrorContaining("No space left on device");
            assertThat(full).hadErrorContaining("; nothing was written");
            assertEquals(before, project.fingerprint(), "no orphan manifest, stub or snapshot");
            try (var files = Files.walk(disk)) {
                assertEquals(List.of(), files.filter(p -> p.toString().endsWith(".tmp")).toList());
            }

            Files.delete(filler);
            Compilation again = project.compile(Shop.baseline());
            assertThat(again).succeeded();
            assertTrue(Files.exists(project.schemaDir.resolve("permafrost.sum")));
            assertTrue(Files.exists(project.schemaDir.resolve("V0001.sql")));
        } finally {
            run("umount", disk.toString());
        }
    }
}
