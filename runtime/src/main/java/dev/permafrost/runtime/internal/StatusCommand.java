package dev.permafrost.runtime.internal;

import dev.permafrost.message.Message;
import dev.permafrost.runtime.MigrationStatus;
import java.sql.SQLException;

/** Reports every known and applied migration without changing anything. */
public final class StatusCommand {

    private StatusCommand() {
    }

    public static MigrationStatus run(Config config) {
        var index = config.indexOrFind();
        try (Session session = Session.open(config)) {
            return new Catalog(index.migrations(), History.read(session.connection(), session.dialect())).status(session.description());
        } catch (SQLException e) {
            throw Message.HISTORY_UNREADABLE.exception(e, "read", e.getMessage());
        }
    }
}
