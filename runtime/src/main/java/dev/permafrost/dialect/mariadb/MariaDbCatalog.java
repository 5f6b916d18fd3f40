package dev.permafrost.dialect.mariadb;

import static dev.permafrost.dialect.CatalogBuilder.SIZED;
import static dev.permafrost.dialect.CatalogBuilder.action;
import static dev.permafrost.dialect.CatalogBuilder.concat;
import static dev.permafrost.dialect.CatalogBuilder.lower;
import static dev.permafrost.dialect.CatalogBuilder.query;

import dev.permafrost.dialect.CatalogBuilder.Parts;
import dev.permafrost.dialect.CatalogBuilder;
import dev.permafrost.dialect.LiveReading;
import dev.permafrost.model.Check;
import dev.permafrost.model.ColumnType;
import dev.permafrost.model.ForeignKey;
import dev.permafrost.model.Index;
import dev.permafrost.model.PrimaryKey;
import dev.permafrost.model.Unique;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;

/** Reads a MariaDB or MySQL schema from information_schema. */
final class MariaDbCatalog {

    private MariaDbCatalog() {
    }

    static LiveReading read(MariaDbDialect dialect, Connection connection, Set<String> ignored) throws SQLException {
        CatalogBuilder catalog = new CatalogBuilder(dialect, ignored);
        Map<String, String> checks = new TreeMap<>();
        query(connection, "select table_name, constraint_name, check_clause from information_schema.check_constraints"
                + " where constraint_schema = database()", rs -> checks.put(rs.getString(1) + "." + rs.getString(2), rs.getString(3)));
        // MariaDB's json is longtext with a check json_valid(`column`) named after the column.
        Set<String> jsonColumns = new java.util.TreeSet<>();
        checks.forEach((key, clause) -> {
            String column = key.substring(key.indexOf('.') + 1);
            if (clause.replace(" ", "").equalsIgnoreCase("json_valid(`" + column + "`)")) {
                jsonColumns.add(key);
            }
        });
        // A sequence is a table here, with columns of its own; it is read as a sequence below.
        List<String> sequences = new ArrayList<>();
        query(connection, "select table_name from information_schema.tables where table_schema = database()"
                + " and table_type = 'SEQUENCE' order by table_name", rs -> sequences.add(rs.getString(1)));
        query(connection, "select table_name, column_name, column_type, is_nullable, column_default, extra"
                + " from information_schema.columns where table_schema = database() and table_name not in"
                + " (select table_name from information_schema.tables where table_schema = database()"
                + " and table_type = 'SEQUENCE') order by table_name, ordinal_position",
                rs -> {
                    String type = rs.getString(3);
                    boolean json = type.equalsIgnoreCase("longtext") && jsonColumns.contains(rs.getString(1) + "." + rs.getString(2));
                    catalog.column(rs.getString(1), rs.getString(2), json ? ColumnType.JSON : mariadbType(type), type,
                            rs.getString(4).equals("YES"), rs.getString(5),
                            rs.getString(6) != null && rs.getString(6).contains("auto_increment"));
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
                        case "CHECK" -> {
                            if (!jsonColumns.contains(table + "." + name)) {
                                parts.checks.add(new Check(name, catalog.expression(checks.get(table + "." + name), true)));
                            }
                        }
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
        for (String sequence : sequences) {
            query(connection, "select start_value, increment from `" + sequence.replace("`", "``") + "`",
                    rs -> catalog.sequence(sequence, rs.getLong(1), rs.getLong(2), null, null));
        }
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
}
