package dev.permafrost.dialect.sqlite;

import dev.permafrost.message.Message;
import dev.permafrost.model.Table;
import dev.permafrost.runtime.PermafrostException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * What a SQLite table holds that Permafrost's migrations did not create (a column added or an index made
 * by hand), read before a rebuild so that the rebuild carries it over instead of deleting it. SQLite keeps
 * each column's definition as it was written in the table's {@code CREATE TABLE} text, and each index's
 * {@code CREATE INDEX}; both are carried over verbatim.
 */
final class SqliteKept {

    private SqliteKept() {
    }

    /**
     * What the live table has beyond {@code rebuild.before()}.
     *
     * @throws PermafrostException when carrying it over cannot work: the migration adds a column the table
     *     already has, or drops a column that a kept index uses
     */
    static SqliteRebuild.Kept read(Connection connection, SqliteRebuild rebuild, String migration) throws SQLException {
        Table before = rebuild.before();
        Table after = rebuild.after();
        String createSql = null;
        try (PreparedStatement s = connection.prepareStatement(
                "select sql from sqlite_master where type = 'table' and lower(name) = lower(?)")) {
            s.setString(1, rebuild.table());
            try (ResultSet rs = s.executeQuery()) {
                if (rs.next()) {
                    createSql = rs.getString(1);
                }
            }
        }
        if (createSql == null) {
            return SqliteRebuild.Kept.none();
        }
        Map<String, String> definitions = columnDefinitions(createSql);
        Map<String, String> columns = new LinkedHashMap<>();
        for (String column : liveColumns(connection, rebuild.table())) {
            if (before.hasColumn(column)) {
                continue;
            }
            if (after.hasColumn(column)) {
                throw refusal(migration, "adds column " + rebuild.table() + "." + column + ", but the table already has"
                        + " a column of that name that no migration created (added by hand?). Rename or drop that"
                        + " column by hand, or, if it is the same column, record it in an earlier migration");
            }
            String definition = definitions.get(column);
            if (definition == null) {
                throw refusal(migration, "rebuilds table " + rebuild.table() + ", which has a column " + column
                        + " that no migration created and whose definition cannot be read from the table's SQL; drop"
                        + " it by hand or map it in the entity and its migration");
            }
            columns.put(column, definition);
        }
        List<String> indexes = new ArrayList<>();
        Set<String> known = new TreeSet<>();
        before.indexes().forEach(i -> known.add(i.name()));
        after.indexes().forEach(i -> known.add(i.name()));
        try (PreparedStatement s = connection.prepareStatement("select name, sql from sqlite_master where type = 'index'"
                + " and lower(tbl_name) = lower(?) and sql is not null order by name")) {
            s.setString(1, rebuild.table());
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    String name = rs.getString(1);
                    if (known.contains(name.toLowerCase(Locale.ROOT))) {
                        continue;
                    }
                    for (String column : indexColumns(connection, name)) {
                        if (!after.hasColumn(column) && !columns.containsKey(column)) {
                            throw refusal(migration, "drops column " + rebuild.table() + "." + column + ", which index "
                                    + name + " uses; no migration created that index (made by hand?), so Permafrost"
                                    + " will not drop it unasked. Drop the index by hand, or declare it with @Index so"
                                    + " that migrations own it");
                        }
                    }
                    indexes.add(rs.getString(2));
                }
            }
        }
        return new SqliteRebuild.Kept(columns, indexes);
    }

    private static PermafrostException refusal(String migration, String what) {
        return Message.REBUILD_REFUSED.exception(migration, what);
    }

    private static List<String> liveColumns(Connection connection, String table) throws SQLException {
        List<String> columns = new ArrayList<>();
        try (Statement s = connection.createStatement();
             ResultSet rs = s.executeQuery("select name from pragma_table_info('" + table.replace("'", "''")
                     + "') order by cid")) {
            while (rs.next()) {
                columns.add(rs.getString(1).toLowerCase(Locale.ROOT));
            }
        }
        return columns;
    }

    private static List<String> indexColumns(Connection connection, String index) throws SQLException {
        List<String> columns = new ArrayList<>();
        try (Statement s = connection.createStatement();
             ResultSet rs = s.executeQuery("select name from pragma_index_info('" + index.replace("'", "''")
                     + "') order by seqno")) {
            while (rs.next()) {
                String name = rs.getString(1);
                if (name != null) {
                    columns.add(name.toLowerCase(Locale.ROOT));
                }
            }
        }
        return columns;
    }

    /**
     * The column definitions of a {@code CREATE TABLE} statement as written, by lower-case column name: its
     * parenthesised body split at top-level commas (outside quotes and parentheses), keeping the elements that
     * do not start a table constraint.
     */
    static Map<String, String> columnDefinitions(String createSql) {
        Map<String, String> definitions = new LinkedHashMap<>();
        int open = createSql.indexOf('(');
        int close = createSql.lastIndexOf(')');
        if (open < 0 || close < open) {
            return definitions;
        }
        for (String element : topLevel(createSql.substring(open + 1, close))) {
            String trimmed = element.strip();
            String first = firstWord(trimmed);
            if (first.isEmpty() || Set.of("constraint", "primary", "unique", "check", "foreign")
                    .contains(first.toLowerCase(Locale.ROOT))) {
                continue;
            }
            definitions.put(first.toLowerCase(Locale.ROOT), trimmed);
        }
        return definitions;
    }

    private static List<String> topLevel(String body) {
        List<String> parts = new ArrayList<>();
        int depth = 0;
        int start = 0;
        char quote = 0;
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                }
            } else if (c == '\'' || c == '"' || c == '`') {
                quote = c;
            } else if (c == '[') {
                quote = ']';
            } else if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
            } else if (c == ',' && depth == 0) {
                parts.add(body.substring(start, i));
                start = i + 1;
            }
        }
        parts.add(body.substring(start));
        return parts;
    }

    /** The first identifier of a definition, without the quotes SQLite allows around it. */
    private static String firstWord(String element) {
        if (element.isEmpty()) {
            return "";
        }
        char c = element.charAt(0);
        char end = switch (c) {
            case '"' -> '"';
            case '`' -> '`';
            case '[' -> ']';
            default -> 0;
        };
        if (end != 0) {
            int close = element.indexOf(end, 1);
            return close < 0 ? "" : element.substring(1, close);
        }
        int i = 0;
        while (i < element.length() && (Character.isLetterOrDigit(element.charAt(i)) || element.charAt(i) == '_')) {
            i++;
        }
        return element.substring(0, i);
    }
}
