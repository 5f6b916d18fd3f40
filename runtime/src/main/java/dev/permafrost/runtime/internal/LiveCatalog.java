package dev.permafrost.runtime.internal;

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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jooq.SQLDialect;

/**
 * Reads the schema of a PostgreSQL, MariaDB or H2 database from its catalogs into the canonical model:
 * the types each database reports mapped back to logical types, defaults and checks canonicalised from
 * the database's own dialect. What cannot be mapped is reported, never guessed.
 */
final class LiveCatalog {

    private static final Pattern SIZED = Pattern.compile("([a-z ]+?)\\s*\\((\\d+)(?:,\\s*(\\d+))?\\)(.*)");

    private final SQLDialect dialect;
    private final Set<String> ignored;
    private final Map<String, Parts> tables = new TreeMap<>();
    private final List<String> problems = new ArrayList<>();

    private static final class Parts {
        final List<Column> columns = new ArrayList<>();
        PrimaryKey primaryKey;
        final List<Unique> uniques = new ArrayList<>();
        final List<Index> indexes = new ArrayList<>();
        final List<ForeignKey> foreignKeys = new ArrayList<>();
        final List<Check> checks = new ArrayList<>();
    }

    private LiveCatalog(SQLDialect dialect, Set<String> ignored) {
        this.dialect = dialect;
        this.ignored = ignored;
    }

    private Parts table(String name) {
        String table = name.toLowerCase(Locale.ROOT);
        if (table.equals(History.TABLE) || ignored.contains(table)) {
            return null;
        }
        return tables.computeIfAbsent(table, t -> new Parts());
    }

    private LiveSchema.Reading result() {
        List<Table> built = new ArrayList<>();
        tables.forEach((name, parts) -> {
            try {
                built.add(new Table(name, parts.columns, parts.primaryKey, parts.uniques, parts.indexes,
                        parts.foreignKeys, parts.checks));
            } catch (IllegalArgumentException e) {
                problems.add(LiveSchema.unreadable(name, e.getMessage()));
            }
        });
        return new LiveSchema.Reading(new Schema(built), problems);
    }

    private void column(String table, String name, ColumnType type, String reportedType, boolean nullable, String rawDefault) {
        Parts parts = table(table);
        if (parts == null) {
            return;
        }
        String column = name.toLowerCase(Locale.ROOT);
        if (type == null) {
            problems.add("column " + table.toLowerCase(Locale.ROOT) + "." + column + " has type " + reportedType
                    + ", which no entity maps to");
            type = ColumnType.TEXT;
        }
        parts.columns.add(new Column(column, type, nullable, expression(rawDefault, false)));
    }

    /** A default or condition as the database reports it, canonicalised; the raw text if it cannot be. */
    private String expression(String raw, boolean condition) {
        if (raw == null || raw.isBlank() || (!condition && raw.trim().equalsIgnoreCase("null"))) {
            return null;
        }
        try {
            return Expressions.canonicalLive(raw, dialect, condition);
        } catch (InvalidExpressionException e) {
            return raw.trim();
        }
    }

    private static ForeignKey.Action action(String rule) {
        return switch (rule.trim().toUpperCase(Locale.ROOT)) {
            case "CASCADE", "C" -> ForeignKey.Action.CASCADE;
            case "RESTRICT", "R" -> ForeignKey.Action.RESTRICT;
            case "SET NULL", "N" -> ForeignKey.Action.SET_NULL;
            case "SET DEFAULT", "D" -> ForeignKey.Action.SET_DEFAULT;
            default -> ForeignKey.Action.NO_ACTION;
        };
    }

    private static List<String> lower(List<String> names) {
        return names.stream().map(n -> n.toLowerCase(Locale.ROOT)).toList();
    }

    // ---- PostgreSQL ----

