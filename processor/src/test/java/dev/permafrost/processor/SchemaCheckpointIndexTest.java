package dev.permafrost.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import dev.permafrost.model.Names;
import dev.permafrost.snapshot.SchemaCheckpoint;
import dev.permafrost.snapshot.Snapshot;
import dev.permafrost.snapshot.SnapshotReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import javax.tools.StandardLocation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every build records the newest frozen schema beside the index, listed there with its version and SHA-256, so that
 * the runtime starts from it instead of replaying every stub (ADR 0024).
 */
class SchemaCheckpointIndexTest {

    private static final String PACKAGE = "com.acme.shop.migrations";

    @TempDir
    Path dir;

    private static String resource(Compilation compilation, String name) {
        try {
            return compilation.generatedFile(StandardLocation.CLASS_OUTPUT, PACKAGE, name).orElseThrow()
                    .getCharContent(true).toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void recordsTheNewestSnapshot(Project project, Compilation compilation, int version) {
        String checkpoint = resource(compilation, SchemaCheckpoint.RESOURCE);
        SchemaCheckpoint.Read read = SchemaCheckpoint.read(checkpoint);
        assertEquals(version, read.version());
        assertEquals(SnapshotReader.read(Snapshot.fileName(version), project.snapshot(version)).schema(), read.schema());
        String index = resource(compilation, "permafrost-index.txt");
        assertTrue(index.endsWith("\nschema\t" + version + "\t" + Names.sha256Hex(checkpoint) + "\n"), index);
    }

    @Test
    void theBaselineTheNextVersionAndAnUnchangedBuildEachRecordTheNewestSchema() {
        Project project = new Project(dir);
        Compilation first = project.compile(Shop.baseline());
        assertThat(first).succeeded();
        recordsTheNewestSnapshot(project, first, 1);

        Compilation second = project.compileWithStubs(Shop.second());
        assertThat(second).succeeded();
        recordsTheNewestSnapshot(project, second, 2);

        Compilation unchanged = project.compileWithStubs(Shop.second());
        assertThat(unchanged).succeeded();
        recordsTheNewestSnapshot(project, unchanged, 2);
        assertEquals(resource(second, SchemaCheckpoint.RESOURCE), resource(unchanged, SchemaCheckpoint.RESOURCE),
                "the same schema, the same bytes, whether the build wrote the version or found it unchanged");
    }
}
