package dev.permafrost.runtime.internal;

import dev.permafrost.dialect.MigrationLock;
import dev.permafrost.runtime.ErrorCode;
import dev.permafrost.runtime.MigrationStatus;
import dev.permafrost.runtime.PermafrostException;
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
            throw new PermafrostException(ErrorCode.INVALID_REQUEST, "cannot baseline at V" + String.format("%04d", version)
                    + ": this build knows versions 1 to " + known.size());
        }
        try (Session session = Session.open(config.dataSource())) {
            if (!History.read(session.connection()).isEmpty()) {
                throw new PermafrostException(ErrorCode.INVALID_REQUEST, "cannot baseline " + session.description()
                        + ": it already has migration history; use migrate() or migrateTo()");
            }
            List<String> drift = ValidateCommand.drift(session, new Migrations(index).schemaAt(version), config);
            if (!drift.isEmpty()) {
                throw new PermafrostException(ErrorCode.DRIFT, String.format("cannot baseline %s at V%04d: its schema differs"
                        + " from the schema at V%04d:%n  - %s%nMake the database match (or baseline at the version it"
                        + " matches), then baseline again.", session.description(), version, version,
                        String.join("\n  - ", drift)));
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
            return new Catalog(known, History.read(session.connection())).status(session.description());
        } catch (SQLException e) {
            throw new PermafrostException(ErrorCode.DATABASE, "cannot record the baseline: " + e.getMessage(), e);
        }
    }
}
