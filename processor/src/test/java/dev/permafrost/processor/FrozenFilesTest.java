package dev.permafrost.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static com.google.testing.compile.Compiler.javac;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import dev.permafrost.snapshot.Hashing;
import dev.permafrost.snapshot.Manifest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Frozen files cannot change silently: an edited, missing or extra snapshot, a tampered manifest, two
 * branches' migrations with one version, a snapshot from a newer Permafrost or one that does not parse,
 * each stops the compile with the file and the way out, and nothing is written.
 */
class FrozenFilesTest {

    static final String ITEM = """
            package com.acme;

            import dev.permafrost.annotations.*;

            @Table(name = "items")
            public class Item {
                @Id long id;
                @Column(length = 40) String name;
            }
            """;

    @TempDir
    Path dir;

    Project project;
    Map<String, String> frozen;

    @BeforeEach
    void baseline() {
        project = new Project(dir);
        assertThat(project.compile(Map.of("com.acme.Item", ITEM))).succeeded();
    }

    private Path snapshot(int version) {
        return project.schemaDir.resolve(String.format("V%04d.sql", version));
    }

    private Path manifest() {
        return project.schemaDir.resolve(Manifest.FILE);
    }

    private Compilation compileAndExpectNothingWritten(String source) {
        Map<String, String> before = project.fingerprint();
        Compilation compilation = project.compileWithStubs(Map.of("com.acme.Item", source));
        assertThat(compilation).failed();
        assertEquals(before, project.fingerprint(), "nothing is written");
        return compilation;
    }

    private static String changed() {
        return ITEM.replace("    @Column(length = 40) String name;\n", "    @Column(length = 40) String name;\n    String extra;\n");
    }

    @Test
    void anEditedSnapshotNamesTheFileAndTheWayBack() throws IOException {
        String text = Files.readString(snapshot(1));
        Files.writeString(snapshot(1), text.replace("varchar(40)", "varchar(50)"));

        Compilation compilation = compileAndExpectNothingWritten(ITEM);

        assertThat(compilation).hadErrorContaining("[PF400] V0001.sql: changed after it was frozen (recorded sha256 "
                + Hashing.sha256(text) + ", now " + Hashing.sha256(Files.readString(snapshot(1))) + "). Restore it from"
                + " version control (git checkout -- " + snapshot(1) + "); to change the schema, change the entities and"
                + " compile.");
    }

    // An older snapshot is verified on a thread of its own while the entities are read (FrozenVerifier); the newest is
    // read on javac's, to compare the model with. Both must refuse an edit before anything is written.

    @Test
    void anEditedOlderSnapshotIsRefusedWhetherOrNotTheModelChanged() throws IOException {
        assertThat(project.compileWithStubs(Map.of("com.acme.Item", changed()))).succeeded();
        String text = Files.readString(snapshot(1));
        Files.writeString(snapshot(1), text.replace("varchar(40)", "varchar(50)"));
        String expected = "[PF400] V0001.sql: changed after it was frozen (recorded sha256 " + Hashing.sha256(text)
                + ", now " + Hashing.sha256(Files.readString(snapshot(1))) + ")";

        assertThat(compileAndExpectNothingWritten(changed())).hadErrorContaining(expected);
        assertThat(compileAndExpectNothingWritten(changed().replace("String extra;", "String extra;\n    String more;")))
                .hadErrorContaining(expected);
    }

    @Test
    void anOlderSnapshotCheckedOutWithOtherLineEndingsAndAByteOrderMarkIsStillTheFrozenOne() throws IOException {
        assertThat(project.compileWithStubs(Map.of("com.acme.Item", changed()))).succeeded();
        Files.writeString(snapshot(1), "\uFEFF" + Files.readString(snapshot(1)).replace("\n", "\r\n"));

        assertThat(project.compileWithStubs(Map.of("com.acme.Item", changed()))).succeeded();
        assertThat(project.compileWithStubs(Map.of("com.acme.Item", changed().replace("String extra;",
                "String extra;\n    String more;")))).succeeded();
        assertTrue(Files.exists(snapshot(3)), "the next version is written on top");
    }

    @Test
    void anOlderSnapshotThatIsNotUtf8SaysSo() throws IOException {
        assertThat(project.compileWithStubs(Map.of("com.acme.Item", changed()))).succeeded();
        byte[] text = Files.readAllBytes(snapshot(1));
        byte[] broken = java.util.Arrays.copyOf(text, text.length + 2);
        broken[text.length] = (byte) 0xC3;
        broken[text.length + 1] = (byte) 0x28;
        Files.write(snapshot(1), broken);

        assertThat(compileAndExpectNothingWritten(changed())).hadErrorContaining("[PF400] V0001.sql: is not UTF-8 text:"
                + " restore it from version control, or save it as UTF-8 without changing its text");
    }

