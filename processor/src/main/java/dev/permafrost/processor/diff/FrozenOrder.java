package dev.permafrost.processor.diff;

import dev.permafrost.model.Column;
import dev.permafrost.model.Names;
import dev.permafrost.model.Schema;
import dev.permafrost.model.Table;
import dev.permafrost.snapshot.SnapshotWriter;
import java.util.ArrayList;
import java.util.HashMap;
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
     * {@code schema} with each table's columns in the order {@code body} (a snapshot's DDL as {@link SnapshotWriter#body}
     * writes it) creates them, when its DDL is then {@code body} byte for byte; {@code null} when it is not (the model
     * differs from the snapshot). Table by table, as the body lists them: the first that differs ends the comparison,
     * and neither the body is split nor the model's whole DDL made.
     */
    public static Schema matching(Schema schema, String body) {
        List<Table> tables = schema.tables();
        List<Table> ordered = null;
        int at = 0;
        for (int i = 0; i < tables.size(); i++) {
            Table table = tables.get(i);
            String ddl = SnapshotWriter.table(table);
            if (!body.startsWith(ddl, at)) {
                Table inOrder = inOrder(table, createdElements(body, at, table));
                if (inOrder == table) {
                    return null;
                }
                ddl = SnapshotWriter.table(inOrder);
                if (!body.startsWith(ddl, at)) {
                    return null;
                }
                if (ordered == null) {
                    ordered = new ArrayList<>(tables);
                }
                ordered.set(i, inOrder);
            }
            at += ddl.length();
        }
        if (at != body.length()) {
            return null;
        }
        return ordered == null ? schema : new Schema(ordered);
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

    /**
     * The elements, one per line and in order, of the {@code create table} of {@code table} that starts {@code body} at
     * {@code at} (after its newline), or {@code null} when the body has another statement or table there.
     */
    private static List<String> createdElements(String body, int at, Table table) {
        String header = "\n" + CREATE + Names.quoted(table.name()) + " (\n";
        if (!body.startsWith(header, at)) {
            return null;
        }
        List<String> elements = new ArrayList<>();
        int line = at + header.length();
        while (body.startsWith(INDENT, line)) {
            int end = body.indexOf('\n', line);
            if (end < 0) {
                return null;
            }
            String element = body.substring(line + INDENT.length(), end);
            elements.add(element.endsWith(",") ? element.substring(0, element.length() - 1) : element);
            line = end + 1;
        }
        return elements;
    }
}
