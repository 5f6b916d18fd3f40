package dev.permafrost.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a change can do to data is said at compile time: warnings (or errors) for lossy operations and a
 * comment at each in the stub, errors for columns that cannot be filled, and a nudge towards
 * {@code @RenamedFrom} when a drop and an add look like a rename.
 */
class DataSafetyTest {

    static final String ACCOUNT = "com.acme.Account";
    static final String BASE = """
            package com.acme;

            import dev.permafrost.annotations.*;

            @Table(name = "accounts")
            public class Account {
                @Id long id;
                @Column(length = 100) String title;
                Integer score;
            }
            """;

    @TempDir
    Path dir;

    Project project;

    @BeforeEach
    void baseline() {
        project = new Project(dir);
        assertThat(project.compile(Map.of(ACCOUNT, BASE))).succeeded();
    }

    private Compilation change(String from, String to) {
        if (!BASE.contains(from)) {
            throw new IllegalArgumentException(from);
        }
        return project.compileWithStubs(Map.of(ACCOUNT, BASE.replace(from, to)));
    }

    @Test
    void droppingAColumnWarnsAtTheEntityAndTheStubSaysSoAtTheOperation() {
        Compilation compilation = change("    Integer score;\n", "");

        assertThat(compilation).succeeded();
        assertThat(compilation).hadWarningContaining("[PF500] migration V0002 will drop column accounts.score."
                        + " Its values are deleted; down() adds the column back without them.")
                .inFile(project.file(ACCOUNT)).onLineContaining("public class Account");
        String stub = project.stub("com.acme.migrations", "V0002_DropScoreFromAccounts");
        assertTrue(stub.contains("""
                        // Data loss: drop column accounts.score. Its values are deleted; down() adds the column back without them.
                        op.dropColumn("accounts", "score");
                """), stub);
        assertTrue(stub.contains("""
                        // Restores the schema only: the data up() dropped is gone.
                        op.addColumn("accounts", column("score", INTEGER));
                """), stub);
    }

    @Test
    void dataLossErrorTurnsTheWarningIntoAnErrorAndWritesNothing() {
        project.option("-Apermafrost.dataLoss=error");
        Map<String, String> before = project.fingerprint();

        Compilation compilation = change("    Integer score;\n", "");

        assertThat(compilation).failed();
        assertThat(compilation).hadErrorContaining("[PF500] migration V0002 would drop column accounts.score."
                        + " Its values are deleted; down() adds the column back without them. (permafrost.dataLoss=error")
                .inFile(project.file(ACCOUNT)).onLineContaining("public class Account");
        assertEquals(before, project.fingerprint());
    }

    @Test
    void narrowingATypeWarnsAtTheField() {
        Compilation compilation = change("@Column(length = 100) String title;", "@Column(length = 20) String title;");

        assertThat(compilation).succeeded();
        assertThat(compilation).hadWarningContaining("[PF500] migration V0002 will narrow accounts.title from"
                        + " varchar(100) to varchar(20). Values that do not fit the new type are cut short or rejected.")
                .inFile(project.file(ACCOUNT)).onLineContaining("String title;");
        assertTrue(project.stub("com.acme.migrations", "V0002_AlterAccountsTitle")
                .contains("op.alterColumn(\"accounts\", column(\"title\", varchar(20))); // was varchar(100)"));
    }

    @Test
    void aNotNullColumnWithoutDefaultCannotBeAddedToAnExistingTable() {
        Map<String, String> before = project.fingerprint();

        Compilation compilation = change("    Integer score;\n", "    Integer score;\n    int level;\n");

        assertThat(compilation).failed();
        assertThat(compilation).hadErrorContaining("[PF501] column accounts.level is added as NOT NULL, but the rows"
                        + " already in the table have no value for it, and it has no default to fill them with. Either"
                        + " give it one, @Column(defaultValue = \"...\"), or keep the column nullable (a boxed type such"
                        + " as Integer)")
                .inFile(project.file(ACCOUNT)).onLineContaining("int level;");
        assertEquals(before, project.fingerprint());
    }

    @Test
    void aNotNullColumnWithADefaultIsAddedAndFilled() {
        Compilation compilation = change("    Integer score;\n",
                "    Integer score;\n    @Column(defaultValue = \"1\") int level;\n");

        assertThat(compilation).succeededWithoutWarnings();
        assertTrue(project.stub("com.acme.migrations", "V0002_AddLevelToAccounts")
                .contains("op.addColumn(\"accounts\", column(\"level\", INTEGER).notNull().defaultValue(\"1\"));"));
    }

