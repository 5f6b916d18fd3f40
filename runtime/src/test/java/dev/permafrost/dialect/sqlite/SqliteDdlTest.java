package dev.permafrost.dialect.sqlite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.permafrost.dialect.SqlRenderer;
import dev.permafrost.model.Column;
import dev.permafrost.model.ColumnType;
import dev.permafrost.model.ForeignKey;
import dev.permafrost.model.Index;
import dev.permafrost.model.PrimaryKey;
import dev.permafrost.model.Table;
import dev.permafrost.model.Unique;
import dev.permafrost.snapshot.DdlReader;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jooq.SQLDialect;
import org.junit.jupiter.api.Test;

/**
 * The DDL SQLite keeps, read without jOOQ's parser: what {@link SqliteDdl} reads is what the parser reads, on
 * statements Permafrost writes and SQLite then edits; anything else is left to the parser.
 */
class SqliteDdlTest {

    private static final List<String> TYPES = List.of("boolean", "smallint", "int", "integer", "int8", "bigint", "real",
            "double", "clob", "date", "datetime", "timestamp", "timestamp with time zone", "blob", "varchar(1)",
            "varchar(255)", "VARCHAR(36)", "decimal(5)", "decimal(12, 2)", "decimal(38,10)", "INT8", "Timestamp With Time Zone");

    @Test
    void everyDeclaredTypePermafrostWritesIsReadAsTheParserReadsIt() {
        for (String type : TYPES) {
            for (String nullability : List.of("", " null", " not null", " NOT NULL")) {
                String sql = "CREATE TABLE t (id int8 not null, c " + type + nullability + ", constraint pk_t primary key (id))";
                Table read = SqliteDdl.table(sql, List.of());
                assertNotNull(read, sql);
                assertEquals(parsed(sql, List.of()), read, sql);
            }
        }
    }

    @Test
    void literalDefaultsAreReadAsTheParserReadsThem() {
        for (String declared : List.of("default (0)", "default ('new')", "default ('')", "default ('it''s')",
                "default ('a(b), c')", "default (-1)", "default (42)", "default (current_timestamp)", "DEFAULT CURRENT_DATE",
                "default (current_time)", "default 'x'", "default 7", "not null default (1)", "default (0) not null",
                "null default (-12)", "default true", "default (FALSE)")) {
            String sql = "CREATE TABLE t (id int8 not null, c int8 " + declared + ", constraint pk_t primary key (id))";
            Table read = SqliteDdl.table(sql, List.of());
            assertNotNull(read, sql);
            assertEquals(parsed(sql, List.of()), read, sql);
        }
        for (String declared : List.of("default (cast(1.50 as numeric))", "default (1E3)", "default (1.5)",
                "default ('a\\b')", "default ('caf\u00e9')", "default (-0)", "default (upper('a'))", "default (0) default (1)",
                "not null null", "default ()", "default (1", "default ('open)")) {
            String sql = "CREATE TABLE t (id int8 not null, c int8 " + declared + ", constraint pk_t primary key (id))";
            assertNull(SqliteDdl.table(sql, List.of()), sql);
        }
    }

