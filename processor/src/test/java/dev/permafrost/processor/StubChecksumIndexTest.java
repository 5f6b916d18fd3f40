package dev.permafrost.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import com.google.testing.compile.Compilation;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.tools.StandardLocation;
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
}
