package dev.permafrost.dialect;

import dev.permafrost.model.Check;
import dev.permafrost.model.Column;
import dev.permafrost.model.ColumnType;
import dev.permafrost.model.ForeignKey;
import dev.permafrost.model.Index;
import dev.permafrost.model.PrimaryKey;
import dev.permafrost.model.Schema;
import dev.permafrost.model.Table;
import dev.permafrost.model.Unique;
import dev.permafrost.sql.Expressions;
import dev.permafrost.sql.InvalidExpressionException;
import java.sql.Array;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Builds a live schema from what a database's catalogue queries report, table by table: types mapped back to
 * logical types by the dialect's reader, defaults and checks canonicalised from the database's own dialect.
 * What cannot be mapped is reported, never guessed. The catalogue queries themselves are each dialect's.
 */
public final class CatalogBuilder {

    /** A reported type with a size: {@code character varying(20)}, {@code numeric(10, 2)}. */
    public static final Pattern SIZED = Pattern.compile("([a-z ]+?)\\s*\\((\\d+)(?:,\\s*(\\d+))?\\)(.*)");

    private final Dialect dialect;
    private final Set<String> ignored;
    private final Map<String, Parts> tables = new TreeMap<>();
    private final List<String> problems = new ArrayList<>();
    private final List<LiveReading.LiveSequence> sequences = new ArrayList<>();

    /** The parts of one table as they are read. */
    public static final class Parts {
        public final List<Column> columns = new ArrayList<>();
        public PrimaryKey primaryKey;
        public final List<Unique> uniques = new ArrayList<>();
        public final List<Index> indexes = new ArrayList<>();
        public final List<ForeignKey> foreignKeys = new ArrayList<>();
        public final List<Check> checks = new ArrayList<>();
    }

    public CatalogBuilder(Dialect dialect, Set<String> ignored) {
        this.dialect = dialect;
        this.ignored = ignored;
    }

    /** The parts of {@code name}, or {@code null} for a table left out. */
    public Parts table(String name) {
        String table = name.toLowerCase(Locale.ROOT);
        if (ignored.contains(table)) {
            return null;
        }
        return tables.computeIfAbsent(table, t -> new Parts());
    }

    /**
     * A sequence, unless left out ({@code ignoreTables} names sequences too).
     *
     * @param table the table whose column owns it, or {@code null}
     */
    public void sequence(String name, long start, long increment, String table, String column) {
        String lower = name.toLowerCase(Locale.ROOT);
        if (ignored.contains(lower)) {
            return;
        }
        try {
            sequences.add(new LiveReading.LiveSequence(new dev.permafrost.model.Sequence(lower, start, increment),
                    table == null ? null : table.toLowerCase(Locale.ROOT), column == null ? null : column.toLowerCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            problems.add("sequence " + name + " cannot be read: " + e.getMessage() + " (if Permafrost does not own it,"
                    + " ignore it with ignoreTables(\"" + lower + "\"))");
        }
    }

    /** What was read: every table the model can hold, and a problem for each it cannot. */
    public LiveReading result() {
        List<Table> built = new ArrayList<>();
        tables.forEach((name, parts) -> {
            try {
                built.add(new Table(name, parts.columns, parts.primaryKey, parts.uniques, parts.indexes,
                        parts.foreignKeys, parts.checks));
            } catch (IllegalArgumentException e) {
                problems.add(LiveReading.unreadable(name, e.getMessage()));
            }
        });
        return new LiveReading(new Schema(built), sequences, problems);
    }

    /**
     * A column; {@code type} is {@code null} when no logical type maps to the {@code reportedType}.
     *
     * @param identity whether the database numbers it (its reported default, a sequence's, is then not one)
     */
    public void column(String table, String name, ColumnType type, String reportedType, boolean nullable, String rawDefault,
                       boolean identity) {
        Parts parts = table(table);
        if (parts == null) {
            return;
        }
        String column = name.toLowerCase(Locale.ROOT);
        if (type == null && dialect.nativeKey() != null) {
            // A type Permafrost does not model: an entity's @NativeType may declare it (compared by name), else drift.
            type = ColumnType.TEXT.withNative(dialect.nativeKey(), reportedType.toLowerCase(Locale.ROOT));
        } else if (type == null) {
            problems.add("column " + table.toLowerCase(Locale.ROOT) + "." + column + " has type " + reportedType
                    + ", which no entity maps to");
            type = ColumnType.TEXT;
        }
        if (identity && type.isInteger()) {
            parts.columns.add(new Column(column, type, false, null, true));
        } else {
            parts.columns.add(new Column(column, type, nullable, expression(rawDefault, false)));
        }
    }

    /**
     * A default or condition as the database reports it, canonicalised (a plain literal default without jOOQ's parser:
     * {@link LiveLiterals}); the raw text if it cannot be.
     */
    public String expression(String raw, boolean condition) {
        if (raw == null || raw.isBlank() || (!condition && raw.trim().equalsIgnoreCase("null"))) {
            return null;
        }
        String live = dialect.liveExpression(raw);
        String literal = condition ? null : LiveLiterals.canonical(live);
        if (literal != null) {
            return literal;
        }
        try {
            return Expressions.canonicalLive(live, dialect.jooq(), condition);
        } catch (InvalidExpressionException e) {
            return raw.trim();
        }
    }

    /** A referential action as catalogues spell it: {@code CASCADE} or PostgreSQL's {@code c}. */
    public static ForeignKey.Action action(String rule) {
        return switch (rule.trim().toUpperCase(Locale.ROOT)) {
            case "CASCADE", "C" -> ForeignKey.Action.CASCADE;
            case "RESTRICT", "R" -> ForeignKey.Action.RESTRICT;
            case "SET NULL", "N" -> ForeignKey.Action.SET_NULL;
            case "SET DEFAULT", "D" -> ForeignKey.Action.SET_DEFAULT;
            default -> ForeignKey.Action.NO_ACTION;
        };
    }

    public static List<String> lower(List<String> names) {
        return names.stream().map(n -> n.toLowerCase(Locale.ROOT)).toList();
    }

    /** One row of a catalogue query. */
    public interface Row {
        void accept(ResultSet rs) throws SQLException;
    }

    public static void query(Connection connection, String sql, Row row) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
            while (rs.next()) {
                row.accept(rs);
            }
        }
    }

    /** A SQL array of names, lower case. */
    public static List<String> strings(Array array) throws SQLException {
        if (array == null) {
            return List.of();
        }
        List<String> values = new ArrayList<>();
        for (Object value : (Object[]) array.getArray()) {
            values.add(String.valueOf(value).toLowerCase(Locale.ROOT));
        }
        return values;
    }

    public static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }
}
