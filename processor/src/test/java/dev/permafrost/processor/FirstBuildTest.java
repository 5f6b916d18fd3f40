package dev.permafrost.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import javax.tools.StandardLocation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The stub and index a build writes into the source tree are compiled by that same build, whatever the
 * source path says. Maven passes {@code -sourcepath src/main/java}, where javac finds a file written during
 * processing and reads it for its symbols, but never compiles it: the first build of a new project then
 * produced a jar without its migrations.
 */
class FirstBuildTest {

    private static final String MIGRATIONS = "com/acme/shop/migrations/";

    @TempDir
    Path dir;

    @Test
    void theFirstBuildCompilesItsStubAndIndexWhenTheSourceTreeIsOnTheSourcePath() {
        Project project = new Project(dir.resolve("project"));
        Path classes = dir.resolve("classes");

        String output = compileAsMaven(project, Shop.baseline(), classes);

        assertTrue(Files.exists(classes.resolve(MIGRATIONS + "V0001_Baseline.class")), output);
        assertTrue(Files.exists(classes.resolve(MIGRATIONS + "PermafrostIndex.class")), output);
    }

    @Test
    void aChangeCompilesTheNewStubWhenTheSourceTreeIsOnTheSourcePath() {
        Project project = new Project(dir.resolve("project"));
        compileAsMaven(project, Shop.baseline(), dir.resolve("classes"));

        Map<String, String> changed = new TreeMap<>(Shop.baseline());
        changed.put("com.acme.shop.Product", Shop.PRODUCT.replace("    Long customerId;\n",
                "    Long customerId;\n    Instant featuresSyncedAt;\n"));
        Path classes = dir.resolve("classes-2");
        String output = compileAsMaven(project, changed, classes);

        assertTrue(Files.exists(classes.resolve(MIGRATIONS + "V0002_AddFeaturesSyncedAtToProducts.class")), output);
        assertTrue(Files.exists(classes.resolve(MIGRATIONS + "V0001_Baseline.class")), output);
    }

    @Test
    void anEntityCompiledAloneCompilesTheStubsItFindsOnlyOnTheSourcePath() {
        Project project = new Project(dir.resolve("project"));
        assertThat(project.compile(Shop.baseline())).succeeded();
        project.option("-sourcepath").option(project.sourceRoot.toString());

        // An IDE compiles the entities with the source root on the source path and nothing compiled yet.
        Compilation partial = project.compile(Shop.baseline());

        assertThat(partial).succeeded();
        assertThat(partial).generatedFile(StandardLocation.CLASS_OUTPUT, MIGRATIONS + "V0001_Baseline.class");
        assertThat(partial).generatedFile(StandardLocation.CLASS_OUTPUT, MIGRATIONS + "PermafrostIndex.class");
    }

    /**
     * Compiles as maven-compiler-plugin does: every source file of the source root (entities, and the stubs
     * already there) given to javac on disk, {@code -sourcepath} the source root, the real file manager.
     */
    private static String compileAsMaven(Project project, Map<String, String> entities, Path classes) {
        project.writeSources(entities);
        Project.DiskCompilation compilation = project.compileFiles(project.sourceFiles(), classes, true);
        assertTrue(compilation.succeeded(), compilation.output());
        return compilation.output();
    }
}