    static LiveSchema.Reading postgres(Connection connection, Set<String> ignored) throws SQLException {
        LiveCatalog catalog = new LiveCatalog(SQLDialect.POSTGRES, ignored);
        String schema = " join pg_namespace n on n.oid = c.relnamespace where n.nspname = current_schema()";
        query(connection, "select c.relname, a.attname, format_type(a.atttypid, a.atttypmod), a.attnotnull,"
                + " pg_get_expr(d.adbin, d.adrelid) from pg_attribute a join pg_class c on a.attrelid = c.oid"
                + " left join pg_attrdef d on d.adrelid = a.attrelid and d.adnum = a.attnum" + schema
                + " and c.relkind = 'r' and a.attnum > 0 and not a.attisdropped order by c.relname, a.attnum", rs -> {
                    String type = rs.getString(3);
                    catalog.column(rs.getString(1), rs.getString(2), postgresType(type), type, !rs.getBoolean(4),
                            rs.getString(5));
                });
        String columns = "array(select a.attname from unnest(%s) with ordinality k(attnum, ord)"
                + " join pg_attribute a on a.attrelid = %s and a.attnum = k.attnum order by k.ord)";
        query(connection, "select c.relname, con.conname, con.contype, " + String.format(columns, "con.conkey", "con.conrelid")
                + ", ref.relname, " + String.format(columns, "con.confkey", "con.confrelid")
                + ", con.confdeltype, con.confupdtype, pg_get_constraintdef(con.oid)"
                + " from pg_constraint con join pg_class c on con.conrelid = c.oid left join pg_class ref on ref.oid = con.confrelid"
                + schema + " and con.contype in ('p', 'u', 'f', 'c') order by c.relname, con.conname", rs -> {
                    Parts parts = catalog.table(rs.getString(1));
                    if (parts == null) {
                        return;
                    }
                    String name = rs.getString(2);
                    List<String> own = strings(rs.getArray(4));
                    switch (rs.getString(3)) {
                        case "p" -> parts.primaryKey = new PrimaryKey(name, own);
                        case "u" -> parts.uniques.add(new Unique(name, own));
                        case "f" -> parts.foreignKeys.add(new ForeignKey(name, own, rs.getString(5), strings(rs.getArray(6)),
                                action(rs.getString(7)), action(rs.getString(8))));
                        default -> parts.checks.add(new Check(name, catalog.expression(
                                rs.getString(9).replaceFirst("(?i)^CHECK\\s*", ""), true)));
                    }
                });
        query(connection, "select c.relname, i.relname, x.indisunique, " + String.format(columns, "x.indkey", "x.indrelid")
                + " from pg_index x join pg_class i on i.oid = x.indexrelid join pg_class c on c.oid = x.indrelid" + schema
                + " and not exists (select 1 from pg_constraint k where k.conindid = x.indexrelid and k.contype in ('p', 'u', 'x'))"
                + " and x.indexprs is null order by c.relname, i.relname", rs -> {
                    Parts parts = catalog.table(rs.getString(1));
                    if (parts != null) {
                        parts.indexes.add(new Index(rs.getString(2), strings(rs.getArray(4)), rs.getBoolean(3)));
                    }
                });
        return catalog.result();
    }

    private static ColumnType postgresType(String type) {
        String t = type.toLowerCase(Locale.ROOT);
        Matcher sized = SIZED.matcher(t);
        if (sized.matches() && sized.group(4).isBlank()) {
            int size = Integer.parseInt(sized.group(2));
            return switch (sized.group(1)) {
                case "character varying" -> ColumnType.varchar(size);
                case "numeric" -> ColumnType.decimal(size, sized.group(3) == null ? 0 : Integer.parseInt(sized.group(3)));
                default -> null;
            };
        }
        return switch (t) {
            case "boolean" -> ColumnType.BOOLEAN;
            case "smallint" -> ColumnType.SMALLINT;
            case "integer" -> ColumnType.INTEGER;
            case "bigint" -> ColumnType.BIGINT;
            case "real" -> ColumnType.REAL;
            case "double precision" -> ColumnType.DOUBLE;
            case "text" -> ColumnType.TEXT;
            case "date" -> ColumnType.DATE;
            case "time without time zone" -> ColumnType.TIME;
            case "timestamp without time zone" -> ColumnType.TIMESTAMP;
            case "timestamp with time zone" -> ColumnType.TIMESTAMP_TZ;
            case "uuid" -> ColumnType.UUID;
            case "bytea" -> ColumnType.BLOB;
            default -> null;
        };
    }

    // ---- MariaDB and MySQL ----

