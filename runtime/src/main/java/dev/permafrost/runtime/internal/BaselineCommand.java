package dev.permafrost.runtime.internal;

import dev.permafrost.dialect.MigrationLock;
import dev.permafrost.message.Message;
import dev.permafrost.runtime.MigrationStatus;
import dev.permafrost.runtime.spi.MigrationEntry;
import dev.permafrost.runtime.spi.MigrationIndex;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * Adopts a database that was built without Permafrost: once its live schema is verified to equal the
 * schema at {@code version}, records migrations 1..version as applied, so that migrate() runs only
 * what comes after. Refuses a database that differs, or one with history already.
 */
public final class BaselineCommand {

    private BaselineCommand() {
    }

    public static MigrationStatus run(Config config, int version) {
        MigrationIndex index = config.indexOrFind();
        List<MigrationEntry> known = index.migrations();
        if (version < 1 || version > known.size()) {
            throw Message.UNKNOWN_TARGET.exception("baseline at", version, 1, known.size());
        }
        try (Session session = Session.open(config)) {
            if (!History.read(session.connection(), session.dialect()).isEmpty()) {
                throw Message.ALREADY_HAS_HISTORY.exception(session.description());
            }
            List<String> drift = ValidateCommand.drift(session, new Migrations(index).schemaAt(version), config);
            if (!drift.isEmpty()) {
                throw Message.BASELINE_DRIFT.exception(session.description(), version, version,
                        String.join("\n  - ", drift));
            }
            try (MigrationLock lock = session.lock(config.lockTimeout())) {
                History.create(session.connection(), session.dialect().jooq());
                session.connection().setAutoCommit(!session.dialect().transactionalDdl());
                Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
                for (MigrationEntry entry : known.subList(0, version)) {
                    History.insert(session.connection(), new AppliedMigration(entry.version(), entry.description(),
                            entry.checksum(), now, 0, AppliedMigration.State.APPLIED, 0));
                }
                if (!session.connection().getAutoCommit()) {
                    session.connection().commit();
                    session.connection().setAutoCommit(true);
                }
            }
            return new Catalog(known, History.read(session.connection(), session.dialect())).status(session.description());
        } catch (SQLException e) {
            throw Message.HISTORY_UNREADABLE.exception(e, "record the baseline in", e.getMessage());
        }
    }
}
