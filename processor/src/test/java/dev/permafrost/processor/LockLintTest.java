package dev.permafrost.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * On the declared production databases, an operation that still locks or rewrites a populated table, or that breaks
 * instances of the previous release during a rolling deploy, is a warning at the entity or field, with the way out
 * and {@code @SafetyAssured} to acknowledge it; an error with {@code permafrost.lockLint=error}.
 */
class LockLintTest {

    static final String ACCOUNT = "com.acme.Account";
    static final String BASE = """
            package com.acme;

            import dev.permafrost.annotations.*;

            @Table(name = "accounts")
            public class Account {
                @Id long id;
                @Column(length = 100) String title;
                Integer score;
                @Column(precision = 10, scale = 2) java.math.BigDecimal balance;
            }
            """;

    @TempDir
    Path dir;

    private Project project(String databases) {
        Project project = new Project(dir);
        if (databases != null) {
            project.option("-Apermafrost.databases=" + databases);
        }
        assertThat(project.compile(Map.of(ACCOUNT, BASE))).succeeded();
        return project;
    }

    private static Compilation change(Project project, String from, String to) {
        if (!BASE.contains(from)) {
            throw new IllegalArgumentException(from);
        }
        return project.compileWithStubs(Map.of(ACCOUNT, BASE.replace(from, to)));
    }

    @Test
    void aTypeChangeThatRewritesTheTableWarnsAtTheFieldAndTheStubSaysSo() {
        Project project = project("postgresql");
        Compilation compilation = change(project, "Integer score;", "Long score;");

        assertThat(compilation).succeeded();
        assertThat(compilation).hadWarningContaining("[PF510] migration V0002 changes accounts.score from integer to"
                        + " bigint: on PostgreSQL this rewrites the table under an ACCESS EXCLUSIVE lock, so nothing else"
                        + " reads or writes the table until it finishes. On a table with many rows make the change in"
                        + " steps instead (expand/contract: add a column of the new type, fill it in batches while the"
                        + " application writes both, move reads to it, drop the old one in a later release), or"
                        + " acknowledge it with @SafetyAssured(\"PF510\") on the field score (or its entity)")
                .inFile(project.file(ACCOUNT)).onLineContaining("Long score;");
        String stub = project.stub("com.acme.migrations", "V0002_AlterAccountsScore");
        assertTrue(stub.contains("// Locks: on PostgreSQL this rewrites the table under an ACCESS EXCLUSIVE lock."), stub);
    }

    @Test
    void onMariaDbATypeChangeCopiesTheTable() {
        Project project = project("mariadb");
        Compilation compilation = change(project, "Integer score;", "Long score;");

        assertThat(compilation).hadWarningContaining("[PF510] migration V0002 changes accounts.score from integer to"
                        + " bigint: on MariaDB this copies the table (ALGORITHM=COPY) and blocks its writers")
                .inFile(project.file(ACCOUNT)).onLineContaining("Long score;");
    }

    @Test
    void widerVarcharsAndDecimalsAreChangedInPlaceWithoutAWarning() {
        Project project = project("postgresql");
        assertThat(change(project, "@Column(length = 100) String title;", "@Column(length = 200) String title;"))
                .succeededWithoutWarnings();
    }

    @Test
    void aVolatileDefaultOnANewColumnWarns() {
        Project project = project("postgresql");
        Compilation compilation = change(project, "    Integer score;\n",
                "    Integer score;\n    @Column(defaultValue = \"random()\") Double luck;\n");

        assertThat(compilation).succeeded();
        assertThat(compilation).hadWarningContaining("[PF511] migration V0002 adds column accounts.luck with the volatile"
                        + " default rand(): on PostgreSQL that rewrites the table")
                .inFile(project.file(ACCOUNT)).onLineContaining("Double luck;");
    }

    @Test
    void aRenameWarnsThatThePreviousReleaseStillUsesTheOldName() {
        Project project = project("postgresql");
        Compilation compilation = change(project, "    Integer score;\n",
                "    @RenamedFrom(\"score\") Integer points;\n");

        assertThat(compilation).succeeded();
        assertThat(compilation).hadWarningContaining("[PF512] migration V0002 renames column accounts.score to points:"
                        + " instances of the previous release still running during a rolling deploy use the old name")
                .inFile(project.file(ACCOUNT)).onLineContaining("Integer points;");
    }

    @Test
    void aDroppedColumnWarnsThatThePreviousReleaseStillMapsIt() {
        Project project = project("postgresql");
        Compilation compilation = change(project, "    Integer score;\n", "");

        assertThat(compilation).hadWarningContaining("[PF513] migration V0002 drops column accounts.score, which the"
                        + " previous release still maps: its instances fail on it while they run during a rolling deploy."
                        + " Stop using it in one release and drop it in the next; or acknowledge it with"
                        + " @SafetyAssured(\"PF513\") on the entity Account")
                .inFile(project.file(ACCOUNT)).onLineContaining("public class Account");
    }

    @Test
    void safetyAssuredOnTheFieldOrTheEntityAcknowledgesIt() {
        Project project = project("postgresql");
        Compilation compilation = change(project, "    Integer score;\n",
                "    @SafetyAssured(value = \"PF512\", reason = \"one instance\") @RenamedFrom(\"score\") Integer points;\n");
        assertThat(compilation).succeededWithoutWarnings();

        Project other = new Project(dir.resolve("other")).option("-Apermafrost.databases=postgresql");
        assertThat(other.compile(Map.of(ACCOUNT, BASE))).succeeded();
        Compilation dropped = other.compileWithStubs(Map.of(ACCOUNT, BASE.replace("    Integer score;\n", "")
                .replace("@Table(name = \"accounts\")", "@SafetyAssured({\"PF513\", \"PF500\"})\n@Table(name = \"accounts\")")));
        assertThat(dropped).succeeded();
        assertThat(dropped).hadWarningContaining("[PF500]");
        assertEquals(1, dropped.warnings().size(), dropped.warnings().toString());
    }

    @Test
    void lockLintErrorFailsTheBuildAndWritesNothing() {
        Project project = project("postgresql");
        project.option("-Apermafrost.lockLint=error");
        Map<String, String> before = project.fingerprint();

        Compilation compilation = change(project, "Integer score;", "Long score;");

        assertThat(compilation).failed();
        assertThat(compilation).hadErrorContaining("[PF510] migration V0002 changes accounts.score from integer to bigint")
                .inFile(project.file(ACCOUNT)).onLineContaining("Long score;");
        assertThat(compilation).hadErrorContaining("(permafrost.lockLint=error turns this into an error");
        assertEquals(before, project.fingerprint());
    }

    @Test
    void withoutDeclaredProductionDatabasesOrWithLockLintOffNothingIsSaid() {
        assertThat(change(project(null), "Integer score;", "Long score;")).succeededWithoutWarnings();
    }

    @Test
    void onSqliteAloneNothingIsSaid() {
        assertThat(change(project("sqlite"), "Integer score;", "Long score;")).succeededWithoutWarnings();
    }

    @Test
    void lockLintOffSaysNothing() {
        Project project = project("postgresql");
        project.option("-Apermafrost.lockLint=off");
        assertThat(change(project, "Integer score;", "Long score;")).succeededWithoutWarnings();
    }
}
