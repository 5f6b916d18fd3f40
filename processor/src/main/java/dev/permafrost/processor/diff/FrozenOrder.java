package dev.permafrost.processor.diff;

import dev.permafrost.model.Column;
import dev.permafrost.model.Names;
import dev.permafrost.model.Schema;
import dev.permafrost.model.Table;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The model's columns in the order a frozen snapshot lists them. A column a migration adds comes last in the database
 * and in every snapshot written after it, wherever its field is; the differ ignores column order, so a model equal to
 * the newest snapshot but for that order is unchanged. Ordered this way, an unchanged model's canonical DDL is the
 * snapshot's byte for byte, and an unchanged build compares the two without parsing the snapshot.
 */
public final class FrozenOrder {

    private static final String CREATE = "create table ";
    private static final String INDENT = "    ";

    private FrozenOrder() {
    }

    /**
     * {@code schema} with each table's columns in the order {@code body} (a snapshot's DDL as {@code SnapshotWriter.body}
     * writes it) creates them; a table whose columns {@code body} does not list exactly, one for one, is left as it is.
     */
    public static Schema of(Schema schema, String body) {
        Map<String, List<String>> created = createdElements(body);
        List<Table> tables = new ArrayList<>(schema.tables().size());
        boolean reordered = false;
        for (Table table : schema.tables()) {
            Table ordered = inOrder(table, created.get(Names.quoted(table.name())));
            reordered |= ordered != table;
            tables.add(ordered);
        }
        return reordered ? new Schema(tables) : schema;
    }

    private static Table inOrder(Table table, List<String> elements) {
        if (elements == null || inOrderByName(table.columns(), elements)) {
            return table;
        }
        Map<String, Column> bySql = new HashMap<>();
        for (Column column : table.columns()) {
            if (bySql.put(column.sql(), column) != null) {
                return table;
            }
        }
        List<Column> ordered = new ArrayList<>(table.columns().size());
        for (String element : elements) {
            Column column = bySql.remove(element);
            if (column != null) {
                ordered.add(column);
            }
        }
        return bySql.isEmpty() && !ordered.equals(table.columns()) ? table.withColumns(ordered) : table;
    }

    /**
     * Whether {@code elements} begin with {@code columns}' names in their order: then the table is left as it is
     * whatever the rest of each line says (it is the order that is taken here, not the definitions), and no column's SQL
     * needs to be made.
     */
    private static boolean inOrderByName(List<Column> columns, List<String> elements) {
        if (elements.size() < columns.size()) {
            return false;
        }
        for (int i = 0; i < columns.size(); i++) {
            String element = elements.get(i);
            String name = columns.get(i).name();
            int at = element.startsWith("\"") ? 1 : 0;
            if (!element.startsWith(name, at) || element.length() <= at + name.length()
                    || element.charAt(at + name.length()) != (at == 1 ? '"' : ' ')) {
                return false;
            }
        }
        return true;
    }

    /** Each {@code create table} of {@code body}, by the table's name as written: its elements, one per line, in order. */
    private static Map<String, List<String>> createdElements(String body) {
        Map<String, List<String>> created = new LinkedHashMap<>();
        List<String> current = null;
        for (String line : body.split("\n", -1)) {
            if (current != null && line.startsWith(INDENT)) {
                String element = line.substring(INDENT.length());
                current.add(element.endsWith(",") ? element.substring(0, element.length() - 1) : element);
            } else if (line.startsWith(CREATE) && line.endsWith(" (")) {
                current = new ArrayList<>();
                created.put(line.substring(CREATE.length(), line.length() - 2), current);
            } else {
                current = null;
            }
        }
        return created;
    }
}
