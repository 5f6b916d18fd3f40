package dev.permafrost.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import dev.permafrost.runtime.MigrateResult;
import dev.permafrost.runtime.MigrationInfo;
import dev.permafrost.runtime.Migrator;
import dev.permafrost.runtime.spi.MigrationIndex;
import dev.permafrost.snapshot.Hashing;
import dev.permafrost.snapshot.StubChecksum;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.tools.StandardLocation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code -Apermafrost.squash=N} (ADR 0025): the baseline that builds snapshot N in one migration, recorded in the
 * manifest with the checksums of what it replaces; written once; refused over unconfirmed data steps; and the oldest
 * replaced stubs may then be deleted.
 */
class SquashTest {

    @TempDir
    Path dir;

    private static final String PKG = "com.acme.shop.migrations";

    private static Map<String, String> accounts(String fields) {
        return Map.of("com.acme.shop.Account", """
                package com.acme.shop;

                import dev.permafrost.annotations.*;

                @Table(name = "accounts")
                public class Account {
                    @Id long id;
                    @Column(length = 80, nullable = false) String name;
                %s}
                """.formatted(fields));
    }

    private static final Map<String, String> V1 = accounts("");
    private static final Map<String, String> V2 = accounts("    @Column(length = 120) String email;\n");
    private static final Map<String, String> V3 = accounts("    @Column(length = 120) String email;\n    Integer score;\n");

    /** A project at V0003, compiled once per version as a user's builds would. */
    private Project project() {
        Project project = new Project(dir.resolve("project"));
        assertThat(project.compile(V1)).succeeded();
        assertThat(project.compileWithStubs(V2)).succeeded();
        assertThat(project.compileWithStubs(V3)).succeeded();
        return project;
    }

    private Path stub(Project project, String name) {
        return project.sourceRoot.resolve(PKG.replace('.', '/')).resolve(name + ".java");
    }

    private static String index(Compilation compilation) throws Exception {
        return compilation.generatedFile(StandardLocation.CLASS_OUTPUT, PKG, "permafrost-index.txt").orElseThrow()
                .getCharContent(true).toString();
    }

    @Test
    void aSquashWritesTheBaselineAndTheManifestOnceAndAFreshDatabaseGetsIt() throws Exception {
        Project project = project().option("-Apermafrost.squash=2");
        String v1 = project.read(stub(project, "V0001_Baseline"));
        String v2 = project.read(stub(project, "V0002_AddEmailToAccounts"));

        Compilation squashed = project.compileWithStubs(V3);

        assertThat(squashed).succeeded();
        assertThat(squashed).hadNoteContaining("[PF412] wrote the squashed baseline " + stub(project, "B0002_Baseline")
                + ": fresh databases get snapshot V0002.sql from it in one migration, databases at V0001 to V0001 continue"
                + " with the migrations kept; review and commit it with permafrost.sum.");
        String manifest = project.read(project.schemaDir.resolve("permafrost.sum"));
        assertTrue(manifest.contains("\nformat 2\n"), manifest);
        assertTrue(manifest.contains("V0003_AddScoreToAccounts\nsquash V0002 B0002_Baseline\nreplaced V0001 "
                + StubChecksum.of(v1) + " " + Hashing.sha256(v1) + "\nreplaced V0002 " + StubChecksum.of(v2) + " "
                + Hashing.sha256(v2) + "\ntotal "), manifest);
        String baseline = project.read(stub(project, "B0002_Baseline"));
        assertTrue(baseline.startsWith("// Permafrost squashed baseline: builds snapshot V0002.sql on a fresh database in"
                + " one migration,\n// in place of V0001 to V0002, and records each of them as applied."), baseline);
        assertTrue(baseline.contains("public final class B0002_Baseline implements Migration {"), baseline);
        assertTrue(baseline.contains(".column(column(\"email\", varchar(120)))"), baseline);
        assertFalse(baseline.contains("score"), baseline);
        assertTrue(index(squashed).contains("\nsquash\t2\t" + StubChecksum.of(baseline) + "\t" + PKG + ".B0002_Baseline\t"
                + "squashed baseline of V0001 to V0002\n"), index(squashed));
        // Its frozen plans (ADR 0026), for the baseline's code, beside the snapshot and beside the index.
        String plans = project.read(project.schemaDir.resolve("B0002.plans"));
        assertEquals(StubChecksum.of(baseline), dev.permafrost.snapshot.Plans.read(2, plans).stubChecksum());
        assertEquals(List.of("accounts"), dev.permafrost.snapshot.Plans.read(2, plans).creates());
        assertEquals(plans, squashed.generatedFile(StandardLocation.CLASS_OUTPUT, PKG, "B0002.plans").orElseThrow()
                .getCharContent(true).toString());

        // The same option again writes nothing.
        Map<String, String> before = project.fingerprint();
        Compilation again = project.compileWithStubs(V3);
        assertThat(again).succeeded();
        assertEquals(before, project.fingerprint());
        assertTrue(again.notes().stream().noneMatch(d -> d.getMessage(null).contains("PF412")));

        // A fresh database is built from the baseline, with the history of one built step by step.
        Path classes = Project.writeClasses(again, dir.resolve("classes"));
        for (String resource : List.of("permafrost-index.txt", "permafrost-schema.txt")) {
            Path target = classes.resolve(PKG.replace('.', '/')).resolve(resource);
            Files.writeString(target, again.generatedFile(StandardLocation.CLASS_OUTPUT, PKG, resource).orElseThrow()
                    .getCharContent(true));
        }
        String url = "jdbc:sqlite:" + dir.resolve("fresh.db");
        try (URLClassLoader loader = new URLClassLoader(new java.net.URL[] {classes.toUri().toURL()},
                getClass().getClassLoader())) {
            MigrationIndex index = (MigrationIndex) loader.loadClass(PKG + ".PermafrostIndex").getConstructor().newInstance();
            MigrateResult result = Migrator.configure(url).migrations(index).build().migrate();
            assertEquals(List.of(1, 2, 3), result.applied().stream().map(MigrationInfo::version).toList());
            assertTrue(Migrator.configure(url).migrations(index).build().validate().valid());
        }
        // V0001's row is recorded by the baseline, which ran its one create table as V0002's row.
        assertEquals(List.of("1:0", "2:1", "3:1"), rows(url, "select version || ':' || statements from permafrost_history"
                + " order by version"));
        assertEquals(List.of("id", "name", "email", "score"), rows(url, "select name from pragma_table_info('accounts')"));
    }

