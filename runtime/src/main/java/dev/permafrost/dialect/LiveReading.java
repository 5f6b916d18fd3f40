package dev.permafrost.dialect;

import dev.permafrost.model.Schema;
import java.util.List;

/**
 * What a live database holds, read into the canonical model.
 *
 * @param problems what could not be read into the model (a type no entity maps to), for people
 */
public record LiveReading(Schema schema, List<String> problems) {

    public LiveReading {
        problems = List.copyOf(problems);
    }

    /** How a table the model cannot hold is reported, with the way out when another library owns it. */
    public static String unreadable(String table, String reason) {
        return "table " + table + " cannot be read: " + reason + " (if Permafrost does not own it, ignore it with"
                + " ignoreTables(\"" + table + "\"))";
    }
}
