package dev.permafrost.runtime.internal;

import dev.permafrost.dialect.Dialect;
import dev.permafrost.dialect.LiveReading;
import dev.permafrost.message.Message;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.Set;

/**
 * Reads the schema a live database holds into the canonical model through its dialect, leaving out the history
 * table and tables Permafrost was told to ignore. Compare it with an expected schema only after
 * {@link Alignment#align}.
 */
public final class LiveSchema {

    private LiveSchema() {
    }

    public static LiveReading read(Connection connection, Dialect dialect, Set<String> ignoredTables) {
        Set<String> ignored = new HashSet<>(ignoredTables);
        ignored.add(History.TABLE);
        try {
            return dialect.read(connection, ignored);
        } catch (UnsupportedOperationException e) {
            throw Message.LIVE_SCHEMA_UNSUPPORTED.exception(dialect.displayName());
        } catch (SQLException e) {
            throw Message.LIVE_SCHEMA_UNREADABLE.exception(e, e.getMessage());
        }
    }
}
