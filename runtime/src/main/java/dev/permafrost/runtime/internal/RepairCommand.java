package dev.permafrost.runtime.internal;

import dev.permafrost.message.Message;
import java.lang.System.Logger.Level;
import java.sql.SQLException;

/**
 * Forgets migrations that stopped part way, once someone has put the database back by hand, and records the
 * checksums of migrations applied under the older whole-source scheme in the current one, where their source
 * is unchanged, so that a formatter run over them later does not stop start-up.
 */
public final class RepairCommand {

    private RepairCommand() {
    }

    public static int run(Config config) {
        try (Session session = Session.open(config)) {
            if (!History.exists(session.connection(), session.dialect())) {
                return 0;
            }
            int removed = History.deleteIncomplete(session.connection());
            config.log().log(Level.INFO, "removed {0} incomplete migration row(s) from {1}", removed, History.TABLE);
            int upgraded = History.upgradeChecksums(session.connection(), config.indexOrFind().migrations());
            if (upgraded > 0) {
                config.log().log(Level.INFO, "recorded {0} checksum(s) in the formatting-blind scheme", upgraded);
            }
            return removed;
        } catch (SQLException e) {
            throw Message.HISTORY_UNREADABLE.exception(e, "repair", e.getMessage());
        }
    }
}
