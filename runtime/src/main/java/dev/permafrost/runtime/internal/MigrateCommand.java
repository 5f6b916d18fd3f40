package dev.permafrost.runtime.internal;

import dev.permafrost.render.SqlRenderer;
import dev.permafrost.sql.Jooq;
import dev.permafrost.runtime.MigrateResult;
import dev.permafrost.runtime.MigrationInfo;
import dev.permafrost.runtime.MigrationState;
import dev.permafrost.runtime.spi.MigrationEntry;
import dev.permafrost.runtime.spi.MigrationIndex;
import java.lang.System.Logger.Level;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.jooq.impl.DSL;

/**
 * Applies pending migrations in version order, each in its own transaction with its history row. An
 * up-to-date database costs one read of the history table: no migration class is loaded, no SQL is
 * rendered, jOOQ is not touched.
 */
public final class MigrateCommand {

    private static final System.Logger LOG = System.getLogger("dev.permafrost.runtime");

    private MigrateCommand() {
    }

    public static MigrateResult run(Config config) {
        long start = System.nanoTime();
        MigrationIndex index = config.index() != null ? config.index() : Indexes.find();
        try (Session session = Session.open(config.dataSource())) {
            Catalog catalog = new Catalog(index.migrations(), History.read(session.connection()));
            catalog.requireConsistent(config.allowUnknownMigrations());
            int from = catalog.currentVersion();
            List<MigrationEntry> pending = catalog.pending();
            if (pending.isEmpty()) {
                LOG.log(Level.INFO, "{0} is up to date at V{1}", session.description(), String.format("%04d", from));
                return new MigrateResult(session.description(), from, from, List.of(), millisSince(start));
            }
            Jooq.quiet();
            Migrations migrations = new Migrations(index);
            SqlRenderer renderer = new SqlRenderer(session.dialect());
            if (session.database() != Database.SQLITE) {
                History.create(DSL.using(session.connection(), session.dialect()));
            }
            Executor executor = new Executor(session.connection(), session.database(), session.dialect());
            List<MigrationInfo> applied = new ArrayList<>();
            int to = from;
            for (MigrationEntry entry : pending) {
                Recorder.Recording up = migrations.up(entry.version());
                List<Action> actions = Planner.plan(renderer, up.before(), up.steps());
                long millis = executor.run(entry, Executor.Direction.UP, actions);
                to = entry.version();
                if (millis != Executor.ALREADY_DONE) {
                    LOG.log(Level.INFO, "applied V{0} {1} in {2} ms", String.format("%04d", entry.version()),
                            entry.description(), millis);
                    applied.add(new MigrationInfo(entry.version(), entry.description(), MigrationState.APPLIED,
                            entry.checksum(), entry.checksum(), java.time.Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MILLIS),
                            millis));
                } else {
                    LOG.log(Level.INFO, "V{0} was applied meanwhile by another instance",
                            String.format("%04d", entry.version()));
                }
            }
            return new MigrateResult(session.description(), from, to, applied, millisSince(start));
        } catch (SQLException e) {
            throw new dev.permafrost.runtime.PermafrostException(dev.permafrost.runtime.ErrorCode.DATABASE,
                    "cannot read the migration history: " + e.getMessage(), e);
        }
    }

    private static long millisSince(long nanos) {
        return (System.nanoTime() - nanos) / 1_000_000;
    }
}
