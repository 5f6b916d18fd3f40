package dev.permafrost.dialect.sqlite;

import dev.permafrost.dialect.LiveLiterals;
import dev.permafrost.model.Column;
import dev.permafrost.model.ColumnType;
import dev.permafrost.model.ForeignKey;
import dev.permafrost.model.Index;
import dev.permafrost.model.Names;
import dev.permafrost.model.PrimaryKey;
import dev.permafrost.model.Table;
import dev.permafrost.model.Unique;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads the DDL SQLite keeps for a table in the form Permafrost writes it (and SQLite's own {@code alter table} edits
 * of it) without jOOQ's parser, whose classes cost a cold JVM more than half a second: named keys, columns of the
 * types Permafrost declares with {@code null} or {@code not null} and literal defaults ({@link LiveLiterals}), plain
 * indexes. Anything else
 * (a check, an expression, a type or clause Permafrost does not write) makes {@link #table} answer {@code null}, and
 * the caller reads that table with the parser as before; where this reads a table it gives what the parser gives
 * ({@code SqliteDdlTest} holds the two side by side).
 */
final class SqliteDdl {

    /** The declared types Permafrost writes on SQLite and what the parser reads each as; any other is not read here. */
    private static final Map<String, ColumnType> TYPES = Map.ofEntries(
            Map.entry("boolean", ColumnType.BOOLEAN),
            Map.entry("smallint", ColumnType.SMALLINT),
            Map.entry("int", ColumnType.INTEGER),
            Map.entry("integer", ColumnType.INTEGER),
            Map.entry("int8", ColumnType.BIGINT),
            Map.entry("bigint", ColumnType.BIGINT),
            Map.entry("real", ColumnType.REAL),
            Map.entry("double", ColumnType.DOUBLE),
            Map.entry("clob", ColumnType.TEXT),
            Map.entry("date", ColumnType.DATE),
            Map.entry("datetime", ColumnType.TIMESTAMP),
            Map.entry("timestamp", ColumnType.TIMESTAMP),
            Map.entry("timestamp with time zone", ColumnType.TIMESTAMP_TZ),
            Map.entry("blob", ColumnType.BLOB));

    private final List<String> tokens;
    private int at;

    private SqliteDdl(List<String> tokens) {
        this.tokens = tokens;
    }

    /**
     * The table {@code createTable} makes with the indexes {@code createIndexes} add (SQLite's {@code sql} column of
     * each, the table's first), or {@code null} when any of them holds something not read here.
     */
    static Table table(String createTable, List<String> createIndexes) {
        try {
            List<String> tokens = tokens(createTable);
            if (tokens == null) {
                return null;
            }
            Table table = new SqliteDdl(tokens).createTable();
            if (table == null) {
                return null;
            }
            List<Index> indexes = new ArrayList<>(table.indexes());
            for (String sql : createIndexes) {
                List<String> indexTokens = tokens(sql);
                Index index = indexTokens == null ? null : new SqliteDdl(indexTokens).createIndex(table.name());
                if (index == null) {
                    return null;
                }
                indexes.add(index);
            }
            return table.withIndexes(indexes);
        } catch (IllegalArgumentException e) {
            return null; // the model refuses it; the parser's reading says why
        }
    }

    private Table createTable() {
        if (!word("create") || !word("table")) {
            return null;
        }
        String name = name();
        if (name == null || !symbol("(")) {
            return null;
        }
        List<Column> columns = new ArrayList<>();
        PrimaryKey primaryKey = null;
        List<Unique> uniques = new ArrayList<>();
        List<ForeignKey> foreignKeys = new ArrayList<>();
        do {
            if (word("constraint")) {
                String constraint = name();
                if (constraint == null) {
                    return null;
                }
                if (word("primary") && word("key")) {
                    List<String> key = names();
                    if (key == null || primaryKey != null) {
                        return null;
                    }
                    primaryKey = new PrimaryKey(constraint, key);
                } else if (word("unique")) {
                    List<String> unique = names();
                    if (unique == null) {
                        return null;
                    }
                    uniques.add(new Unique(constraint, unique));
                } else if (word("foreign") && word("key")) {
                    ForeignKey foreignKey = foreignKey(constraint);
                    if (foreignKey == null) {
                        return null;
                    }
                    foreignKeys.add(foreignKey);
                } else {
                    return null; // a check, or what Permafrost does not write
                }
            } else if (peek("primary") || peek("unique") || peek("foreign") || peek("check")) {
                return null; // a constraint without a name
            } else {
                Column column = column();
                if (column == null) {
                    return null;
                }
                columns.add(column);
            }
        } while (symbol(","));
        if (!symbol(")") || at != tokens.size()) {
            return null; // without rowid, strict, or anything after the table's elements
        }
        return new Table(name, columns, primaryKey, uniques, List.of(), foreignKeys, List.of());
    }

    /** {@code name type [(n[, m])]}, then {@code null} or {@code not null} and a literal default, or {@code null}. */
    private Column column() {
        String name = name();
        if (name == null) {
            return null;
        }
        StringBuilder typeName = new StringBuilder();
        while (at < tokens.size() && isWord(tokens.get(at)) && !peek("not") && !peek("null")
                && !peek("default")) {
            typeName.append(typeName.isEmpty() ? "" : " ").append(tokens.get(at++));
        }
        ColumnType type = type(typeName.toString().toLowerCase(Locale.ROOT));
        if (type == null) {
            return null;
        }
        Boolean nullable = null;
        String defaultValue = null;
        while (!peek(",") && !peek(")")) {
            if (nullable == null && word("not")) {
                if (!word("null")) {
                    return null;
                }
                nullable = false;
            } else if (nullable == null && word("null")) {
                nullable = true;
            } else if (defaultValue == null && word("default")) {
                defaultValue = defaultValue();
                if (defaultValue == null) {
                    return null;
                }
            } else {
                return null; // an inline key, a collation, a generated column
            }
        }
        return new Column(name, type, nullable == null || nullable, defaultValue, false);
    }

    /**
     * A literal default ({@link LiveLiterals}: a string of printable characters, an integer, {@code true} or
     * {@code false}, the current date or time), in parentheses or not; {@code null} for any other (a cast, a function),
     * which the parser reads and canonicalises.
     */
    private String defaultValue() {
        boolean parenthesised = symbol("(");
        if (at >= tokens.size()) {
            return null;
        }
        String literal = tokens.get(at);
        if (literal.equals("-") && at + 1 < tokens.size()) {
            literal += tokens.get(++at);
        }
        String value = LiveLiterals.canonical(literal);
        if (value == null) {
            return null;
        }
        at++;
        return !parenthesised || symbol(")") ? value : null;
    }

    private ColumnType type(String name) {
        if (name.equals("varchar") || name.equals("decimal")) {
            if (!symbol("(")) {
                return null;
            }
            Integer first = number();
            boolean scale = symbol(",");
            Integer second = scale ? number() : Integer.valueOf(0);
            if (first == null || second == null || !symbol(")")) {
                return null;
            }
            if (name.equals("varchar")) {
                return scale ? null : ColumnType.varchar(first);
            }
            return ColumnType.decimal(first, second);
        }
        return TYPES.get(name);
    }

    /** {@code (columns) references table (columns) [on delete action] [on update action]}, or {@code null}. */
    private ForeignKey foreignKey(String name) {
        List<String> columns = names();
        if (columns == null || !word("references")) {
            return null;
        }
        String referenced = name();
        List<String> referencedColumns = referenced == null ? null : names();
        if (referencedColumns == null) {
            return null;
        }
        ForeignKey.Action onDelete = ForeignKey.Action.NO_ACTION;
        ForeignKey.Action onUpdate = ForeignKey.Action.NO_ACTION;
        boolean deleteSeen = false;
        boolean updateSeen = false;
        while (word("on")) {
            boolean delete = word("delete");
            if (!delete && !word("update") || (delete ? deleteSeen : updateSeen)) {
                return null;
            }
            ForeignKey.Action action = action();
            if (action == null) {
                return null;
            }
            if (delete) {
                onDelete = action;
                deleteSeen = true;
            } else {
                onUpdate = action;
                updateSeen = true;
            }
        }
        return new ForeignKey(name, columns, referenced, referencedColumns, onDelete, onUpdate);
    }

    private ForeignKey.Action action() {
        if (word("cascade")) {
            return ForeignKey.Action.CASCADE;
        } else if (word("restrict")) {
            return ForeignKey.Action.RESTRICT;
        } else if (word("set")) {
            return word("null") ? ForeignKey.Action.SET_NULL : word("default") ? ForeignKey.Action.SET_DEFAULT : null;
        } else if (word("no")) {
            return word("action") ? ForeignKey.Action.NO_ACTION : null;
        }
        return null;
    }

    /** {@code create [unique] index name on table (columns)} on {@code table}, or {@code null}. */
    private Index createIndex(String table) {
        if (!word("create")) {
            return null;
        }
        boolean unique = word("unique");
        if (!word("index")) {
            return null;
        }
        String name = name();
        if (name == null || !word("on") || !table.equals(name())) {
            return null;
        }
        List<String> columns = names();
        if (columns == null || at != tokens.size()) {
            return null; // a partial index (where ..)
        }
        return new Index(name, columns, unique);
    }

    /** {@code (name, name ..)}, or {@code null} when it holds anything else (an order, a collation, an expression). */
    private List<String> names() {
        if (!symbol("(")) {
            return null;
        }
        List<String> names = new ArrayList<>();
        do {
            String name = name();
            if (name == null) {
                return null;
            }
            names.add(name);
        } while (symbol(","));
        return symbol(")") ? names : null;
    }

    /**
     * An identifier, bare or quoted ({@code "x"}, {@code `x`}, {@code [x]}), as the model names it
     * ({@link Names#isIdentifier}); {@code null} for anything else, which the parser is left to read.
     */
    private String name() {
        if (at >= tokens.size()) {
            return null;
        }
        String token = tokens.get(at);
        String name = token;
        char first = token.charAt(0);
        if (first == '"' || first == '`' || first == '[') {
            name = token.substring(1, token.length() - 1);
        } else if (!isWord(token)) {
            return null;
        }
        if (!Names.isIdentifier(name)) {
            return null;
        }
        at++;
        return name;
    }

    private Integer number() {
        if (at >= tokens.size() || tokens.get(at).length() > 9 || !tokens.get(at).chars().allMatch(Character::isDigit)) {
            return null;
        }
        return Integer.valueOf(tokens.get(at++));
    }

    /** Moves past the keyword {@code keyword} (any case), if it is next. */
    private boolean word(String keyword) {
        if (peek(keyword)) {
            at++;
            return true;
        }
        return false;
    }

    /** Moves past the punctuation {@code symbol}, if it is next. */
    private boolean symbol(String symbol) {
        return word(symbol);
    }

    private boolean peek(String keyword) {
        return at < tokens.size() && tokens.get(at).equalsIgnoreCase(keyword);
    }

    private static boolean isWord(String token) {
        char c = token.charAt(0);
        return Character.isLetterOrDigit(c) || c == '_';
    }

    /**
     * The statement's tokens: words (keywords in any case: SQLite writes its own {@code CREATE TABLE} prefix in upper
     * case), quoted identifiers and strings whole, the symbols {@code ( ) ,} and a minus before a digit; {@code null}
     * for any other character (an operator, a comment), which only an expression or what Permafrost does not write
     * holds.
     */
    private static List<String> tokens(String sql) {
        List<String> tokens = new ArrayList<>();
        int n = sql.length();
        int i = 0;
        while (i < n) {
            char c = sql.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '(' || c == ')' || c == ',' || c == '-' && i + 1 < n && Character.isDigit(sql.charAt(i + 1))) {
                tokens.add(String.valueOf(c));
                i++;
            } else if (c == '\'') {
                int end = i + 1;
                while (end < n && (sql.charAt(end) != '\'' || end + 1 < n && sql.charAt(end + 1) == '\'')) {
                    end += sql.charAt(end) == '\'' ? 2 : 1;
                }
                if (end >= n) {
                    return null;
                }
                tokens.add(sql.substring(i, end + 1));
                i = end + 1;
            } else if (c == '"' || c == '`' || c == '[') {
                char close = c == '[' ? ']' : c;
                int end = sql.indexOf(close, i + 1);
                if (end < 0 || end + 1 < n && sql.charAt(end + 1) == close) {
                    return null; // unterminated, or a doubled quote inside: not a name Permafrost writes
                }
                tokens.add(sql.substring(i, end + 1));
                i = end + 1;
            } else if (c < 128 && (Character.isLetterOrDigit(c) || c == '_')) {
                int end = i;
                while (end < n && sql.charAt(end) < 128 && (Character.isLetterOrDigit(sql.charAt(end))
                        || sql.charAt(end) == '_')) {
                    end++;
                }
                tokens.add(sql.substring(i, end));
                i = end;
            } else {
                return null;
            }
        }
        return tokens;
    }
}