    @Test
    void anOlderSnapshotWrittenOnAnotherBranchNamesItsParent() throws IOException {
        assertThat(project.compileWithStubs(Map.of("com.acme.Item", changed()))).succeeded();
        String third = changed().replace("String extra;", "String extra;\n    String more;");
        assertThat(project.compileWithStubs(Map.of("com.acme.Item", third))).succeeded();
        rewrite(2, Files.readString(snapshot(2)).replaceFirst("sha256:[0-9a-f]{64}", "sha256:" + "d".repeat(64)));

        assertThat(compileAndExpectNothingWritten(third)).hadErrorContaining("[PF400] V0002.sql: does not name V0001"
                + " with its hash as its parent");
    }

    @Test
    void anEntityErrorIsReportedAloneWhenAnOlderSnapshotIsEditedToo() throws IOException {
        assertThat(project.compileWithStubs(Map.of("com.acme.Item", changed()))).succeeded();
        Files.writeString(snapshot(1), Files.readString(snapshot(1)).replace("varchar(40)", "varchar(50)"));

        Compilation compilation = compileAndExpectNothingWritten(changed().replace("@Column(length = 40)",
                "@Column(length = 0)"));
        assertEquals(1, compilation.errors().size(), compilation.errors().toString());
    }

    @Test
    void aMissingSnapshotIsNamed() throws IOException {
        Files.delete(snapshot(1));
        assertThat(compileAndExpectNothingWritten(ITEM)).hadErrorContaining("[PF400] V0001.sql: is recorded in"
                + " permafrost.sum but missing from " + project.schemaDir + "; restore it from version control");
    }

    @Test
    void anExtraSnapshotIsNamedWithWhatToDo() throws IOException {
        Files.writeString(snapshot(2), Files.readString(snapshot(1)));
        assertThat(compileAndExpectNothingWritten(ITEM)).hadErrorContaining("[PF400] V0002.sql: is not recorded in"
                + " permafrost.sum: it was added by hand, left by an interrupted compile, or came from a branch. Delete it"
                + " (and its migration class) and compile: Permafrost writes the next version itself");
    }

    @Test
    void anEditedManifestIsRefused() throws IOException {
        Files.writeString(manifest(), Files.readString(manifest()).replace("V0001_Baseline", "V0001_Other"));
        assertThat(compileAndExpectNothingWritten(ITEM)).hadErrorContaining("[PF400] permafrost.sum:6: was edited: its"
                + " total does not match its lines; restore it from version control");
    }

    @Test
    void aMissingManifestIsNamed() throws IOException {
        Files.delete(manifest());
        assertThat(compileAndExpectNothingWritten(ITEM)).hadErrorContaining("[PF400] permafrost.sum: is missing from "
                + project.schemaDir + ", which holds 1 snapshot(s); restore it from version control");
    }

    @Test
    void aMergeOfTwoBranchesThatBothWroteVersionTwoExplainsHowToRenumber() throws IOException {
        assertThat(project.compileWithStubs(Map.of("com.acme.Item", changed()))).succeeded();
        String ours = Files.readString(manifest());
        String line = ours.lines().filter(l -> l.startsWith("V0002.sql")).findFirst().orElseThrow();
        String total = ours.lines().filter(l -> l.startsWith("total")).findFirst().orElseThrow();
        Files.writeString(manifest(), ours.replace(line + "\n" + total + "\n", "<<<<<<< HEAD\n" + line + "\n" + total
                + "\n=======\nV0002.sql " + "b".repeat(64) + " V0002_AddNoteToItems\ntotal " + "c".repeat(64)
                + "\n>>>>>>> feature\n"));

        assertThat(compileAndExpectNothingWritten(changed())).hadErrorContaining("[PF400] permafrost.sum:6: '<<<<<<< HEAD'"
                + " is not a manifest line (conflict markers from a merge?); if two branches each added version 2, keep"
                + " one branch's snapshot, migration and line, delete the other's, and compile: Permafrost writes the other"
                + " change as the next version");
    }

