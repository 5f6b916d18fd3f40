package dev.permafrost.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.tools.StandardLocation;
import dev.permafrost.snapshot.StubChecksum;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The index records the checksum of each stub's code: a formatter run over a stub leaves it as it was. */
class StubChecksumIndexTest {

    @TempDir
    Path dir;

    private static String checksum(Compilation compilation) {
        try {
            String index = compilation.generatedFile(StandardLocation.CLASS_OUTPUT, "com.acme.shop.migrations",
                    "permafrost-index.txt").orElseThrow().getCharContent(true).toString();
            return index.lines().filter(l -> l.startsWith("1\t")).findFirst().orElseThrow().split("\t")[1];
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void aReformattedStubKeepsItsChecksumAndAChangedOneDoesNot() throws Exception {
        Project project = new Project(dir);
        Compilation first = project.compile(Shop.baseline());
        assertThat(first).succeeded();
        Path stub = project.sourceRoot.resolve("com/acme/shop/migrations/V0001_Baseline.java");
        String source = Files.readString(stub);

        Files.writeString(stub, "/* Reformatted by the team's formatter. */\n" + source.replace("    ", "  ")
                .replace("\n", "\r\n").replace("op.createTable(", "// the shop's tables\n  op.createTable(\n      "));
        Compilation reformatted = project.compileWithStubs(Shop.baseline());
        assertThat(reformatted).succeeded();
        assertEquals(checksum(first), checksum(reformatted));

        Files.writeString(stub, source.replace("varchar(40)", "varchar(41)"));
        Compilation changed = project.compileWithStubs(Shop.baseline());
        assertNotEquals(checksum(first), checksum(changed));
    }

    private static String checksumIn(Path classes) throws IOException {
        return Files.readAllLines(classes.resolve("com/acme/shop/migrations/permafrost-index.txt")).stream()
                .filter(l -> l.startsWith("1\t")).findFirst().orElseThrow().split("\t")[1];
    }

    /**
     * A build into the output of the last one takes over the checksum of a stub whose source is byte for byte the
     * same (it is not tokenized again), and computes it again for a stub that changed: never a stale checksum.
     */
    @Test
    void aBuildIntoTheLastOutputTakesOverOnlyTheChecksumsOfUnchangedStubs() throws Exception {
        Project project = new Project(dir.resolve("project"));
        project.writeSources(Shop.baseline());
        Path classes = dir.resolve("classes");
        assertTrue(project.compileFiles(project.sourceFiles(), classes, true).succeeded());
        Path stub = project.sourceRoot.resolve("com/acme/shop/migrations/V0001_Baseline.java");
        String source = Files.readString(stub);
        String computed = checksumIn(classes);
        assertEquals(StubChecksum.of(source), computed);

        // What the last index recorded for this very source is what the next one gives.
        Path index = classes.resolve("com/acme/shop/migrations/permafrost-index.txt");
        String recorded = StubChecksum.SCHEME + "0".repeat(computed.length() - StubChecksum.SCHEME.length());
        Files.writeString(index, Files.readString(index).replace(computed, recorded));
        assertTrue(project.compileFiles(project.sourceFiles(), classes, true).succeeded());
        assertEquals(recorded, checksumIn(classes));

        // A changed stub is tokenized again, whatever the last index says.
        String edited = source.replace("varchar(40)", "varchar(41)");
        Files.writeString(stub, edited);
        Project.DiskCompilation again = project.compileFiles(project.sourceFiles(), classes, true);
        assertTrue(again.succeeded(), again.output());
        assertEquals(StubChecksum.of(edited), checksumIn(classes));
        assertNotEquals(computed, checksumIn(classes));
    }
}
