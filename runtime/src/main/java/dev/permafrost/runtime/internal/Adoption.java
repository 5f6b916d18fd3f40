package dev.permafrost.runtime.internal;

import dev.permafrost.message.Message;
import java.sql.SQLException;
import java.util.Set;
import java.util.TreeSet;

/**
 * The refusal to run the baseline on a database that already has its tables but no history: its history
 * table was dropped by hand, or it was built without Permafrost. Running V0001 there would fail half way
 * (and on a database that commits DDL at once, leave work to undo); {@code baseline(n)} is the way in.
 */
final class Adoption {

    private Adoption() {
    }

    /** Refuses when tables that {@code baseline} creates exist already; {@code baseline} is V0001's recording. */
    static void requireFreshFor(Session session, Recorder.Recording baseline) throws SQLException {
        requireFreshFor(session, Migrations.created(baseline));
    }

    /** Refuses when any of the tables the first migration to run creates exists already. */
    static void requireFreshFor(Session session, Set<String> created) throws SQLException {
        created = new TreeSet<>(created);
        if (created.isEmpty()) {
            return;
        }
        created = session.dialect().existingTables(session.connection(), created);
        // Read after the tables: another instance's baseline commits its tables with its history row (or, without
        // transactional DDL, writes the row first), so tables seen here with a history row mean it got there first.
        if (created.isEmpty() || !History.read(session.connection(), session.dialect()).isEmpty()) {
            return;
        }
        throw Message.TABLES_WITHOUT_HISTORY.exception(History.TABLE, created.size() == 1 ? "table" : "tables",
                String.join(", ", created));
    }
}
