package dev.permafrost.dialect.mariadb;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.permafrost.dialect.CatalogBuilder;
import java.util.Set;
import org.junit.jupiter.api.Test;

class MariaDbDialectTest {

    /** MariaDB reports a default's quotes escaped with backslashes; jOOQ's parser reads only doubled quotes. */
    @Test
    void mariaDbsBackslashEscapesReadAsTheStandardLiteral() {
        assertEquals("'it''s 37'", MariaDbDialect.standardStrings("'it\\'s 37'"));
        assertEquals("'a\\b' = 'x''y'", MariaDbDialect.standardStrings("'a\\\\b' = 'x''y'"));
        assertEquals("'50\\%'", MariaDbDialect.standardStrings("'50\\%'"));
        assertEquals("c = 'it''s'", MariaDbDialect.standardStrings("c = 'it''s'"));
        assertEquals("'it''s 37'", new CatalogBuilder(MariaDbDialect.MARIADB, Set.of()).expression("'it\\'s 37'", false));
        assertEquals("'a\\b'", new CatalogBuilder(MariaDbDialect.MARIADB, Set.of()).expression("'a\\\\b'", false));
    }
}
