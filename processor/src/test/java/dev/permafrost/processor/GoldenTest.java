package dev.permafrost.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.google.testing.compile.Compilation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javax.tools.StandardLocation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Snapshots and stubs match the golden files byte for byte, and an unchanged model writes nothing. */
class GoldenTest {

    @TempDir
    Path dir;

    @Test
    void theFirstCompileWritesTheBaselineSnapshotStubAndManifest() {
        Project project = new Project(dir);
        Compilation compilation = project.compile(Shop.baseline());

        assertThat(compilation).succeeded();
        assertEquals(Project.golden("V0001.sql"), project.snapshot(1));
        assertEquals(Project.golden("V0001_Baseline.java"), project.stub("com.acme.shop.migrations", "V0001_Baseline"));
        assertEquals(Project.golden("permafrost-1.sum"), project.read(project.schemaDir.resolve("permafrost.sum")));
        assertThat(compilation).generatedSourceFile("com.acme.shop.migrations.V0001_Baseline")
                .contentsAsUtf8String().isEqualTo(Project.golden("V0001_Baseline.java"));
        assertEquals(List.of("V0001_Baseline.java"), compilation.generatedSourceFiles().stream()
                .map(f -> f.getName().substring(f.getName().lastIndexOf('/') + 1)).toList());
        assertThat(compilation).generatedFile(StandardLocation.CLASS_OUTPUT, "META-INF/permafrost/index.txt")
                .contentsAsUtf8String().isEqualTo(index(dev.permafrost.snapshot.Hashing.sha256(
                        Project.golden("V0001_Baseline.java"))));
        assertThat(compilation).hadNoteContaining("[PF507] wrote migration");
    }

    @Test
    void anUnchangedModelWritesNothingByteForByte() throws Exception {
        Project project = new Project(dir);
        assertThat(project.compile(Shop.baseline())).succeeded();
        Map<String, String> before = project.fingerprint();
        Thread.sleep(20);

        Compilation again = project.compileWithStubs(Shop.baseline());

        assertThat(again).succeededWithoutWarnings();
        assertEquals(before, project.fingerprint());
        assertEquals(List.of(), again.generatedSourceFiles(), "an unchanged model generates no source file, so javac"
                + " needs no further processing round");
        assertThat(again).generatedFile(StandardLocation.CLASS_OUTPUT, "META-INF/permafrost/index.txt")
                .contentsAsUtf8String().isEqualTo(index(dev.permafrost.snapshot.Hashing.sha256(
                        Project.golden("V0001_Baseline.java"))));
    }

    private static String index(String checksum) {
        return "# Permafrost migration index, generated: the package, then version, checksum, class and description of"
                + " each migration, then the entities.\n"
                + "package\tcom.acme.shop.migrations\n"
                + "1\t" + checksum + "\tcom.acme.shop.migrations.V0001_Baseline\tbaseline\n"
                + "entity\tcom.acme.shop.Category\nentity\tcom.acme.shop.Product\nentity\tcom.acme.shop.ProductCategory\n";
    }

    @Test
    void aSecondEntitySetWritesMigrationTwo() {
        Project project = new Project(dir);
        assertThat(project.compile(Shop.baseline())).succeeded();

        Compilation second = project.compileWithStubs(Shop.second());

        assertThat(second).succeeded();
        assertEquals(Project.golden("V0002.sql"), project.snapshot(2));
        assertEquals(Project.golden("V0002_AlterProductsAndReviews.java"),
                project.stub("com.acme.shop.migrations", "V0002_AlterProductsAndReviews"));
        assertEquals(Project.golden("permafrost-2.sum"), project.read(project.schemaDir.resolve("permafrost.sum")));
        assertEquals(Project.golden("V0001.sql"), project.snapshot(1), "snapshot 1 is frozen");
    }

    @Test
    void generationIsDeterministicAcrossRunsAndDirectories() {
        Project first = new Project(dir.resolve("a"));
        Project second = new Project(dir.resolve("b"));
        assertThat(first.compile(Shop.baseline())).succeeded();
        assertThat(second.compile(Shop.baseline())).succeeded();
        assertEquals(first.snapshot(1), second.snapshot(1));
        assertEquals(first.stubs(), second.stubs());
        assertFalse(first.snapshot(1).contains(dir.toString()), "no machine-specific paths in frozen files");
    }

    @Test
    void missingDirectoriesAreCreatedAndNoTemporaryFilesRemain() throws Exception {
        Project project = new Project(dir);
        assertThat(project.compile(Shop.baseline())).succeeded();
        try (var files = Files.walk(dir)) {
            assertEquals(0, files.filter(p -> p.toString().endsWith(".tmp")).count());
        }
    }
}