    @Test
    void makingAColumnNotNullNeedsADefaultToFillTheNulls() {
        Compilation refused = change("    Integer score;\n", "    @Column(nullable = false) Integer score;\n");
        assertThat(refused).failed();
        assertThat(refused).hadErrorContaining("[PF501] column accounts.score is made NOT NULL, but rows already in"
                        + " the table may hold NULL in it, and it has no default to fill them with. Either give it one,"
                        + " @Column(defaultValue = \"...\"), or keep the column nullable (@Column(nullable = true))")
                .inFile(project.file(ACCOUNT)).onLineContaining("Integer score;");

        Compilation filled = change("    Integer score;\n",
                "    @Column(nullable = false, defaultValue = \"0\") Integer score;\n");
        assertThat(filled).succeededWithoutWarnings();
        assertTrue(project.stub("com.acme.migrations", "V0002_AlterAccountsScore").contains(
                "op.alterColumn(\"accounts\", column(\"score\", INTEGER).notNull().defaultValue(\"0\")); // was integer"));
    }

    @Test
    void aDropAndACompatibleAddSuggestRenamedFrom() {
        Compilation compilation = change("@Column(length = 100) String title;", "@Column(length = 100) String name;");

        assertThat(compilation).succeeded();
        assertThat(compilation).hadWarningContaining("[PF502] column accounts.title is dropped and accounts.name added"
                        + " with a compatible type; if this is a rename, annotate the field @RenamedFrom(\"title\") so"
                        + " that the migration renames it and keeps its data")
                .inFile(project.file(ACCOUNT)).onLineContaining("String name;");
    }

    @Test
    void aRenameThatLooksLikeANewNotNullColumnIsAnErrorThatLeadsWithRenamedFrom() {
        Map<String, String> before = project.fingerprint();

        Compilation compilation = change("@Column(length = 100) String title;",
                "@Column(length = 100, nullable = false) String name;");

        assertThat(compilation).failed();
        assertThat(compilation).hadErrorContaining("[PF501] column accounts.name is added as NOT NULL while column"
                        + " accounts.title, of a compatible type, is dropped. If the field was renamed, annotate it"
                        + " @RenamedFrom(\"title\") so that the migration renames the column and keeps its data. If it is"
                        + " a new column, the rows already in the table have no value for it: give it a default,"
                        + " @Column(defaultValue = \"...\"), or keep it nullable (@Column(nullable = true))")
                .inFile(project.file(ACCOUNT)).onLineContaining("String name;");
        assertEquals(1, compilation.errors().size(), compilation.errors().toString());
        assertEquals(before, project.fingerprint());
    }

    @Test
    void renamedFromRenamesTheColumnAndKeepsItsData() {
        Compilation compilation = change("@Column(length = 100) String title;",
                "@RenamedFrom(\"title\") @Column(length = 100) String name;");

        assertThat(compilation).succeededWithoutWarnings();
        String stub = project.stub("com.acme.migrations", "V0002_RenameAccountsTitleToName");
        assertTrue(stub.contains("op.renameColumn(\"accounts\", \"title\", \"name\");"), stub);
        assertTrue(stub.contains("op.renameColumn(\"accounts\", \"name\", \"title\");"), stub);
    }

    @Test
    void renamedFromOnTheTypeRenamesTheTableAndItsConstraints() {
        Compilation compilation = project.compileWithStubs(Map.of(ACCOUNT, BASE
                .replace("@Table(name = \"accounts\")", "@Table(name = \"members\")\n@RenamedFrom(\"accounts\")")));

        assertThat(compilation).succeededWithoutWarnings();
        String stub = project.stub("com.acme.migrations", "V0002_AlterMembers");
        assertTrue(stub.contains("""
                        op.renameTable("accounts", "members");
                        op.renameConstraint("members", "pk_accounts", "pk_members");
                """), stub);
    }

    @Test
    void droppingATableWarnsAndItsDownRecreatesItEmpty() {
        Map<String, String> sources = Map.of(ACCOUNT, BASE, "com.acme.Note", """
                package com.acme;

                import dev.permafrost.annotations.*;

                @Table(name = "notes")
                public record Note(@Id long id, String body) {
                }
                """);
        assertThat(project.compileWithStubs(sources)).succeeded();

        Compilation compilation = project.compileWithStubs(Map.of(ACCOUNT, BASE));

        assertThat(compilation).hadWarningContaining("[PF500] migration V0003 will drop table notes."
                + " Every row of it is deleted; down() recreates the table empty.");
        String stub = project.stub("com.acme.migrations", "V0003_DropNotes");
        assertTrue(stub.contains("// Data loss: drop table notes."), stub);
        assertTrue(stub.contains("""
                        // Restores the schema only: the data up() dropped is gone.
                        op.createTable(table("notes")
                """), stub);
    }
}
