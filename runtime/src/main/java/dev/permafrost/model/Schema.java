package dev.permafrost.model;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * A whole schema: its tables, sorted by name (with the sequences their columns take values from). The one
 * model shared by processor, runtime and test kit.
 */
public record Schema(List<Table> tables) {

    private static final Schema EMPTY = new Schema(List.of());

    public Schema {
        List<Table> copy = new ArrayList<>(tables);
        copy.sort(Comparator.comparing(Table::name));
        for (int i = 1; i < copy.size(); i++) {
            if (copy.get(i).name().equals(copy.get(i - 1).name())) {
                throw new IllegalArgumentException("schema has two tables named " + copy.get(i).name());
            }
        }
        java.util.Map<String, String> sequences = new java.util.HashMap<>();
        java.util.Set<String> tableNames = new java.util.HashSet<>();
        copy.forEach(t -> tableNames.add(t.name()));
        for (Table table : copy) {
            for (Column column : table.columns()) {
                if (column.sequence() == null) {
                    continue;
                }
                String name = column.sequence().name();
                String owner = table.name() + "." + column.name();
                String other = sequences.put(name, owner);
                if (other != null) {
                    throw new IllegalArgumentException("sequence " + name + " is used by both " + other + " and " + owner
                            + "; each column needs a sequence of its own");
                }
                if (tableNames.contains(name)) {
                    throw new IllegalArgumentException("sequence " + name + " of " + owner + " has the name of a table");
                }
            }
        }
        tables = List.copyOf(copy);
    }

    public static Schema empty() {
        return EMPTY;
    }

    public Optional<Table> table(String name) {
        int low = 0;
        int high = tables.size() - 1;
        while (low <= high) {
            int mid = (low + high) >>> 1;
            int cmp = tables.get(mid).name().compareTo(name);
            if (cmp == 0) {
                return Optional.of(tables.get(mid));
            } else if (cmp < 0) {
                low = mid + 1;
            } else {
                high = mid - 1;
            }
        }
        return Optional.empty();
    }

    public boolean hasTable(String name) {
        return table(name).isPresent();
    }

    public boolean isEmpty() {
        return tables.isEmpty();
    }

    /** This schema with {@code table} added, or replacing the table of the same name. */
    public Schema with(Table table) {
        List<Table> copy = new ArrayList<>(tables.size() + 1);
        for (Table existing : tables) {
            if (!existing.name().equals(table.name())) {
                copy.add(existing);
            }
        }
        copy.add(table);
        return new Schema(copy);
    }

    public Schema without(String tableName) {
        return new Schema(tables.stream().filter(t -> !t.name().equals(tableName)).toList());
    }

    /** This schema with every table replaced by {@code change} applied to it. */
    public Schema mapTables(UnaryOperator<Table> change) {
        return new Schema(tables.stream().map(change).toList());
    }
}