    @Test
    void tablesPermafrostCreatedAndSqliteAlteredAreReadAsTheParserReadsThem() throws SQLException {
        SqlRenderer renderer = new SqlRenderer(SqliteDialect.INSTANCE);
        List<Column> columns = new ArrayList<>(List.of(new Column("id", ColumnType.INTEGER, false, null, true)));
        List<ColumnType> types = List.of(ColumnType.BOOLEAN, ColumnType.SMALLINT, ColumnType.INTEGER, ColumnType.BIGINT,
                ColumnType.REAL, ColumnType.DOUBLE, ColumnType.TEXT, ColumnType.DATE, ColumnType.TIME, ColumnType.TIMESTAMP,
                ColumnType.TIMESTAMP_TZ, ColumnType.UUID, ColumnType.BLOB, ColumnType.JSON, ColumnType.varchar(40),
                ColumnType.decimal(12, 2), ColumnType.decimal(5, 0));
        for (int i = 0; i < types.size(); i++) {
            columns.add(new Column("c" + i, SqliteDialect.INSTANCE.storedType(types.get(i)), i % 2 == 0, null));
        }
        columns.add(new Column("order", ColumnType.INTEGER, true, null));
        columns.add(new Column("status", ColumnType.varchar(10), false, "'new'"));
        columns.add(new Column("count", ColumnType.INTEGER, false, "0"));
        columns.add(new Column("balance", ColumnType.BIGINT, true, "-1"));
        columns.add(new Column("active", ColumnType.BOOLEAN, false, "true"));
        columns.add(new Column("created_at", ColumnType.TIMESTAMP, false, "current_timestamp"));
        Table parents = new Table("parents", columns, new PrimaryKey("pk_parents", List.of("id")),
                List.of(new Unique("uq_parents_c1_c2", List.of("c1", "c2"))),
                List.of(new Index("ix_parents_c3", List.of("c3"), false), new Index("ux_parents_order", List.of("order"), true)),
                List.of(), List.of());
        Table children = new Table("children", List.of(new Column("id", ColumnType.BIGINT, false, null),
                new Column("parent_id", ColumnType.INTEGER, true, null), new Column("other_id", ColumnType.INTEGER, false, null),
                new Column("third_id", ColumnType.INTEGER, true, null), new Column("select", ColumnType.varchar(10), true, null)),
                new PrimaryKey("pk_children", List.of("id", "other_id")), List.of(), List.of(),
                List.of(new ForeignKey("fk_children_parent", List.of("parent_id"), "parents", List.of("id"),
                                ForeignKey.Action.CASCADE, ForeignKey.Action.NO_ACTION),
                        new ForeignKey("fk_children_other", List.of("other_id"), "parents", List.of("id"),
                                ForeignKey.Action.RESTRICT, ForeignKey.Action.CASCADE),
                        new ForeignKey("fk_children_third", List.of("third_id"), "parents", List.of("id"),
                                ForeignKey.Action.SET_NULL, ForeignKey.Action.SET_DEFAULT)), List.of());
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite::memory:");
             Statement statement = connection.createStatement()) {
            for (Table table : List.of(parents, children)) {
                for (String sql : renderer.createTable(table)) {
                    statement.execute(sql);
                }
            }
            assertReadAsTheParserReads(connection, 2);
            // SQLite edits the text it keeps: appends a column, renames in place (also in other tables' references),
            // cuts a column out
            statement.execute("alter table parents add column added varchar(10) not null default 'x'");
            statement.execute("alter table children add column later int8 null");
            statement.execute("alter table parents rename column c1 to renamed");
            statement.execute("alter table parents rename column \"order\" to \"position\"");
            statement.execute("alter table children rename column parent_id to mother_id");
            statement.execute("alter table parents rename to elders");
            statement.execute("alter table elders drop column c5");
            statement.execute("alter table children drop column \"select\"");
            assertReadAsTheParserReads(connection, 2);
            statement.execute("alter table children add column amount decimal(5, 2) null default (cast(1.50 as numeric))");
            assertReadAsTheParserReads(connection, 1); // the cast is the parser's to read
        }
    }

    @Test
    void whatPermafrostDoesNotWriteIsLeftToTheParser() {
        for (String sql : List.of(
                "CREATE TABLE t (id int8 not null default (1.5), constraint pk_t primary key (id))",
                "CREATE TABLE t (id int8 not null, constraint pk_t primary key (id), constraint ck_t check (id > 0))",
                "CREATE TABLE t (id integer primary key autoincrement)",
                "CREATE TABLE t (id int8 not null primary key)",
                "CREATE TABLE t (id int8 not null, primary key (id))",
                "CREATE TABLE t (id int8 not null, name varchar(10) collate nocase, constraint pk_t primary key (id))",
                "CREATE TABLE t (id int8 not null, constraint pk_t primary key (id)) without rowid",
                "CREATE TABLE t (id int8 not null, constraint pk_t primary key (id)) strict",
                "CREATE TABLE t (id int8 not null, name nvarchar(10), constraint pk_t primary key (id))",
                "CREATE TABLE t (id int8 not null, name varchar, constraint pk_t primary key (id))",
                "CREATE TABLE t (id int8 not null, name varchar(10, 2), constraint pk_t primary key (id))",
                "CREATE TABLE t (id int8 not null, name, constraint pk_t primary key (id))",
                "CREATE TABLE t (id int8 not null, twice int8 generated always as (id * 2), constraint pk_t primary key (id))",
                "CREATE TABLE t (id int8 not null references u (id), constraint pk_t primary key (id))",
                "CREATE TABLE t (id int8 not null, -- the key\n constraint pk_t primary key (id))",
                "CREATE TABLE \"T\" (id int8 not null, constraint pk_t primary key (id))",
                "CREATE TABLE t (Id int8 not null, constraint pk_t primary key (Id))",
                "CREATE TABLE t (\"a\"\"b\" int8 not null, constraint pk_t primary key (id))",
                "CREATE TABLE t (id int8 not null, constraint pk_t primary key (id), constraint pk_u primary key (id))",
                "CREATE TABLE t (id int8 not null, constraint pk_t primary key (missing))",
                "CREATE TABLE t (id int8 not null, u int8, constraint pk_t primary key (id), constraint fk_t foreign key (u)"
                        + " references u (id) on delete cascade on delete restrict)",
                "CREATE TABLE t (id int8 not null, u int8, constraint pk_t primary key (id), constraint fk_t foreign key (u)"
                        + " references u (id) deferrable initially deferred)",
                "CREATE TABLE IF NOT EXISTS t (id int8 not null, constraint pk_t primary key (id))",
                "CREATE VIRTUAL TABLE t USING fts5(body)")) {
            assertNull(SqliteDdl.table(sql, List.of()), sql);
        }
        String table = "CREATE TABLE t (id int8 not null, a int8, constraint pk_t primary key (id))";
        for (String index : List.of("CREATE INDEX ix_t on t(a desc)", "CREATE INDEX ix_t on t(a) where a > 0",
                "CREATE INDEX ix_t on t(a + 1)", "CREATE INDEX ix_t on t(a collate nocase)", "CREATE INDEX ix_t on u(a)",
                "CREATE INDEX IF NOT EXISTS ix_t on t(a)")) {
            assertNull(SqliteDdl.table(table, List.of(index)), index);
        }
        assertEquals(parsed(table, List.of("CREATE UNIQUE INDEX ux_t on t(a, id)")),
                SqliteDdl.table(table, List.of("CREATE UNIQUE INDEX ux_t on t(a, id)")));
    }

    /** Every table of the database read both ways; {@code fast} of them read without the parser. */
    private static void assertReadAsTheParserReads(Connection connection, int fast) throws SQLException {
        Map<String, List<String>> statements = new LinkedHashMap<>();
        try (Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("select tbl_name, sql from sqlite_master where sql is not null"
                     + " order by case type when 'table' then 0 else 1 end, name")) {
            while (rs.next()) {
                statements.computeIfAbsent(rs.getString(1), t -> new ArrayList<>()).add(rs.getString(2));
            }
        }
        int read = 0;
        for (List<String> ddl : statements.values()) {
            Table table = SqliteDdl.table(ddl.get(0), ddl.subList(1, ddl.size()));
            if (table != null) {
                read++;
                assertEquals(parsed(ddl.get(0), ddl.subList(1, ddl.size())), table, String.join(";\n", ddl));
            }
        }
        assertEquals(fast, read, "tables read without the parser of " + statements);
    }

    private static Table parsed(String createTable, List<String> createIndexes) {
        List<String> all = new ArrayList<>(List.of(createTable));
        all.addAll(createIndexes);
        return new DdlReader("the SQLite schema", String.join(";\n", all) + ";\n", SQLDialect.SQLITE).schema().tables()
                .get(0);
    }
}
