package dev.permafrost.processor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.permafrost.processor.cache.ModelCache;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An IDE compiles the file that changed; the model is every entity (ADR 0027). The last build's model, recorded in the
 * source output, spares reading the others from their class files when it can vouch for them, and never when a class
 * file changed behind it: a compilation that takes it writes what a full reading would.
 */
class ModelCacheTest {

    @TempDir
    Path dir;

    private static final String BASE = """
            package com.acme;

            import dev.permafrost.annotations.*;

            public abstract class Audited {
                @Column(length = 40) String createdBy;
            }
            """;
    private static final String ITEM = """
            package com.acme;

            import dev.permafrost.annotations.*;

            @Table(name = "items")
            public class Item extends Audited {
                @Id long id;
                @Column(length = 100) String name;
            }
            """;
    private static final String TAG = """
            package com.acme;

            import dev.permafrost.annotations.*;

            @Table(name = "tags")
            public class Tag {
                @Id long id;
                @Column(length = 40) String label;
            }
            """;

    private Project project;
    private Path classes;

    private Project.DiskCompilation compile(String file, List<String> read) {
        return project.compileFiles(List.of(file), classes, false, Project.generated(classes), true, read::add);
    }

    private void fullBuild() {
        project = new Project(dir.resolve("project"));
        classes = dir.resolve("classes");
        project.writeSources(Map.of("com.acme.Audited", BASE, "com.acme.Item", ITEM, "com.acme.Tag", TAG));
        Project.DiskCompilation full = project.compileFiles(project.sourceFiles(), classes, true);
        assertTrue(full.succeeded(), full.output());
    }

    /** Where the project's classes go (set by {@link #fullBuild}, which every test starts with). */
    private Path classes() {
        return dir.resolve("classes");
    }

    private interface Io<T> {
        T get() throws java.io.IOException;
    }

