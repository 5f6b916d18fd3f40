package dev.permafrost.processor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.permafrost.processor.cache.FrozenStats;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A compilation reads and hashes again only the frozen snapshots whose size or time changed since one verified them
 * (ADR 0027), as git's index does; the newest is always read. An edited snapshot is still refused.
 */
class FrozenStatsTest {

    @TempDir
    Path dir;

    private Project project;
    private Path classes;

    /** A project at V0002, built, with its snapshots verified long enough ago to be trusted. */
    private void twoVersions() throws Exception {
        project = new Project(dir.resolve("project"));
        classes = dir.resolve("classes");
        project.writeSources(Map.of("com.acme.Item", PartialCompilationTest.ITEM, "com.acme.Tag", PartialCompilationTest.TAG));
        assertTrue(project.compileFiles(project.sourceFiles(), classes, true).succeeded());
        project.writeSources(Map.of("com.acme.Tag", PartialCompilationTest.TAG.replace("String label;",
                "String label;\n    Integer rank;")));
        Project.DiskCompilation second = project.compileFiles(project.sourceFiles(), classes, true);
        assertTrue(second.succeeded(), second.output());
        for (String name : List.of("V0001.sql", "V0002.sql")) {
            Path file = project.schemaDir.resolve(name);
            Files.setLastModifiedTime(file, FileTime.fromMillis(System.currentTimeMillis() - 60_000));
        }
        Project.DiskCompilation verifies = compileTag();
        assertTrue(verifies.succeeded(), verifies.output());
        assertTrue(Files.readString(stats()).contains("file\tV0001.sql\t"), Files.readString(stats()));
    }

    private Project.DiskCompilation compileTag() {
        return project.compileFiles(List.of("com/acme/Tag.java"), classes, false);
    }

    private Path stats() {
        return Project.generated(classes).resolve(FrozenStats.FILE);
    }

    @Test
    void aSnapshotWhoseSizeAndTimeAreTheVerifiedOnesIsNotReadAgain() throws Exception {
        twoVersions();
        Path first = project.schemaDir.resolve("V0001.sql");
        FileTime time = Files.getLastModifiedTime(first);
        String text = Files.readString(first);
        Files.writeString(first, text.replace("create table items", "create table itemz"));
        Files.setLastModifiedTime(first, time);

        Project.DiskCompilation trusted = compileTag();

        assertTrue(trusted.succeeded(), "not read, as git does not read a file its index vouches for: "
                + trusted.output());
        assertFalse(trusted.output().contains("PF"), trusted.output());
    }

    @Test
    void anEditedSnapshotIsStillRefused() throws Exception {
        twoVersions();
        Path first = project.schemaDir.resolve("V0001.sql");
        Files.writeString(first, Files.readString(first).replace("create table items", "create table itemz"));

        Project.DiskCompilation edited = compileTag();

        assertFalse(edited.succeeded(), edited.output());
        assertTrue(edited.output().contains("[PF400] V0001.sql: changed after it was frozen (recorded sha256 "), edited.output());
    }

    @Test
    void aCompilationWithoutAnythingNewLeavesTheRecordAsItWas() throws Exception {
        twoVersions();
        String before = Files.readString(stats());
        FileTime written = Files.getLastModifiedTime(stats());

        assertTrue(compileTag().succeeded());

        assertEquals(before, Files.readString(stats()));
        assertEquals(written, Files.getLastModifiedTime(stats()), "not written again");
    }
}
