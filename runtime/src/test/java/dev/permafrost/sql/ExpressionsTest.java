package dev.permafrost.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ExpressionsTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "'new'             | 'new'",
        "0                 | 0",
        "CURRENT_TIMESTAMP | current_timestamp",
        "now()             | current_timestamp",
        "TRUE              | true",
        "'it''s'           | 'it''s'",
        "-1.50             | -1.50",
        "date '2020-01-01' | date '2020-01-01'",
    })
    void defaultsBecomeCanonicalAndStayThatWay(String written, String canonical) {
        assertEquals(canonical, Expressions.canonicalDefault(written));
        assertEquals(canonical, Expressions.canonicalDefault(canonical));
    }

    @Test
    void conditionsBecomeCanonical() {
        assertEquals("(price >= 0 and qty between 1 and 10)", Expressions.canonicalCondition("Price>=0 AND qty BETWEEN 1 AND 10"));
        assertEquals("price >= 0", Expressions.canonicalCondition("price >= 0"));
    }

    @Test
    void columnsOfAConditionAreFound() {
        assertEquals(Set.of("owner_id", "backup_id"), Expressions.columnsOf("owner_id <> backup_id or owner_id is null"));
    }

    @Test
    void renamesFollowColumnsIntoConditions() {
        assertEquals("cost >= price", Expressions.renameColumns("price >= price_old", Map.of("price", "cost", "price_old", "price")));
    }

    @Test
    void badExpressionsAreRefusedWithAReason() {
        assertEquals("Unexpected content after end of field input at position 1",
                assertThrows(InvalidExpressionException.class, () -> Expressions.canonicalDefault("0; drop table x")).getMessage());
        assertEquals("a default cannot read a column (price)",
                assertThrows(InvalidExpressionException.class, () -> Expressions.canonicalDefault("price + 1")).getMessage());
        assertEquals("subqueries are not portable in defaults and checks",
                assertThrows(InvalidExpressionException.class, () -> Expressions.canonicalCondition("price > (select 1)")).getMessage());
        assertEquals("a check may only name columns of its own table, unqualified (t.price)",
                assertThrows(InvalidExpressionException.class, () -> Expressions.canonicalCondition("t.price > 0")).getMessage());
    }
}
