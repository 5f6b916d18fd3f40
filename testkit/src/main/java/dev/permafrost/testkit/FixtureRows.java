package dev.permafrost.testkit;

import dev.permafrost.model.Column;
import dev.permafrost.model.ColumnType;
import dev.permafrost.model.ForeignKey;
import dev.permafrost.model.Schema;
import dev.permafrost.model.Table;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Generated fixture rows: two per table, parents before children, every value derived from the version
 * and row so that keys and unique columns stay distinct across versions, and foreign keys point at rows
 * of the same batch (or are {@code NULL} where they cannot).
 */
final class FixtureRows {

    /**
     * Stands for the value the database gives an identity column ({@code @Identity}): the column is left out of
     * the insert, and a foreign key that points at that row takes the number the database gave it.
     */
    record Assigned(String table, long row) {
    }

    private FixtureRows() {
    }

    static Map<String, List<Map<String, Object>>> generate(int version, Schema schema) {
        Map<String, List<Map<String, Object>>> rows = new LinkedHashMap<>();
        for (Table table : parentsFirst(schema)) {
            List<Map<String, Object>> tableRows = new ArrayList<>();
            for (int r = 0; r < 2; r++) {
                long base = version * 10L + r;
                Map<String, Object> row = new LinkedHashMap<>();
                boolean possible = true;
                for (Column column : table.columns()) {
                    // A native type's values are the database's own; only the user's fixtures can give valid ones.
                    Object value = column.identity() ? new Assigned(table.name(), base)
                            : column.type().natives().isEmpty() ? value(column.type(), base) : null;
                    ForeignKey fk = table.foreignKeys().stream()
                            .filter(f -> f.columns().contains(column.name())).findFirst().orElse(null);
                    if (fk != null) {
                        value = referenced(rows, fk, column.name(), r);
                        if (value == null && !column.nullable()) {
                            possible = false;
                        }
                    }
                    row.put(column.name(), value);
                }
                if (possible) {
                    tableRows.add(row);
                }
            }
            rows.put(table.name(), tableRows);
        }
        return rows;
    }

    private static Object referenced(Map<String, List<Map<String, Object>>> rows, ForeignKey fk, String column, int r) {
        List<Map<String, Object>> parents = rows.getOrDefault(fk.referencedTable(), List.of());
        if (parents.isEmpty()) {
            return null;
        }
        String target = fk.referencedColumns().get(fk.columns().indexOf(column));
        return parents.get(r % parents.size()).get(target);
    }

    static Object value(ColumnType type, long base) {
        return switch (type.kind()) {
            case BOOLEAN -> base % 2 == 0;
            case SMALLINT -> (short) (base % Short.MAX_VALUE);
            case INTEGER -> (int) base;
            case BIGINT -> base;
            case DECIMAL -> {
                BigDecimal limit = BigDecimal.TEN.pow(type.precision() - type.scale());
                BigDecimal value = BigDecimal.valueOf(base).remainder(limit);
                yield type.scale() > 0 ? value.add(new BigDecimal("0.5")).setScale(type.scale()) : value;
            }
            case REAL -> base + 0.5f;
            case DOUBLE -> base + 0.25d;
            case VARCHAR -> {
                String text = "v" + base;
                yield text.length() <= type.length() ? text : text.substring(text.length() - type.length());
            }
            case TEXT -> "text " + base;
            case DATE -> LocalDate.of(2020, 1, 1).plusDays(base);
            case TIME -> LocalTime.of(10, 0).plusSeconds(base);
            case TIMESTAMP -> LocalDateTime.of(2020, 1, 1, 10, 0).plusSeconds(base);
            case TIMESTAMP_TZ -> OffsetDateTime.of(2020, 1, 1, 10, 0, 0, 0, ZoneOffset.UTC).plusSeconds(base);
            case UUID -> UUID.nameUUIDFromBytes(("row " + base).getBytes(StandardCharsets.UTF_8));
            case BLOB -> ("b" + base).getBytes(StandardCharsets.UTF_8);
            case JSON -> "{\"row\": " + base + "}";
        };
    }

    /** Tables that others reference come before them; cycles are broken by name. */
    private static List<Table> parentsFirst(Schema schema) {
        List<Table> order = new ArrayList<>();
        Map<String, Table> remaining = new HashMap<>();
        schema.tables().forEach(t -> remaining.put(t.name(), t));
        while (!remaining.isEmpty()) {
            Table next = schema.tables().stream().filter(t -> remaining.containsKey(t.name()))
                    .filter(t -> t.foreignKeys().stream().noneMatch(fk -> !fk.referencedTable().equals(t.name())
                            && remaining.containsKey(fk.referencedTable())))
                    .findFirst()
                    .orElseGet(() -> schema.tables().stream().filter(t -> remaining.containsKey(t.name())).findFirst().orElseThrow());
            order.add(next);
            remaining.remove(next.name());
        }
        return order;
    }
}
