package dev.permafrost.dialect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.permafrost.model.Column;
import dev.permafrost.model.ColumnType;
import dev.permafrost.model.PrimaryKey;
import dev.permafrost.model.Table;
import dev.permafrost.sql.Expressions;
import dev.permafrost.testing.TestDatabase;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A plain literal default as a live database reports it is canonical without jOOQ's parser, and exactly as the parser
 * canonicalises it: every default the renderer writes is read back from the real server both ways.
 */
class LiveLiteralsTest {

    @TempDir
    Path dir;

    /** Column type and default, as an entity declares them. */
    private static final List<String[]> DEFAULTS = List.of(new String[] {"varchar", "'new'"}, new String[] {"varchar", "''"},
            new String[] {"varchar", "'it''s'"}, new String[] {"varchar", "'a(b), c'"}, new String[] {"integer", "0"},
            new String[] {"integer", "42"}, new String[] {"integer", "-1"}, new String[] {"bigint", "7"},
            new String[] {"bigint", "-30"}, new String[] {"bigint", "900719925474099"}, new String[] {"smallint", "-3"},
            new String[] {"boolean", "true"}, new String[] {"boolean", "false"}, new String[] {"text", "'x'"},
            new String[] {"decimal", "1.50"}, new String[] {"decimal", "-0.5"}, new String[] {"timestamp", "current_timestamp"},
            new String[] {"date", "current_date"}, new String[] {"time", "current_time"});

    @ParameterizedTest
    @EnumSource(value = TestDatabase.class, names = {"POSTGRES", "MARIADB", "H2"})
    void literalDefaultsTheServerReportsAreCanonicalAsTheParserMakesThem(TestDatabase kind) throws Exception {
        try (TestDatabase.Fresh db = kind.create(dir); Connection connection = DriverManager.getConnection(db.url());
             Statement statement = connection.createStatement()) {
            Dialect dialect = Dialects.detect(connection);
            List<Column> columns = new ArrayList<>(List.of(new Column("id", ColumnType.BIGINT, false, null)));
            for (int i = 0; i < DEFAULTS.size(); i++) {
                columns.add(new Column("c" + i, type(DEFAULTS.get(i)[0]), true, Expressions.canonicalDefault(DEFAULTS.get(i)[1])));
            }
            for (String sql : new SqlRenderer(dialect).createTable(new Table("lit", columns,
                    new PrimaryKey("pk_lit", List.of("id")), List.of(), List.of(), List.of(), List.of()))) {
                statement.execute(sql);
            }
            Map<String, String> reported = new TreeMap<>();
            try (ResultSet rs = statement.executeQuery("select column_name, column_default from information_schema.columns"
                    + " where lower(table_name) = 'lit' and column_default is not null")) {
                while (rs.next()) {
                    reported.put(rs.getString(1).toLowerCase(Locale.ROOT), rs.getString(2));
                }
            }
            assertEquals(DEFAULTS.size(), reported.size(), reported.toString());
            List<String> readHere = new ArrayList<>();
            reported.forEach((column, raw) -> {
                String live = dialect.liveExpression(raw);
                String literal = LiveLiterals.canonical(live);
                if (literal != null) {
                    readHere.add(column);
                    assertEquals(Expressions.canonicalLive(live, dialect.jooq(), false), literal, column + ": " + raw);
                }
            });
            // what each server reports in a form of its own is the parser's: PostgreSQL's '-0.5'::numeric and
            // (CURRENT_TIME)::time without time zone, MariaDB's current_timestamp(6), curdate() and curtime(6)
            int parsers = switch (kind) {
                case POSTGRES -> 2;
                case MARIADB -> 3;
                default -> 0;
            };
            assertEquals(DEFAULTS.size() - parsers, readHere.size(), "read without the parser: " + readHere + " of " + reported);
        }
    }

    @Test
    void anythingButAPlainLiteralIsLeftToTheParser() {
        for (String reported : List.of("nextval('items_id_seq'::regclass)", "now()", "(1 + 2)", "'a\\b'", "E'x'", "1e3",
                "-0", "01", "NULL::character varying", "'x'::character varying(10)", "'x'::json", "'caf\u00e9'",
                "current_timestamp(6)", "curdate()", "upper('a')", "'open", "1.", ".5", "1234567890123456789")) {
            assertNull(LiveLiterals.canonical(reported), reported);
        }
    }

    private static ColumnType type(String name) {
        return switch (name) {
            case "varchar" -> ColumnType.varchar(20);
            case "decimal" -> ColumnType.decimal(5, 2);
            default -> ColumnType.simple(ColumnType.Kind.valueOf(name.toUpperCase(Locale.ROOT)));
        };
    }
}
