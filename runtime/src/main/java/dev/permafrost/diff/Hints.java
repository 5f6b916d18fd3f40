package dev.permafrost.diff;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the differ cannot see by itself: renames ({@code @RenamedFrom}).
 *
 * @param tables new table name → its name in the old schema
 * @param columns new table name → (new column name → its name in the old schema)
 */
public record Hints(Map<String, String> tables, Map<String, Map<String, String>> columns) {

    private static final Hints NONE = new Hints(Map.of(), Map.of());

    public Hints {
        tables = Collections.unmodifiableSortedMap(new TreeMap<>(tables));
        Map<String, Map<String, String>> copy = new TreeMap<>();
        columns.forEach((table, renames) -> copy.put(table, Collections.unmodifiableSortedMap(new TreeMap<>(renames))));
        columns = Collections.unmodifiableMap(copy);
    }

    public static Hints none() {
        return NONE;
    }

    public Map<String, String> columnsOf(String table) {
        return columns.getOrDefault(table, Map.of());
    }
}
