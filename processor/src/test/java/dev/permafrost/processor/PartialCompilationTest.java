package dev.permafrost.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
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

    // ---- an IDE compiling some files into the output of earlier builds (the real javac and file manager) ----

    static final String ITEM = """
            package com.acme;

            import dev.permafrost.annotations.*;

            @Table(name = "items")
            public class Item {
                @Id long id;
                @Column(length = 100) String name;
            }
            """;
    static final String TAG = """
            package com.acme;

            import dev.permafrost.annotations.*;

            @Table(name = "tags")
            public class Tag {
                @Id long id;
                @Column(length = 40) String label;
            }
            """;

    private static void delete(Path file) throws Exception {
        Files.delete(file);
    }

    private static boolean anythingBeyondV0001(Project project) throws Exception {
        try (var files = Files.list(project.schemaDir)) {
            return files.anyMatch(f -> f.getFileName().toString().startsWith("V0002"));
        }
    }

    @Test
    void aRenamedEntityIsFoundByItsTableWhenAnIdeCompilesAnotherOne() throws Exception {
        Project project = new Project(dir.resolve("project"));
        Path classes = dir.resolve("classes");
        project.writeSources(Map.of("com.acme.Item", ITEM, "com.acme.Tag", TAG));
        assertTrue(project.compileFiles(project.sourceFiles(), classes, true).succeeded());

        // Item is renamed Product, keeping its table; a full build writes nothing and the old class file goes.
        delete(project.sourceRoot.resolve("com/acme/Item.java"));
        delete(classes.resolve("com/acme/Item.class"));
        project.writeSources(Map.of("com.acme.Product", ITEM.replace("public class Item", "public class Product")));
        Project.DiskCompilation full = project.compileFiles(project.sourceFiles(), classes, true);
        assertTrue(full.succeeded(), full.output());
        assertFalse(anythingBeyondV0001(project), "a rename that keeps the table is no change");
        Map<String, String> before = project.fingerprint();

        Project.DiskCompilation partial = project.compileFiles(List.of("com/acme/Tag.java"), classes, false);

        assertTrue(partial.succeeded(), partial.output());
        assertEquals(before, project.fingerprint(), "nothing written, no drop of items: " + partial.output());
    }

    @Test
    void aMovedEntityIsFoundByItsTableWhenAnIdeCompilesAnotherOne() throws Exception {
        Project project = new Project(dir.resolve("project"));
        Path classes = dir.resolve("classes");
        project.writeSources(Map.of("com.acme.Item", ITEM, "com.acme.Tag", TAG));
        assertTrue(project.compileFiles(project.sourceFiles(), classes, true).succeeded());
        delete(project.sourceRoot.resolve("com/acme/Item.java"));
        delete(classes.resolve("com/acme/Item.class"));
        project.writeSources(Map.of("com.acme.catalog.Item", ITEM.replace("package com.acme;", "package com.acme.catalog;")));
        assertTrue(project.compileFiles(project.sourceFiles(), classes, true).succeeded());
        Map<String, String> before = project.fingerprint();

        Project.DiskCompilation partial = project.compileFiles(List.of("com/acme/Tag.java"), classes, false);

        assertTrue(partial.succeeded(), partial.output());
        assertEquals(before, project.fingerprint(), partial.output());
    }

    @Test
    void aMissingClassFileNeverDropsItsTableAndSaysToBuildTheWholeModule() throws Exception {
        Project project = new Project(dir.resolve("project"));
        Path classes = dir.resolve("classes");
        project.writeSources(Map.of("com.acme.Item", ITEM, "com.acme.Tag", TAG));
        assertTrue(project.compileFiles(project.sourceFiles(), classes, true).succeeded());
        delete(classes.resolve("com/acme/Item.class"));
        Map<String, String> before = project.fingerprint();

        Project.DiskCompilation partial = project.compileFiles(List.of("com/acme/Tag.java"), classes, false);

        assertFalse(partial.succeeded(), partial.output());
        assertTrue(partial.output().contains("[PF508] table items would be dropped, but its entity com.acme.Item"
                + " (recorded in V0001.sql) is neither in this compilation nor on its class path, and this compilation"
                + " holds 1 of the 4 source files under " + project.sourceRoot + ": only a full build can prove that an"
                + " entity is gone. Build the whole module (mvn compile, or the IDE's rebuild); if the class was renamed"
                + " or moved, keep @Table(name = \"items\") on it"), partial.output());
        assertEquals(before, project.fingerprint(), "nothing written");

        Project.DiskCompilation full = project.compileFiles(project.sourceFiles(), classes, true);
        assertTrue(full.succeeded(), full.output());
        assertFalse(anythingBeyondV0001(project), "the full build finds Item's source: no change");
    }

    @Test
    void aDeletedEntityIsDroppedByAFullBuildOnly() throws Exception {
        Project project = new Project(dir.resolve("project"));
        Path classes = dir.resolve("classes");
        project.writeSources(Map.of("com.acme.Item", ITEM, "com.acme.Tag", TAG));
        assertTrue(project.compileFiles(project.sourceFiles(), classes, true).succeeded());
        delete(project.sourceRoot.resolve("com/acme/Item.java"));
        delete(classes.resolve("com/acme/Item.class"));

        assertFalse(project.compileFiles(List.of("com/acme/Tag.java"), classes, false).succeeded());
        assertFalse(anythingBeyondV0001(project));

        Project.DiskCompilation full = project.compileFiles(project.sourceFiles(), classes, true);
        assertTrue(full.succeeded(), full.output());
        assertTrue(full.output().contains("[PF500] migration V0002 will drop table items."), full.output());
        assertTrue(project.stub("com.acme.migrations", "V0002_DropItems").contains("op.dropTable(\"items\");"));
    }

    @Test
    void twoEntitiesOfOneTableSayWhichIsAStaleClassFile() throws Exception {
        Project project = new Project(dir.resolve("project"));
        Path classes = dir.resolve("classes");
        project.writeSources(Map.of("com.acme.Item", ITEM, "com.acme.Tag", TAG));
        assertTrue(project.compileFiles(project.sourceFiles(), classes, true).succeeded());
        delete(project.sourceRoot.resolve("com/acme/Item.java"));
        project.writeSources(Map.of("com.acme.Product", ITEM.replace("public class Item", "public class Product")));

        Project.DiskCompilation partial = project.compileFiles(List.of("com/acme/Product.java"), classes, false);

        assertFalse(partial.succeeded(), partial.output());
        assertTrue(partial.output().contains("[PF205] table name 'items' is already mapped by com.acme.Product"
                + " (names are compared ignoring case); give one of them another @Table(name = ...). com.acme.Item is"
                + " read from a class file, not from a source of this compilation: if it is left from a rename or a"
                + " move, delete that class file or build the module clean (mvn clean compile)"), partial.output());
    }
}
