package dev.permafrost.testkit;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;
import org.opentest4j.AssertionFailedError;

/**
 * Each way a project's migrations can go wrong makes the matching check fail with a message that says
 * what and where, while a correct project passes ({@link HealthyProjectTest}).
 */
class MutationTest {

    @TempDir
    static Path work;

    private static SampleProject healthy;

    @TempDir
    Path mutant;

    @BeforeAll
    static void compileHealthyProject() {
        healthy = SampleProject.threeVersions(work.resolve("healthy"));
    }

    @Test
    void aDownThatDoesNothingFailsUpDownConsistencyAndDowngradeAndReplay() {
        SampleProject project = healthy.copyTo(mutant);
        project.editStub(2, """
                        op.dropTable("orders");
                """, "");
        project.editStub(2, """
                        op.dropColumn("customers", "email");
                """, "");
        project.compile();
        MigrationChecks checks = project.checks();

        assertFails(checks::upDownConsistency, """
                after down() of V0002, which should return to V0001, the live schema differs from V0001.sql:
                  - table orders is in the database but not in the schema
                  - column customers.email ('varchar(120)') is in the database but not in the schema""");
        assertFails(checks::downgradeLeavesNoTrace, """
                going down from V0003 to V0001 left a trace: the database differs from a fresh one built up to V0001:
                  - table orders is left after going down but is not in a fresh database
                  - column customers.email ('varchar(120)') is left after going down but is not in a fresh database""");
        assertFails(checks::replayEqualsSnapshot, """
                the stubs and the frozen snapshots disagree (a stub edited by hand?):
                  - down() of V0002 does not undo its up(): [table orders is in the database but not in the schema,\
                 column customers.email ('varchar(120)') is in the database but not in the schema]""");
        assertDoesNotThrow(checks::oneLinearChain);
        assertDoesNotThrow(checks::modelMatchesDdl);
    }

    @Test
    void anUpThatBuildsAnotherSchemaFailsModelMatchesDdlAndReplay() {
        SampleProject project = healthy.copyTo(mutant);
        project.editStub(3, "varchar(200)", "varchar(150)");
        project.compile();
        MigrationChecks checks = project.checks();

        assertFails(checks::modelMatchesDdl, """
                after upgrading, the live schema differs from the newest snapshot V0003.sql:
                  - column customers.name is 'varchar(150) not null' in the database but 'varchar(200) not null' in the\
                 schema""");
        assertFails(checks::replayEqualsSnapshot, """
                the stubs and the frozen snapshots disagree (a stub edited by hand?):
                  - replaying the stubs up to V0003 does not give V0003.sql: [column customers.name is 'varchar(150) not\
                 null' in the database but 'varchar(200) not null' in the schema]""");
        assertDoesNotThrow(checks::oneLinearChain);
        assertDoesNotThrow(checks::upgradeFromEmpty);
    }

    @Test
    void anEntityChangedWithoutItsMigrationFailsModelMatchesDdl() {
        SampleProject project = healthy.copyTo(mutant);
        project.entity("Customer", """
                @Table(name = "customers")
                @Index(columns = "email")
                public class Customer {
                    @Id long id;
                    @Column(length = 200, nullable = false) String name;
                    int visits;
                    @Column(length = 120) String email;
                    Boolean vip;
                }
                """);
        project.compileWithoutProcessor();
        MigrationChecks checks = project.checks();

        assertFails(checks::modelMatchesDdl, """
                the entities as compiled now do not match the newest snapshot V0003.sql (an entity changed without its\
                 migration?):
                """);
        assertFails(checks::generationIsDeterministic, "generating V0003.sql again from the compiled entities gives other"
                + " bytes than the frozen file");
        assertDoesNotThrow(checks::upDownConsistency);
        assertDoesNotThrow(checks::replayEqualsSnapshot);
    }

    @Test
    void twoMigrationsClaimingOneVersionFailOneLinearChain() throws Exception {
        SampleProject project = healthy.copyTo(mutant);
        Path stub = project.stub(2);
        String name = stub.getFileName().toString().replace(".java", "");
        Files.writeString(stub.resolveSibling("V0002_AddLoyaltyPoints.java"),
                Files.readString(stub).replace(name, "V0002_AddLoyaltyPoints"));
        MigrationChecks checks = project.checks();

        assertFails(checks::oneLinearChain, """
                the migrations are not one linear chain:
                  - V0002 is claimed by V0002_AddLoyaltyPoints.java and %s.java in %s (two heads after a merge)
                When two branches each added a version, keep one branch's version and compile: Permafrost writes the\
                 other change as the next version.""".formatted(name, stub.getParent().toAbsolutePath()));
    }

