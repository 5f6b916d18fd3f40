package dev.permafrost.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import dev.permafrost.dialect.Dialect;
import dev.permafrost.dialect.Dialects;
import dev.permafrost.dialect.SqlRenderer;
import dev.permafrost.runtime.internal.FrozenPlans;
import dev.permafrost.runtime.internal.Migrations;
import dev.permafrost.runtime.internal.Planner;
import dev.permafrost.runtime.internal.Recorder;
import dev.permafrost.runtime.spi.MigrationIndex;
import dev.permafrost.snapshot.Plans;
import dev.permafrost.snapshot.StubChecksum;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javax.tools.StandardLocation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The plans the processor writes with each stub (ADR 0026) are, statement for statement, what the runtime plans from
 * the compiled stub on each declared database, in each direction and form; the newest go beside the index.
 */
class FrozenPlansTest {

    @TempDir
    Path dir;

    private static final String PKG = "com.acme.shop.migrations";

    @Test
    void eachStubsPlansAreWhatTheRuntimePlansFromIt() throws Exception {
        Project project = new Project(dir.resolve("project"));
        assertThat(project.compile(Shop.baseline())).succeeded();
        Compilation second = project.compileWithStubs(Shop.second());
        assertThat(second).succeeded();
        Map<String, String> third = Shop.second();
        third.put("com.acme.shop.Category", Shop.CATEGORY.replace("public record Category(",
                "@Index(columns = \"title\")\npublic record Category("));
        Compilation last = project.compileWithStubs(third);
        assertThat(last).succeeded();

        MigrationIndex index = project.compiledStubs(dir.resolve("stubs"));
        Migrations migrations = Migrations.replayed(index);
        int compared = 0;
        for (int version = 1; version <= 3; version++) {
            Path file = project.schemaDir.resolve(Plans.fileName(version));
            Plans plans = Plans.read(version, Files.readString(file));
            assertNotNull(plans, file + " reads");
            String prefix = ".V000" + version + "_";
            String stubName = project.stubs().keySet().stream().filter(n -> n.contains(prefix)).findFirst().orElseThrow();
            assertEquals(StubChecksum.of(project.stubs().get(stubName)), plans.stubChecksum());
            assertEquals(List.copyOf(Migrations.created(migrations.up(version))), plans.creates());
            for (Target target : Target.all()) {
                Dialect dialect = Dialects.of(target.jooq());
                SqlRenderer renderer = new SqlRenderer(dialect);
                for (boolean up : new boolean[] {true, false}) {
                    Recorder.Recording recording = up ? migrations.up(version) : migrations.down(version);
                    for (boolean lockSafe : new boolean[] {false, true}) {
                        List<Plans.Step> expected = FrozenPlans.freeze(Planner.plan(renderer, version, recording.before(),
                                recording.steps(), lockSafe));
                        Plans.Key key = new Plans.Key(dialect.displayName(), up, lockSafe);
                        assertEquals(expected, plans.plans().get(key), key + " of V000" + version);
                        compared += expected == null ? 0 : 1;
                    }
                }
            }
        }
        // Every plan but SQLite's rebuilds is frozen: V0002 adds a table and a column, V0003 an index.
        assertTrue(compared >= 40, "plans compared: " + compared);
        assertNotNull(Plans.read(3, Files.readString(project.schemaDir.resolve("V0003.plans"))).plans()
                .get(new Plans.Key("PostgreSQL", true, true)));

        // The newest plans go beside the index, as written.
        for (int version = 1; version <= 3; version++) {
            assertEquals(Files.readString(project.schemaDir.resolve(Plans.fileName(version))),
                    last.generatedFile(StandardLocation.CLASS_OUTPUT, PKG, Plans.fileName(version)).orElseThrow()
                            .getCharContent(true).toString());
        }
    }

    @Test
    void plansAreForTheDeclaredDatabasesAndAnUnchangedBuildWritesNone() throws Exception {
        Project project = new Project(dir.resolve("declared")).option("-Apermafrost.databases=postgresql");
        assertThat(project.compile(Shop.baseline())).succeeded();
        String plans = Files.readString(project.schemaDir.resolve("V0001.plans"));
        assertTrue(plans.contains("-- plan: PostgreSQL up\n"), plans);
        assertFalse(plans.contains("SQLite"), plans);
        Map<String, String> before = project.fingerprint();
        assertThat(project.compileWithStubs(Shop.baseline())).succeeded();
        assertEquals(before, project.fingerprint());
    }
}
