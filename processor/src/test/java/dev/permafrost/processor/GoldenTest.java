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
        assertEquals(Project.golden("PermafrostIndex.java"), project.stub("com.acme.shop.migrations", "PermafrostIndex"));
        assertThat(compilation).generatedSourceFile("com.acme.shop.migrations.PermafrostIndex")
                .contentsAsUtf8String().isEqualTo(Project.golden("PermafrostIndex.java"));
        assertIndex(compilation);
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
        assertIndex(again);
    }

    @Test
    void aDeletedIndexClassIsCompiledFromTheFilerWithoutTouchingTheSourceTree() throws Exception {
        Project project = new Project(dir);
        assertThat(project.compile(Shop.baseline())).succeeded();
        Files.delete(project.sourceRoot.resolve("com/acme/shop/migrations/PermafrostIndex.java"));
        Map<String, String> before = project.fingerprint();

        Compilation again = project.compileWithStubs(Shop.baseline());

        assertThat(again).succeededWithoutWarnings();
        assertEquals(before, project.fingerprint(), "an unchanged model writes nothing into the source tree");
        assertThat(again).generatedSourceFile("com.acme.shop.migrations.PermafrostIndex")
                .contentsAsUtf8String().isEqualTo(Project.golden("PermafrostIndex.java"));
        assertIndex(again);
    }

    /** The list beside the index class and the index's ServiceLoader registration. */
    private static void assertIndex(Compilation compilation) {
        String checkpoint = dev.permafrost.snapshot.SchemaCheckpoint.write(1,
                dev.permafrost.snapshot.SnapshotReader.read("V0001.sql", Project.golden("V0001.sql")).schema());
        assertThat(compilation).generatedFile(StandardLocation.CLASS_OUTPUT, "com.acme.shop.migrations",
                        dev.permafrost.snapshot.SchemaCheckpoint.RESOURCE)
                .contentsAsUtf8String().isEqualTo(checkpoint);
        assertThat(compilation).generatedFile(StandardLocation.CLASS_OUTPUT, "com.acme.shop.migrations",
                        "permafrost-index.txt")
                .contentsAsUtf8String().isEqualTo("# Permafrost migration index: version, checksum, source checksum,"
                        + " class, description; then the entities: class, table; then the newest schema's version and"
                        + " SHA-256.\n1\t"
                        + dev.permafrost.snapshot.StubChecksum.of(Project.golden("V0001_Baseline.java")) + "\t"
                        + dev.permafrost.snapshot.Hashing.sha256(Project.golden("V0001_Baseline.java"))
                        + "\tcom.acme.shop.migrations.V0001_Baseline\tbaseline\n"
                        + "entity\tcom.acme.shop.Category\tcategories\nentity\tcom.acme.shop.Product\tproducts\n"
                        + "entity\tcom.acme.shop.ProductCategory\tproduct_categories\n"
                        + "schema\t1\t" + dev.permafrost.model.Names.sha256Hex(checkpoint) + "\n");
        assertThat(compilation).generatedFile(StandardLocation.CLASS_OUTPUT,
                        "META-INF/services/dev.permafrost.runtime.spi.MigrationIndex")
                .contentsAsUtf8String().isEqualTo("com.acme.shop.migrations.PermafrostIndex\n");
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