    @Test
    void aDropAndAddThatLosesValuesFailsDataSurvives() {
        SampleProject project = healthy.copyTo(mutant);
        project.editStub(3, """
                    public void up(Operations op) {
                """, """
                    public void up(Operations op) {
                        op.dropColumn("customers", "email");
                        op.addColumn("customers", column("email", varchar(120)));
                """);
        project.compile();
        MigrationChecks checks = project.checks();

        assertDoesNotThrow(checks::upDownConsistency, "the schema is right, only values are lost");
        assertFails(checks::dataSurvives, """
                rows did not survive:
                  - V0003 up(): a row of customers {id=30, name=v30, visits=30, email=v30} is gone or changed\
                 (closest now: {id=30, name=v30, visits=30, email=null})
                  - V0003 down(): a row of customers {id=30, name=v30, visits=30, email=v30} is gone or changed\
                 (closest now: {id=30, name=v30, visits=30, email=null})""");
    }

    @Test
    void aTableAnotherLibraryOwnsIsDriftUntilItIsIgnored() {
        SampleProject project = healthy.copyTo(mutant);
        project.editStub(2, """
                    public void up(Operations op) {
                """, """
                    public void up(Operations op) {
                        op.sql("create table qrtz_locks (lock_name varchar(40) primary key)");
                """);
        project.editStub(2, """
                    public void down(Operations op) {
                """, """
                    public void down(Operations op) {
                        op.sql("drop table qrtz_locks");
                """);
        project.compile();
        MigrationChecks checks = project.checks();

        assertFails(checks::modelMatchesDdl, """
                after upgrading, the live schema differs from the newest snapshot V0003.sql:
                  - table qrtz_locks cannot be read: primary key name '' is not a portable identifier ([a-z_][a-z0-9_]*, at\
                 most 63 characters) (if Permafrost does not own it, ignore it with ignoreTables("qrtz_locks"))""");

        MigrationChecks ignoring = new ProjectChecks() {
            @Override
            public MigrationChecks project() {
                return checks;
            }

            @Override
            public java.util.Set<String> ignoredTables() {
                return java.util.Set.of("qrtz_locks");
            }
        };
        assertDoesNotThrow(ignoring::modelMatchesDdl);
        assertDoesNotThrow(ignoring::upDownConsistency);
        assertDoesNotThrow(ignoring::downgradeLeavesNoTrace);
    }

    @Test
    void aSquashedBaselineThatMissesAColumnFailsItsCheck() {
        SampleProject project = SampleProject.squashed(mutant.resolve("baseline"), true);
        String baseline = SampleProject.read(project.baseline());
        SampleProject.write(project.baseline(), baseline.replace(".column(column(\"email\", varchar(120)))", ""));
        project.compile();
        MigrationChecks checks = project.checks();

        assertFails(checks::squashedBaselineBuildsItsSnapshot, """
                the squashed baseline does not stand in for the migrations it replaces:
                  - B0002_Baseline's up() does not give V0002.sql: [column customers.email is missing (expected \
                'varchar(120)')]""");
        // A fresh database built from it does not take V0003, whose rebuild copies the missing column.
        assertFails(checks::modelMatchesDdl, "upgrading from an empty database failed: migration V0003");
        // With V0001's stub deleted, the kept stubs are replayed from the baseline.
        assertFails(checks::replayEqualsSnapshot, """
                the stubs and the frozen snapshots disagree (a stub edited by hand?):
                  - migration V0002 (add column email to customers, create table orders) cannot run: its down() table\
                 customers has no column email.""");
    }

    @Test
    void aReplacedStubChangedAfterTheSquashFailsItsCheck() {
        SampleProject project = SampleProject.squashed(mutant.resolve("changed"), false);
        project.editStub(2, "varchar(120)", "varchar(121)");
        project.compile();

        assertFails(project.checks()::squashedBaselineBuildsItsSnapshot, """
                the squashed baseline does not stand in for the migrations it replaces:
                  - V0002 (com.acme.migrations.V0002_AlterCustomersAndOrders) changed after it was squashed into \
                B0002_Baseline: databases built from the baseline record the checksum it had then.""");
    }

    private static void assertFails(Executable check, String expectedStart) {
        AssertionFailedError error = assertThrows(AssertionFailedError.class, check);
        assertTrue(error.getMessage().startsWith(expectedStart),
                () -> "expected a message starting with\n" + expectedStart + "\nbut got\n" + error.getMessage());
    }

    @Test
    void theHealthyProjectItselfPasses() {
        MigrationChecks checks = healthy.checks();
        assertDoesNotThrow(checks::oneLinearChain);
        assertEquals(3, checks.migrations().migrations().size());
    }
}