    static LiveSchema.Reading mariadb(Connection connection, Set<String> ignored) throws SQLException {
        LiveCatalog catalog = new LiveCatalog(SQLDialect.MARIADB, ignored);
        query(connection, "select table_name, column_name, column_type, is_nullable, column_default"
                + " from information_schema.columns where table_schema = database() order by table_name, ordinal_position",
                rs -> {
                    String type = rs.getString(3);
                    catalog.column(rs.getString(1), rs.getString(2), mariadbType(type), type, rs.getString(4).equals("YES"),
                            rs.getString(5));
                });
        Map<String, Map<String, List<String>>> keyColumns = new TreeMap<>();
        Map<String, String[]> references = new TreeMap<>();
        query(connection, "select table_name, constraint_name, column_name, referenced_table_name, referenced_column_name"
                + " from information_schema.key_column_usage where table_schema = database()"
                + " order by table_name, constraint_name, ordinal_position", rs -> {
                    keyColumns.computeIfAbsent(rs.getString(1), t -> new LinkedHashMap<>())
                            .computeIfAbsent(rs.getString(2), c -> new ArrayList<>()).add(rs.getString(3));
                    String referencedTable = rs.getString(4);
                    if (referencedTable != null) {
                        String key = rs.getString(1) + "." + rs.getString(2);
                        String[] reference = references.computeIfAbsent(key, k -> new String[] {referencedTable, ""});
                        reference[1] = reference[1].isEmpty() ? rs.getString(5) : reference[1] + "," + rs.getString(5);
                    }
                });
        Map<String, String[]> rules = new TreeMap<>();
        query(connection, "select table_name, constraint_name, delete_rule, update_rule"
                + " from information_schema.referential_constraints where constraint_schema = database()",
                rs -> rules.put(rs.getString(1) + "." + rs.getString(2), new String[] {rs.getString(3), rs.getString(4)}));
        Map<String, String> checks = new TreeMap<>();
        query(connection, "select table_name, constraint_name, check_clause from information_schema.check_constraints"
                + " where constraint_schema = database()", rs -> checks.put(rs.getString(1) + "." + rs.getString(2), rs.getString(3)));
        List<String> constraintNames = new ArrayList<>();
        query(connection, "select table_name, constraint_name, constraint_type from information_schema.table_constraints"
                + " where table_schema = database() order by table_name, constraint_name", rs -> {
                    String table = rs.getString(1);
                    String name = rs.getString(2);
                    constraintNames.add(table + "." + name);
                    Parts parts = catalog.table(table);
                    if (parts == null) {
                        return;
                    }
                    List<String> own = lower(keyColumns.getOrDefault(table, Map.of()).getOrDefault(name, List.of()));
                    switch (rs.getString(3)) {
                        case "PRIMARY KEY" -> parts.primaryKey = new PrimaryKey("primary", own);
                        case "UNIQUE" -> parts.uniques.add(new Unique(name, own));
                        case "FOREIGN KEY" -> {
                            String[] reference = references.get(table + "." + name);
                            String[] rule = rules.getOrDefault(table + "." + name, new String[] {"NO ACTION", "NO ACTION"});
                            parts.foreignKeys.add(new ForeignKey(name, own, reference[0].toLowerCase(Locale.ROOT),
                                    lower(List.of(reference[1].split(","))), action(rule[0]), action(rule[1])));
                        }
                        case "CHECK" -> parts.checks.add(new Check(name, catalog.expression(checks.get(table + "." + name), true)));
                        default -> {
                            // Other constraint kinds are not Permafrost's.
                        }
                    }
                });
        Map<String, Map<String, Index>> indexes = new TreeMap<>();
        query(connection, "select table_name, index_name, non_unique, column_name from information_schema.statistics"
                + " where table_schema = database() order by table_name, index_name, seq_in_index", rs -> {
                    String table = rs.getString(1);
                    String name = rs.getString(2);
                    // The primary key, unique constraints and the indexes MariaDB creates for foreign keys are
                    // constraints' own indexes.
                    if (name.equals("PRIMARY") || constraintNames.contains(table + "." + name)) {
                        return;
                    }
                    indexes.computeIfAbsent(table, t -> new LinkedHashMap<>()).merge(name,
                            new Index(name, List.of(rs.getString(4).toLowerCase(Locale.ROOT)), rs.getInt(3) == 0),
                            (a, b) -> a.withColumns(concat(a.columns(), b.columns())));
                });
        indexes.forEach((table, byName) -> {
            Parts parts = catalog.table(table);
            if (parts != null) {
                parts.indexes.addAll(byName.values());
            }
        });
        return catalog.result();
    }