    private static <T> T io(Io<T> action) {
        try {
            return action.get();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private Path cacheFile() {
        return Project.generated(classes).resolve(ModelCache.FILE);
    }

    private static String read(Path file) throws Exception {
        return Files.readString(file);
    }

    private String index() throws Exception {
        return read(classes.resolve("com/acme/migrations/permafrost-index.txt"))
                + read(classes.resolve("com/acme/migrations/permafrost-schema.txt"));
    }

    @Test
    void anIdeCompileOfOneEntityNeitherReadsTheOthersNorWritesAnything() throws Exception {
        fullBuild();
        String index = index();
        Map<String, String> before = project.fingerprint();
        List<String> read = new ArrayList<>();
        // The full build compiled every entity: the first compile of one reads the others once and records them.
        Project.DiskCompilation first = compile("com/acme/Tag.java", read);
        assertTrue(first.succeeded(), first.output());
        assertTrue(read.contains("com.acme.Item"), read.toString());
        assertTrue(read(cacheFile()).contains("entity\tcom.acme.Item\titems\t"), read(cacheFile()));

        read.clear();
        Project.DiskCompilation again = compile("com/acme/Tag.java", read);

        assertTrue(again.succeeded(), again.output());
        assertFalse(read.contains("com.acme.Item"), "Item's class file is vouched for by its bytes: " + read);
        assertFalse(read.contains("com.acme.Audited"), read.toString());
        assertEquals(before, project.fingerprint(), "nothing written: " + again.output());
        assertEquals(index, index(), "the same index and schema as the full build, byte for byte");
    }

    /**
     * After a full build and an IDE's compile of {@code Tag} (which records the model), {@code type} is changed to
     * {@code source} and compiled alone, with the processor or without (a build that skips it; an {@code Audited}
     * holds no entity, so the processor has nothing to do), with {@code before} and {@code after} run around that;
     * then {@code Tag} is compiled alone again.
     */
    private Project.DiskCompilation tagAfter(String type, String source, boolean process, Runnable before,
                                             Runnable after) {
        fullBuild();
        compile("com/acme/Tag.java", new ArrayList<>());
        before.run();
        project.writeSources(Map.of(type, source));
        Project.DiskCompilation changed = project.compileFiles(List.of(type.replace('.', '/') + ".java"), classes, false,
                Project.generated(classes), process, null);
        assertTrue(changed.succeeded(), changed.output());
        after.run();
        return compile("com/acme/Tag.java", new ArrayList<>());
    }

    @Test
    void anEntityWhoseClassFileChangedBehindTheCacheIsReadAgain() throws Exception {
        Project.DiskCompilation partial = tagAfter("com.acme.Item", ITEM.replace("    @Column(length = 100) String name;\n",
                "    @Column(length = 100) String name;\n    Integer stock;\n"), false, () -> { }, () -> { });

        assertTrue(partial.succeeded(), partial.output());
        assertTrue(project.stub("com.acme.migrations", "V0002_AddStockToItems")
                .contains("op.addColumn(\"items\", column(\"stock\", INTEGER));"), partial.output());
    }

    @Test
    void aClassFileRewrittenWithItsSizeAndTimeSoonAfterTheRecordingIsStillReadAgain() throws Exception {
        Path item = classes().resolve("com/acme/Item.class");
        FileTime[] time = new FileTime[1];
        long[] size = new long[1];
        Project.DiskCompilation partial = tagAfter("com.acme.Item", ITEM.replace("length = 100", "length = 101"), false,
                () -> {
                    time[0] = io(() -> Files.getLastModifiedTime(item));
                    size[0] = io(() -> Files.size(item));
                }, () -> {
                    assertEquals(size[0], io(() -> Files.size(item)), "the same size");
                    io(() -> Files.setLastModifiedTime(item, time[0]));
                });

        assertTrue(partial.succeeded(), partial.output());
        assertTrue(project.snapshot(2).contains("name varchar(101)"), "a time within two seconds of the recording"
                + " vouches for nothing (git's racy files): " + partial.output());
    }

    @Test
    void aSuperclassThatChangedBehindTheCacheMakesItsEntitiesReadAgain() throws Exception {
        Project.DiskCompilation partial = tagAfter("com.acme.Audited", BASE.replace("String createdBy;\n",
                "String createdBy;\n    java.time.Instant createdAt;\n"), true, () -> { }, () -> { });

        assertTrue(partial.succeeded(), partial.output());
        assertTrue(project.stub("com.acme.migrations", "V0002_AddCreatedAtToItems")
                .contains("op.addColumn(\"items\", column(\"created_at\", TIMESTAMP_TZ));"), partial.output());
    }

    @Test
    void anEntityThatChangedIsWrittenAndTheNextCompileStartsFromIt() throws Exception {
        fullBuild();
        compile("com/acme/Tag.java", new ArrayList<>());
        project.writeSources(Map.of("com.acme.Tag", TAG.replace("String label;", "String label;\n    Integer rank;")));

        Project.DiskCompilation changed = compile("com/acme/Tag.java", new ArrayList<>());
        assertTrue(changed.succeeded(), changed.output());
        assertTrue(Files.exists(project.schemaDir.resolve("V0002.sql")), changed.output());
        Map<String, String> before = project.fingerprint();

        Project.DiskCompilation unchanged = compile("com/acme/Item.java", new ArrayList<>());

        assertTrue(unchanged.succeeded(), unchanged.output());
        assertEquals(before, project.fingerprint(), unchanged.output());
    }

    @Test
    void aRebuildThatFindsAnEntityChangedWritesItAndPrintsEveryNoteOnce() throws Exception {
        fullBuild();
        project.writeSources(Map.of("com.acme.Item", ITEM.replace("String name;", "String name;\n    @Column(name = \"order\")"
                + " String owner;")));
        Project.DiskCompilation withOwner = project.compileFiles(project.sourceFiles(), classes, false,
                Project.generated(classes), true, null);
        assertTrue(withOwner.succeeded(), withOwner.output());
        assertTrue(read(cacheFile()).contains("entity\tcom.acme.Tag\t"), "the model is recorded");
        project.writeSources(Map.of("com.acme.Tag", TAG.replace("String label;", "String label;\n    Integer rank;")));

        // Every source again into the kept output (Maven after one file changed): the record is checked entity by
        // entity (Item reads with a note: the full path; Tag differs), then the model is read; a reading the check made
        // without a message is taken over, one with a note is read again and its note printed once.
        Project.DiskCompilation rebuild = project.compileFiles(project.sourceFiles(), classes, false,
                Project.generated(classes), true, null);

        assertTrue(rebuild.succeeded(), rebuild.output());
        assertTrue(project.stub("com.acme.migrations", "V0003_AddRankToTags")
                .contains("op.addColumn(\"tags\", column(\"rank\", INTEGER));"), rebuild.output());
        assertEquals(1, rebuild.output().split("\\[PF204\\] column name 'order'", -1).length - 1, rebuild.output());
        assertTrue(project.snapshot(3).contains("create table items"), "both entities are in the model");
        assertTrue(project.snapshot(3).contains("\"order\" varchar"), project.snapshot(3));

        // An IDE's compile of that entity prints its note again, as javac prints a warning at every compile.
        Project.DiskCompilation ide = compile("com/acme/Item.java", new ArrayList<>());
        assertTrue(ide.succeeded(), ide.output());
        assertTrue(ide.output().contains("[PF204] column name 'order'"), ide.output());
    }

    @Test
    void aSourceOutputThatIsTheClassOutputKeepsNoCacheThere() throws Exception {
        project = new Project(dir.resolve("project"));
        classes = dir.resolve("classes");
        project.writeSources(Map.of("com.acme.Audited", BASE, "com.acme.Item", ITEM, "com.acme.Tag", TAG));
        assertTrue(project.compileFiles(project.sourceFiles(), classes, true, null, true, null).succeeded());
        assertTrue(project.compileFiles(List.of("com/acme/Tag.java"), classes, false, null, true, null).succeeded());

        try (Stream<Path> files = Files.walk(dir)) {
            assertEquals(List.of(), files.filter(f -> f.getFileName().toString().equals(ModelCache.FILE)).toList(),
                    "nothing a jar would package");
        }
    }
}