    @Test
    void twoMigrationsClaimingOneVersionExplainHowToRenumber() throws IOException {
        assertThat(project.compileWithStubs(Map.of("com.acme.Item", changed()))).succeeded();
        Path stubs = project.sourceRoot.resolve("com/acme/migrations");
        Files.writeString(stubs.resolve("V0002_AddNoteToItems.java"), Files.readString(stubs.resolve(
                "V0002_AddExtraToItems.java")).replace("V0002_AddExtraToItems", "V0002_AddNoteToItems"));

        assertThat(compileAndExpectNothingWritten(changed())).hadErrorContaining("[PF400] V0002_AddExtraToItems.java and"
                + " V0002_AddNoteToItems.java both claim version 2: two branches each added a migration. Keep one branch's"
                + " V0002 snapshot, migration and manifest line, delete the other branch's migration, and compile:"
                + " Permafrost writes that change as the next version");
    }

    @Test
    void aSnapshotWrittenOnAnotherBranchNamesItsParent() throws IOException {
        assertThat(project.compileWithStubs(Map.of("com.acme.Item", changed()))).succeeded();
        String foreign = Files.readString(snapshot(2)).replaceFirst("sha256:[0-9a-f]{64}", "sha256:" + "d".repeat(64));
        rewrite(2, foreign);

        assertThat(compileAndExpectNothingWritten(changed())).hadErrorContaining("[PF400] V0002.sql: does not name V0001"
                + " with its hash as its parent: it was written on another branch. Delete it and its migration, and"
                + " compile to write it again on top of this branch");
    }

    @Test
    void aSnapshotFromANewerPermafrostIsRefused() throws IOException {
        rewrite(1, Files.readString(snapshot(1)).replace("-- format: 1", "-- format: 2"));
        assertThat(compileAndExpectNothingWritten(changed())).hadErrorContaining("[PF400] V0001.sql:4: written by a newer"
                + " Permafrost (snapshot format 2, this one reads up to 1); upgrade Permafrost in this build");
    }

    @Test
    void aSnapshotThatDoesNotParseNamesItsLine() throws IOException {
        rewrite(1, Files.readString(snapshot(1)).replace("name varchar(40)", "name varchar(40"));
        assertThat(compileAndExpectNothingWritten(changed())).hadErrorContaining("[PF400] V0001.sql:9: cannot parse the"
                + " DDL:");
    }

    /** Replaces a snapshot and records it in the manifest, as if it had been frozen that way. */
    private void rewrite(int version, String text) throws IOException {
        Files.writeString(snapshot(version), text);
        Manifest manifest = Manifest.read(Files.readString(manifest()));
        Manifest rewritten = new Manifest(manifest.migrationsPackage(), manifest.entries().stream()
                .map(e -> e.version() == version ? new Manifest.Entry(version, Hashing.sha256(text), e.migrationClass()) : e)
                .toList());
        Files.writeString(manifest(), rewritten.write());
    }

    @Test
    void checkModeListsTheDifferencesAndWritesNothing() {
        project.option("-Apermafrost.mode=check");
        Compilation compilation = compileAndExpectNothingWritten(changed());
        assertThat(compilation).hadErrorContaining("[PF504] the entities differ from the newest snapshot V0001.sql, and"
                + " permafrost.mode=check writes nothing:\n    - add column extra to items\n  Compile without"
                + " -Apermafrost.mode=check to write migration V0002, and commit it.");
    }

    @Test
    void checkModeIsQuietWhenNothingChanged() {
        project.option("-Apermafrost.mode=check");
        assertThat(project.compileWithStubs(Map.of("com.acme.Item", ITEM))).succeededWithoutWarnings();
    }

    @Test
    void aMigrationsPackageOptionThatContradictsTheManifestIsRefused() {
        project.option("-Apermafrost.migrationsPackage=com.acme.db");
        assertThat(compileAndExpectNothingWritten(changed())).hadErrorContaining("[PF105]"
                + " -Apermafrost.migrationsPackage=com.acme.db, but the migrations written so far are in"
                + " com.acme.migrations (see " + manifest() + "); drop the option or set it to com.acme.migrations");
    }

    @Test
    void aRenamedFromNamingNothingIsAnErrorAtTheField() {
        String source = ITEM.replace("    @Column(length = 40) String name;", "    @RenamedFrom(\"title\") @Column(length = 40) String label;");
        Compilation compilation = compileAndExpectNothingWritten(source);
        assertThat(compilation).hadErrorContaining("[PF505] @RenamedFrom(\"title\") on label: the newest snapshot table"
                + " items has no column named 'title', and no column named 'label' either; correct the old name or remove"
                + " the annotation").inFile(project.file("com.acme.Item")).onLineContaining("String label;");
    }

