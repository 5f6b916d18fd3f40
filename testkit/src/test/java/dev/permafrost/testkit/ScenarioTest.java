package dev.permafrost.testkit;

import static dev.permafrost.testkit.Scenario.row;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.permafrost.testing.TestDatabase;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The seed project's rollback tests, written with {@link Scenario} against a stub with a data step. */
class ScenarioTest {

    @TempDir
    static Path work;

    private static SampleProject project;

    @BeforeAll
    static void compileProjectWithADataStep() {
        project = SampleProject.threeVersions(work.resolve("project"));
        project.editStub(3, """
                    public void up(Operations op) {
                """, """
                    public void up(Operations op) {
                        op.sql("update customers set email = lower(name) || '@example.com' where email is null");
                """);
        project.compile();
    }

    @ParameterizedTest
    @EnumSource(value = TestDatabase.class, names = {"SQLITE", "POSTGRES"})
    void dataStepBackfillsAndRowsSurviveTheDowngrade(TestDatabase kind) throws Exception {
        try (TestDatabase.Fresh db = kind.create(work)) {
            Scenario.on(db.url()).migrations(project.index())
                    .migrateTo(2)
                    .insert("customers", row("id", 1, "name", "Ada", "visits", 3, "email", null),
                            row("id", 2, "name", "Grace", "visits", 5, "email", "grace@navy.mil"))
                    .insert("orders", row("id", 10, "customer_id", 1, "total", new BigDecimal("12.50")))
                    .migrateTo(3)
                    .assertRows("select id, email from customers order by id",
                            List.of(List.of(1, "ada@example.com"), List.of(2, "grace@navy.mil")))
                    .assertValue("select total from orders where customer_id = 1", 12.5)
                    .migrateTo(1)
                    .assertRows("select id, name, visits from customers order by id",
                            List.of(List.of(1, "Ada", 3), List.of(2, "Grace", 5)))
                    .migrateTo(3)
                    .assertValue("select count(*) from customers where email is null", 0);
        }
    }

    @Test
    void aWrongValueSaysWhereAndWhat() {
        Scenario scenario = Scenario.sqlite().migrations(project.index()).migrateTo(1)
                .insert("customers", row("id", 1, "name", "Ada", "visits", 3));
        AssertionError error = assertThrows(AssertionError.class,
                () -> scenario.assertRows("select id, name from customers", List.of(List.of(1, "Grace"))));
        assertEquals("""
                at V0001, `select id, name from customers` differs in row 1, value 2: Ada instead of Grace
                  expected: [[1, Grace]]
                  actual:   [[1, Ada]]""", error.getMessage());

        error = assertThrows(AssertionError.class, () -> scenario.assertValue("select count(*) from customers", 2));
        assertEquals("at V0001, `select count(*) from customers` returned 1 but 2 was expected", error.getMessage());

        error = assertThrows(AssertionError.class, () -> scenario.assertRows("select id from customers",
                List.of(List.of(1), List.of(2))));
        assertEquals("""
                at V0001, `select id from customers` returned 1 row(s) but 2 were expected
                  expected: [[1], [2]]
                  actual:   [[1]]""", error.getMessage());
    }

    @Test
    void insertingIntoWhatTheVersionDoesNotHaveSaysSo() {
        Scenario scenario = Scenario.sqlite().migrations(project.index()).migrateTo(1);
        AssertionError error = assertThrows(AssertionError.class, () -> scenario.insert("orders", row("id", 1)));
        assertEquals("table orders is not in the schema at V0001 (its tables: [customers])", error.getMessage());

        error = assertThrows(AssertionError.class, () -> scenario.insert("customers", row("id", 1, "email", "a@b.c")));
        assertEquals("inserting {id=1, email=a@b.c} into customers at V0001 failed: column email is not in table customers"
                + " (its columns: id, name, visits)", error.getMessage());

        error = assertThrows(AssertionError.class, () -> scenario.insert("customers", row("id", 1)));
        assertEquals("inserting {id=1} into customers at V0001 failed:", error.getMessage().substring(0, 48));
    }

    @Test
    void valuesCompareByMeaning() {
        assertEquals(List.of(true, true, true, true, false, false, true), Arrays.asList(
                Scenario.same(1, 1L), Scenario.same(12.5, new BigDecimal("12.50")), Scenario.same(true, 1),
                Scenario.same(java.time.LocalDate.of(2026, 1, 2), "2026-01-02"), Scenario.same(null, 0),
                Scenario.same("1", 1.5), Scenario.same(java.time.LocalDateTime.of(2026, 1, 2, 3, 4),
                        java.sql.Timestamp.valueOf("2026-01-02 03:04:00"))));
    }

    @Test
    void nonFiniteNumbersCompareWithoutFailing() {
        assertEquals(List.of(true, false, true, false), List.of(Scenario.same(Double.NaN, Double.NaN),
                Scenario.same(Double.POSITIVE_INFINITY, 1), Scenario.same(Float.NEGATIVE_INFINITY, Double.NEGATIVE_INFINITY),
                Scenario.same(1, Double.NaN)));
    }

    @Test
    void rowNeedsPairs() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> row("id", 1, "name"));
        assertEquals("row(...) takes column names and values in pairs; got 3 arguments", error.getMessage());
    }
}
