package dev.permafrost.runtime.internal;

import dev.permafrost.runtime.ErrorCode;
import dev.permafrost.runtime.PermafrostException;
import java.lang.System.Logger.Level;
import java.sql.SQLException;

/** Forgets migrations that stopped part way, once someone has put the database back by hand. */
public final class RepairCommand {

    private RepairCommand() {
    }

    public static int run(Config config) {
        try (Session session = Session.open(config.dataSource())) {
            if (!History.exists(session.connection())) {
                return 0;
            }
            int removed = History.deleteIncomplete(session.connection());
            config.log().log(Level.INFO, "removed {0} incomplete migration row(s) from {1}", removed, History.TABLE);
            return removed;
        } catch (SQLException e) {
            throw new PermafrostException(ErrorCode.DATABASE, "cannot repair the migration history: " + e.getMessage(), e);
        }
    }
}