    @Test
    void aRenameOntoANameInUseIsRefusedWithTheWayOut() {
        String withBoth = ITEM.replace("    @Column(length = 40) String name;", "    @Column(length = 40) String name;\n    String label;");
        assertThat(project.compileWithStubs(Map.of("com.acme.Item", withBoth))).succeeded();
        String source = ITEM.replace("    @Column(length = 40) String name;", "    @RenamedFrom(\"name\") @Column(length = 40) String label;");
        Compilation compilation = compileAndExpectNothingWritten(source);
        assertThat(compilation).hadErrorContaining("[PF503] column items.name cannot be renamed to label because a column"
                + " label exists too; drop or rename that one in an earlier migration")
                .inFile(project.file("com.acme.Item")).onLineContaining("public class Item");
    }

    @Test
    void anEntityGeneratedInALaterRoundIsRefused() {
        Map<String, String> before = project.fingerprint();
        GeneratesSource generator = new GeneratesSource("com.acme.Late", "package com.acme;\n"
                + "@dev.permafrost.annotations.Table public class Late { @dev.permafrost.annotations.Id long id; }\n");
        Compilation compilation = javac().withProcessors(generator, new PermafrostProcessor())
                .withOptions(project.options())
                .compile(List.of(JavaFileObjects.forSourceString("com.acme.Item", ITEM)));
        assertThat(compilation).failed();
        assertThat(compilation).hadErrorContaining("[PF106] entity com.acme.Late appeared in a later processing round,"
                + " after Permafrost compared the schema; Permafrost compares in the first round whose entities' types"
                + " are all resolved, so generate entities no later than that round");
        assertEquals(before, project.fingerprint());
    }

    // ---- frozen files no Permafrost wrote: a coded message at the file, never an internal error ----

    @Test
    void aStubWithAVersionBeyondAnyIntIsNamedNotACrash() throws Exception {
        Files.writeString(project.sourceRoot.resolve("com/acme/migrations/V99999999999_Evil.java"), "class X {}");
        Compilation compilation = compileAndExpectNothingWritten(ITEM);
        assertThat(compilation).hadErrorContaining("[PF400] V99999999999_Evil.java in "
                + project.sourceRoot.resolve("com/acme/migrations") + " claims version 99999999999, which Permafrost"
                + " never writes: it numbers versions 1, 2, 3 in the order they were written. Delete it, or restore it"
                + " from version control");
    }

    @Test
    void aSnapshotWithAVersionBeyondAnyIntIsNamedNotACrash() throws Exception {
        Files.writeString(project.schemaDir.resolve("V99999999999.sql"), "-- nothing");
        Compilation compilation = compileAndExpectNothingWritten(ITEM);
        assertThat(compilation).hadErrorContaining("[PF400] V99999999999.sql: claims version 99999999999, which"
                + " Permafrost never writes: it numbers versions 1, 2, 3 in the order they were written. Delete it, or"
                + " restore the schema directory from version control");
    }

    @Test
    void aManifestLineWithAVersionBeyondAnyIntIsNamedNotACrash() throws Exception {
        Files.writeString(manifest(), Files.readString(manifest()).replace("V0001.sql", "V99999999999.sql"));
        Compilation compilation = compileAndExpectNothingWritten(ITEM);
        assertThat(compilation).hadErrorContaining("[PF400] permafrost.sum:5: lists version 99999999999 where version"
                + " 1 belongs; restore permafrost.sum from version control");
    }

    @Test
    void aManifestSavedAsUtf16SaysSo() throws Exception {
        String text = Files.readString(manifest());
        Files.write(manifest(), text.getBytes(java.nio.charset.StandardCharsets.UTF_16));
        Compilation compilation = compileAndExpectNothingWritten(ITEM);
        assertThat(compilation).hadErrorContaining("[PF400] permafrost.sum: is not UTF-8 text (it is UTF-16, as some"
                + " editors save files): restore it from version control, or save it as UTF-8 without changing its text");
    }

    @Test
    void aSnapshotThatIsNotUtf8SaysSo() throws Exception {
        byte[] text = Files.readAllBytes(snapshot(1));
        byte[] broken = java.util.Arrays.copyOf(text, text.length + 2);
        broken[text.length] = (byte) 0xC3;
        broken[text.length + 1] = (byte) 0x28;
        Files.write(snapshot(1), broken);
        Compilation compilation = compileAndExpectNothingWritten(ITEM);
        assertThat(compilation).hadErrorContaining("[PF400] V0001.sql: is not UTF-8 text: restore it from version"
                + " control, or save it as UTF-8 without changing its text");
    }
}
