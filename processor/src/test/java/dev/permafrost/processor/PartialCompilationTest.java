package dev.permafrost.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * IDEs and incremental builds compile only what changed. Entities of the newest snapshot that are not in
 * the compilation are read back from the class path; only a class that is truly gone drops its table.
 */
class PartialCompilationTest {

    @TempDir
    Path dir;

    @Test
    void compilingOneChangedEntityAgainstTheOthersCompiledEarlierDropsNothing() {
        Project project = new Project(dir.resolve("project"));
        Compilation full = project.compile(Shop.baseline());
        assertThat(full).succeeded();
        project.classpath(Project.writeClasses(full, dir.resolve("classes")));

        Map<String, String> onlyProduct = new TreeMap<>();
        onlyProduct.put("com.acme.shop.Product", Shop.PRODUCT.replace("    Long customerId;\n",
                "    Long customerId;\n    Instant featuresSyncedAt;\n"));
        Compilation partial = project.compileWithStubs(onlyProduct);

        assertThat(partial).succeededWithoutWarnings();
        String stub = project.stub("com.acme.shop.migrations", "V0002_AddFeaturesSyncedAtToProducts");
        assertTrue(stub.contains("op.addColumn(\"products\", column(\"features_synced_at\", TIMESTAMP_TZ));"), stub);
        assertFalse(stub.contains("dropTable"), stub);
        assertTrue(project.snapshot(2).contains("create table categories ("));
        assertTrue(project.snapshot(2).contains("create table product_categories ("));
    }

    @Test
    void anUnchangedPartialCompilationWritesNothing() {
        Project project = new Project(dir.resolve("project"));
        Compilation full = project.compile(Shop.baseline());
        assertThat(full).succeeded();
        project.classpath(Project.writeClasses(full, dir.resolve("classes")));
        Map<String, String> before = project.fingerprint();

        Compilation partial = project.compileWithStubs(Map.of("com.acme.shop.Category", Shop.CATEGORY));

        assertThat(partial).succeededWithoutWarnings();
        assertEquals(before, project.fingerprint());
    }

    @Test
    void aClassThatIsTrulyGoneDropsItsTable() throws Exception {
        Project project = new Project(dir.resolve("project"));
        assertThat(project.compile(Shop.baseline())).succeeded();
        Map<String, String> withoutCategories = Shop.baseline();
        withoutCategories.remove("com.acme.shop.Category");
        withoutCategories.put("com.acme.shop.ProductCategory", Shop.PRODUCT_CATEGORY
                .replace("@References(value = Category.class, onDelete = ReferentialAction.RESTRICT,\n"
                        + "            onUpdate = ReferentialAction.CASCADE) ", ""));

        Compilation compilation = project.compileWithStubs(withoutCategories);

        assertThat(compilation).succeeded();
        String stub = project.stub("com.acme.shop.migrations", "V0002_AlterProductCategoriesAndCategories");
        assertTrue(stub.contains("op.dropTable(\"categories\");"), stub);
        assertTrue(Files.exists(project.schemaDir.resolve("V0002.sql")));
    }
}