    private static List<String> rows(String url, String sql) throws Exception {
        List<String> rows = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(url); ResultSet rs = c.createStatement().executeQuery(sql)) {
            while (rs.next()) {
                rows.add(rs.getString(1));
            }
        }
        return rows;
    }

    @Test
    void theOldestReplacedStubsMayBeDeletedButNoOtherOne() throws Exception {
        Project project = project().option("-Apermafrost.squash=2");
        assertThat(project.compileWithStubs(V3)).succeeded();
        String v1 = project.read(stub(project, "V0001_Baseline"));

        Files.delete(stub(project, "V0001_Baseline"));
        Compilation pruned = project.compileWithStubs(V3);
        assertThat(pruned).succeeded();
        assertTrue(index(pruned).startsWith("# Permafrost migration index"), index(pruned));
        assertTrue(index(pruned).contains("\n1\t" + StubChecksum.of(v1) + "\t" + Hashing.sha256(v1) + "\t\tbaseline\n"),
                index(pruned));

        Files.writeString(stub(project, "V0001_Baseline"), v1);
        Files.delete(stub(project, "V0002_AddEmailToAccounts"));
        Compilation gap = project.compileWithStubs(V3);
        assertThat(gap).failed();
        assertThat(gap).hadErrorContaining("[PF400] V0002_AddEmailToAccounts.java, the migration of V0002.sql, is missing");

        Files.delete(stub(project, "B0002_Baseline"));
        Compilation noBaseline = project.compileWithStubs(V3);
        assertThat(noBaseline).hadErrorContaining("[PF400] B0002_Baseline.java, the squashed baseline permafrost.sum records"
                + " for V0001 to V0002, is missing from ");
    }

    @Test
    void aReplacedDataStepIsRefusedUntilConfirmedAndThenNamedInTheBaseline() throws Exception {
        Project project = project();
        Path v2 = stub(project, "V0002_AddEmailToAccounts");
        Files.writeString(v2, project.read(v2).replace("op.addColumn(\"accounts\", column(\"email\", varchar(120)));",
                "op.addColumn(\"accounts\", column(\"email\", varchar(120)));\n        op.sql(\"update accounts set"
                        + " email = name\");"));

        Compilation refused = project.option("-Apermafrost.squash=3").compileWithStubs(V3);

        assertThat(refused).failed();
        assertThat(refused).hadErrorContaining("[PF411] -Apermafrost.squash=3: V0002_AddEmailToAccounts (op.sql) holds"
                + " data steps, which a squashed baseline does not run on a fresh database. Confirm with"
                + " -Apermafrost.squash.withoutData=2, and write what a fresh database needs of them (seed rows) into the"
                + " baseline's up() before it ships; or squash to a version before the first of them"
                + " (-Apermafrost.squash=1)");
        assertFalse(Files.exists(stub(project, "B0003_Baseline")));

        Compilation confirmed = project.option("-Apermafrost.squash.withoutData=2").compileWithStubs(V3);
        assertThat(confirmed).succeeded();
        String baseline = project.read(stub(project, "B0003_Baseline"));
        assertTrue(baseline.contains("// V0002_AddEmailToAccounts (op.sql) ran data steps that this baseline does not"
                + " run: confirmed with\n        //   -Apermafrost.squash.withoutData. Add here what a fresh database needs"
                + " of them.\n        op.createTable("), baseline);
        assertTrue(project.read(project.schemaDir.resolve("permafrost.sum")).contains(" data\nreplaced V0003 "));
    }

    @Test
    void aVersionThatCannotBeSquashedToIsRefusedAndALowerOneWarned() throws Exception {
        Project project = project();
        assertThat(new Project(project.root).option("-Apermafrost.squash=1").compileWithStubs(V3))
                .hadErrorContaining("[PF410] -Apermafrost.squash=1 cannot be squashed to: squash to a version from 2 to"
                        + " the newest snapshot, V0003");
        assertThat(new Project(project.root).option("-Apermafrost.squash=4").compileWithStubs(V3))
                .hadErrorContaining("[PF410] -Apermafrost.squash=4 cannot be squashed to");
        assertThat(new Project(project.root).option("-Apermafrost.squash=two").compileWithStubs(V3))
                .hadErrorContaining("[PF410] -Apermafrost.squash=two cannot be squashed to: give the version to squash"
                        + " up to, a number such as 12");
        assertThat(new Project(project.root).option("-Apermafrost.squash=3").compileWithStubs(V3)).succeeded();
        Compilation lower = new Project(project.root).option("-Apermafrost.squash=2").compileWithStubs(V3);
        assertThat(lower).succeeded();
        assertThat(lower).hadWarningContaining("[PF413] -Apermafrost.squash=2 does nothing: versions up to V0003 are"
                + " squashed already (B0003_Baseline); drop the option");
    }
}