    private static ColumnType mariadbType(String type) {
        String t = type.toLowerCase(Locale.ROOT).replace(" unsigned", "");
        Matcher sized = SIZED.matcher(t);
        String base = sized.matches() ? sized.group(1) : t;
        int size = sized.matches() ? Integer.parseInt(sized.group(2)) : 0;
        return switch (base) {
            case "tinyint" -> size == 1 ? ColumnType.BOOLEAN : null;
            case "smallint" -> ColumnType.SMALLINT;
            case "int" -> ColumnType.INTEGER;
            case "bigint" -> ColumnType.BIGINT;
            case "decimal" -> sized.matches()
                    ? ColumnType.decimal(size, sized.group(3) == null ? 0 : Integer.parseInt(sized.group(3))) : null;
            case "float" -> ColumnType.REAL;
            case "double" -> ColumnType.DOUBLE;
            case "varchar" -> sized.matches() ? ColumnType.varchar(size) : null;
            case "longtext", "mediumtext", "text" -> ColumnType.TEXT;
            case "date" -> ColumnType.DATE;
            case "time" -> ColumnType.TIME;
            case "datetime", "timestamp" -> ColumnType.TIMESTAMP;
            case "uuid" -> ColumnType.UUID;
            case "longblob", "mediumblob", "blob" -> ColumnType.BLOB;
            default -> null;
        };
    }

    // ---- H2 ----

    static LiveSchema.Reading h2(Connection connection, Set<String> ignored) throws SQLException {
        LiveCatalog catalog = new LiveCatalog(SQLDialect.H2, ignored);
        Set<String> tableNames = new java.util.TreeSet<>();
        query(connection, "select table_name, column_name, data_type, character_maximum_length, numeric_precision,"
                + " numeric_scale, is_nullable, column_default from information_schema.columns"
                + " where table_schema = current_schema() order by table_name, ordinal_position", rs -> {
                    tableNames.add(rs.getString(1));
                    String type = rs.getString(3);
                    int length = (int) Math.min(rs.getLong(4), Integer.MAX_VALUE);
                    catalog.column(rs.getString(1), rs.getString(2), h2Type(type, length, rs.getInt(5), rs.getInt(6)),
                            type, rs.getString(7).equals("YES"), rs.getString(8));
                });
        // Key columns come from each constraint's own index and foreign keys from the driver's metadata, not from
        // information_schema.key_column_usage: H2 (2.3, 2.5) keeps a column's old name there after RENAME COLUMN
        // until the table is altered otherwise, and a rename back then reads as a key over a missing column.
        Map<String, List<String>> keyColumns = new TreeMap<>();
        query(connection, "select t.constraint_name, c.column_name from information_schema.table_constraints t"
                + " join information_schema.index_columns c on c.index_name = t.index_name and c.index_schema = t.index_schema"
                + " where t.table_schema = current_schema() and t.constraint_type in ('PRIMARY KEY', 'UNIQUE')"
                + " order by t.constraint_name, c.ordinal_position", rs -> keyColumns
                .computeIfAbsent(rs.getString(1), c -> new ArrayList<>()).add(rs.getString(2)));
        Map<String, String> checks = new TreeMap<>();
        query(connection, "select constraint_name, check_clause from information_schema.check_constraints"
                + " where constraint_schema = current_schema()", rs -> checks.put(rs.getString(1), rs.getString(2)));
        Map<String, String[]> rules = new TreeMap<>();
        query(connection, "select constraint_name, delete_rule, update_rule from information_schema.referential_constraints"
                + " where constraint_schema = current_schema()", rs -> rules.put(rs.getString(1),
                new String[] {rs.getString(2), rs.getString(3)}));
        Map<String, ForeignKey> foreignKeys = new TreeMap<>();
        String schema = connection.getSchema();
        for (String table : tableNames) {
            Map<String, List<String[]>> byName = new LinkedHashMap<>();
            try (ResultSet rs = connection.getMetaData().getImportedKeys(null, schema, table)) {
                while (rs.next()) {
                    byName.computeIfAbsent(rs.getString("FK_NAME"), n -> new ArrayList<>()).add(new String[] {
                        rs.getString("FKCOLUMN_NAME"), rs.getString("PKTABLE_NAME"), rs.getString("PKCOLUMN_NAME"),
                        rs.getString("KEY_SEQ")});
                }
            }
            byName.forEach((name, rows) -> {
                rows.sort(java.util.Comparator.comparingInt(r -> Integer.parseInt(r[3])));
                String[] rule = rules.get(name);
                foreignKeys.put(name, new ForeignKey(name.toLowerCase(Locale.ROOT), lower(rows.stream().map(r -> r[0]).toList()),
                        rows.get(0)[1].toLowerCase(Locale.ROOT), lower(rows.stream().map(r -> r[2]).toList()),
                        action(rule[0]), action(rule[1])));
            });
        }
        query(connection, "select table_name, constraint_name, constraint_type from information_schema.table_constraints"
                + " where table_schema = current_schema() order by table_name, constraint_name", rs -> {
                    Parts parts = catalog.table(rs.getString(1));
                    if (parts == null) {
                        return;
                    }
                    String name = rs.getString(2);
                    List<String> own = lower(keyColumns.getOrDefault(name, List.of()));
                    String lowerName = name.toLowerCase(Locale.ROOT);
                    switch (rs.getString(3)) {
                        case "PRIMARY KEY" -> parts.primaryKey = new PrimaryKey(lowerName, own);
                        case "UNIQUE" -> parts.uniques.add(new Unique(lowerName, own));
                        case "FOREIGN KEY" -> parts.foreignKeys.add(foreignKeys.get(name));
                        case "CHECK" -> parts.checks.add(new Check(lowerName, catalog.expression(checks.get(name), true)));
                        default -> {
                            // Other constraint kinds are not Permafrost's.
                        }
                    }
                });
        Map<String, Map<String, Index>> indexes = new TreeMap<>();
        query(connection, "select i.table_name, i.index_name, i.index_type_name, c.column_name"
                + " from information_schema.indexes i join information_schema.index_columns c on c.index_name = i.index_name"
                + " and c.index_schema = i.index_schema where i.table_schema = current_schema() and i.is_generated = false"
                + " order by i.table_name, i.index_name, c.ordinal_position", rs -> indexes
                .computeIfAbsent(rs.getString(1), t -> new LinkedHashMap<>())
                .merge(rs.getString(2), new Index(rs.getString(2).toLowerCase(Locale.ROOT),
                        List.of(rs.getString(4).toLowerCase(Locale.ROOT)), rs.getString(3).contains("UNIQUE")),
                        (a, b) -> a.withColumns(concat(a.columns(), b.columns()))));
        indexes.forEach((table, byName) -> {
            Parts parts = catalog.table(table);
            if (parts != null) {
                parts.indexes.addAll(byName.values());
            }
        });
        return catalog.result();
    }

