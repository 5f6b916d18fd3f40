package dev.permafrost.runtime.internal;

import dev.permafrost.runtime.ErrorCode;
import dev.permafrost.runtime.MigrationStatus;
import dev.permafrost.runtime.PermafrostException;
import java.sql.SQLException;

/** Reports every known and applied migration without changing anything. */
public final class StatusCommand {

    private StatusCommand() {
    }

    public static MigrationStatus run(Config config) {
        var index = config.indexOrFind();
        try (Session session = Session.open(config.dataSource())) {
            return new Catalog(index.migrations(), History.read(session.connection())).status(session.description());
        } catch (SQLException e) {
            throw new PermafrostException(ErrorCode.DATABASE, "cannot read the migration history: " + e.getMessage(), e);
        }
    }
}
