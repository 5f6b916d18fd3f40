package dev.permafrost.dialect;

import dev.permafrost.model.Column;
import dev.permafrost.model.Schema;
import dev.permafrost.model.Sequence;
import dev.permafrost.model.Table;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What a live database holds, read into the canonical model.
 *
 * @param schema the tables, their columns without sequences
 * @param sequences the sequences, apart from those behind identity columns
 * @param problems what could not be read into the model (a type no entity maps to), for people
 */
public record LiveReading(Schema schema, List<LiveSequence> sequences, List<String> problems) {

    /**
     * A sequence in the database.
     *
     * @param table the table of the column that owns it ({@code owned by} on PostgreSQL), or {@code null}
     */
    public record LiveSequence(Sequence sequence, String table, String column) {
    }

    public LiveReading {
        sequences = List.copyOf(sequences);
        problems = List.copyOf(problems);
    }

    /** A reading of a database without sequences. */
    public LiveReading(Schema schema, List<String> problems) {
        this(schema, List.of(), problems);
    }

    /**
     * The live schema with each sequence on its column: the one that owns it, else the one {@code expected}
     * gives a sequence of that name (H2 and MariaDB do not tie sequences to columns).
     */
    public Schema schema(Schema expected) {
        Map<String, String[]> expectedOwners = owners(expected);
        Schema result = schema;
        for (LiveSequence live : sequences) {
            String[] owner = live.table() != null ? new String[] {live.table(), live.column()}
                    : expectedOwners.get(live.sequence().name());
            if (owner == null) {
                continue;
            }
            Table table = result.table(owner[0]).orElse(null);
            Column column = table == null ? null : table.column(owner[1]).orElse(null);
            if (column == null || column.sequence() != null || !column.type().isInteger() || column.identity()
                    || column.hasDefault()) {
                continue;
            }
            result = result.with(table.mapColumns(c -> c == column ? c.withSequence(live.sequence()) : c));
        }
        return result;
    }

    /** The sequences no column of {@code attached} (what {@link #schema(Schema)} gave) takes values from, for people. */
    public List<String> strays(Schema attached) {
        Map<String, String[]> used = owners(attached);
        List<String> strays = new ArrayList<>();
        for (LiveSequence live : sequences) {
            if (!used.containsKey(live.sequence().name())) {
                strays.add(live.sequence() + " is in the database but no column of the schema takes values from it");
            }
        }
        return strays;
    }

    private static Map<String, String[]> owners(Schema schema) {
        Map<String, String[]> owners = new HashMap<>();
        for (Table table : schema.tables()) {
            for (Column column : table.columns()) {
                if (column.sequence() != null) {
                    owners.put(column.sequence().name(), new String[] {table.name(), column.name()});
                }
            }
        }
        return owners;
    }

    /** How a table the model cannot hold is reported, with the way out when another library owns it. */
    public static String unreadable(String table, String reason) {
        return "table " + table + " cannot be read: " + reason + " (if Permafrost does not own it, ignore it with"
                + " ignoreTables(\"" + table + "\"))";
    }
}