    private static ColumnType h2Type(String type, int length, int precision, int scale) {
        return switch (type.toUpperCase(Locale.ROOT)) {
            case "BOOLEAN" -> ColumnType.BOOLEAN;
            case "SMALLINT" -> ColumnType.SMALLINT;
            case "INTEGER" -> ColumnType.INTEGER;
            case "BIGINT" -> ColumnType.BIGINT;
            case "NUMERIC", "DECIMAL" -> ColumnType.decimal(precision, scale);
            case "REAL" -> ColumnType.REAL;
            case "DOUBLE PRECISION" -> ColumnType.DOUBLE;
            case "CHARACTER VARYING" -> ColumnType.varchar(length);
            case "CHARACTER LARGE OBJECT" -> ColumnType.TEXT;
            case "DATE" -> ColumnType.DATE;
            case "TIME" -> ColumnType.TIME;
            case "TIMESTAMP" -> ColumnType.TIMESTAMP;
            case "TIMESTAMP WITH TIME ZONE" -> ColumnType.TIMESTAMP_TZ;
            case "UUID" -> ColumnType.UUID;
            case "BINARY LARGE OBJECT" -> ColumnType.BLOB;
            default -> null;
        };
    }

    // ---- helpers ----

    private interface Row {
        void accept(ResultSet rs) throws SQLException;
    }

    private static void query(Connection connection, String sql, Row row) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
            while (rs.next()) {
                row.accept(rs);
            }
        }
    }

    private static List<String> strings(Array array) throws SQLException {
        if (array == null) {
            return List.of();
        }
        List<String> values = new ArrayList<>();
        for (Object value : (Object[]) array.getArray()) {
            values.add(String.valueOf(value).toLowerCase(Locale.ROOT));
        }
        return values;
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }
}
