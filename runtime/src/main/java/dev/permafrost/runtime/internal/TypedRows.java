package dev.permafrost.runtime.internal;

import dev.permafrost.dialect.SqlRenderer;
import dev.permafrost.model.Column;
import dev.permafrost.model.ColumnType;
import dev.permafrost.model.Table;
import dev.permafrost.sql.Identifiers;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.impl.DSL;

/**
 * Rows in and out of a database with jOOQ, typed by each column's logical type, and values normalised so
 * that the same value compares equal whatever the driver returns for it. For the test kit and Permafrost's
 * own tests, which insert rows of every mapped type and check that migrations keep them.
 */
public final class TypedRows {

    private TypedRows() {
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    public static void insert(DSLContext ctx, SqlRenderer renderer, Table table, Map<String, Object> row) {
        for (String name : row.keySet()) {
            if (table.column(name).isEmpty()) {
                throw new IllegalArgumentException("column " + name + " is not in table " + table.name() + " (its columns: "
                        + String.join(", ", table.columnNames()) + ")");
            }
        }
        List<Field<?>> fields = new ArrayList<>();
        List<Field<?>> values = new ArrayList<>();
        for (Column column : table.columns()) {
            if (!row.containsKey(column.name())) {
                continue;
            }
            org.jooq.DataType type = renderer.type(column.type());
            fields.add(DSL.field(Identifiers.name(column.name()), type));
            values.add(DSL.val(row.get(column.name()), type));
        }
        ctx.insertInto(DSL.table(Identifiers.name(table.name())), fields).values(values).execute();
    }

    /** Every row of {@code table}, each as column name → normalised value, in column order. */
    public static List<Map<String, String>> read(DSLContext ctx, SqlRenderer renderer, Table table) {
        List<Field<?>> fields = new ArrayList<>();
        for (Column column : table.columns()) {
            fields.add(DSL.field(Identifiers.name(column.name()), renderer.type(column.type())));
        }
        List<Map<String, String>> rows = new ArrayList<>();
        for (Record record : ctx.select(fields).from(DSL.table(Identifiers.name(table.name()))).fetch()) {
            Map<String, String> row = new LinkedHashMap<>();
            for (int i = 0; i < fields.size(); i++) {
                Column column = table.columns().get(i);
                row.put(column.name(), normalize(record.get(i), column.type()));
            }
            rows.add(row);
        }
        return rows;
    }

    /** A time as text ({@code 10:00:00}) in {@code LocalTime}'s spelling ({@code 10:00}), when it parses. */
    private static String timeText(String text) {
        try {
            return java.time.LocalTime.parse(text).toString();
        } catch (java.time.format.DateTimeParseException e) {
            return text;
        }
    }

    public static String normalize(Object value, ColumnType type) {
        if (value == null) {
            return null;
        }
        return switch (type.kind()) {
            case BOOLEAN -> Boolean.toString(value instanceof Boolean b ? b.booleanValue()
                    : value instanceof Number n ? n.intValue() != 0 : value.toString().matches("(?i)1|true|t"));
            case SMALLINT, INTEGER, BIGINT, DECIMAL -> new BigDecimal(value.toString()).stripTrailingZeros().toPlainString();
            // By exact binary value: a float read through a double column (after widening) prints other digits.
            case REAL, DOUBLE -> (value instanceof Float || value instanceof Double
                    ? new BigDecimal(((Number) value).doubleValue()) : new BigDecimal(value.toString()))
                    .stripTrailingZeros().toPlainString();
            case DATE -> value instanceof java.sql.Date d ? d.toLocalDate().toString() : value.toString();
            case TIME -> value instanceof java.sql.Time t ? t.toLocalTime().toString()
                    : value instanceof java.time.LocalTime t ? t.toString() : timeText(value.toString());
            case TIMESTAMP -> value instanceof Timestamp t ? t.toLocalDateTime().toString() : value.toString();
            // MariaDB keeps instants as datetime(6) in UTC and returns them as timestamps.
            case TIMESTAMP_TZ -> value instanceof OffsetDateTime o ? o.toInstant().toString()
                    : value instanceof Timestamp t ? t.toLocalDateTime().toInstant(java.time.ZoneOffset.UTC).toString()
                    : value.toString();
            case BLOB -> value instanceof byte[] bytes ? HexFormat.of().formatHex(bytes) : value.toString();
            case JSON -> value.toString();
            default -> value.toString();
        };
    }
}
