package dev.permafrost.dialect.h2;

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
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** Reads an H2 schema from information_schema and the driver's metadata. */
final class H2Catalog {

    private H2Catalog() {
    }

    static LiveReading read(Connection connection, Set<String> ignored) throws SQLException {
        CatalogBuilder catalog = new CatalogBuilder(H2Dialect.INSTANCE, ignored);
        Set<String> tableNames = new java.util.TreeSet<>();
        query(connection, "select table_name, column_name, data_type, character_maximum_length, numeric_precision,"
                + " numeric_scale, is_nullable, column_default, is_identity from information_schema.columns"
                + " where table_schema = current_schema() order by table_name, ordinal_position", rs -> {
                    tableNames.add(rs.getString(1));
                    String type = rs.getString(3);
                    int length = (int) Math.min(rs.getLong(4), Integer.MAX_VALUE);
                    catalog.column(rs.getString(1), rs.getString(2), h2Type(type, length, rs.getInt(5), rs.getInt(6)),
                            type, rs.getString(7).equals("YES"), rs.getString(8), "YES".equals(rs.getString(9)));
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
        // An identity column's sequence is not listed here (H2 2.x keeps it out of information_schema.sequences).
        query(connection, "select sequence_name, start_value, increment from information_schema.sequences"
                + " where sequence_schema = current_schema() order by sequence_name",
                rs -> catalog.sequence(rs.getString(1), rs.getLong(2), rs.getLong(3), null, null));
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
            case "JSON" -> ColumnType.JSON;
            default -> null;
        };
    }
}
