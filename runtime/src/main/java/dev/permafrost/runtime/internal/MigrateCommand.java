package dev.permafrost.runtime.internal;

import dev.permafrost.render.SqlRenderer;
import dev.permafrost.sql.Jooq;
import dev.permafrost.runtime.MigrateResult;
import dev.permafrost.runtime.MigrationInfo;
import dev.permafrost.runtime.MigrationState;
import dev.permafrost.runtime.spi.MigrationEntry;
import dev.permafrost.runtime.spi.MigrationIndex;
import java.lang.System.Logger.Level;
import dev.permafrost.runtime.ErrorCode;
import dev.permafrost.runtime.PermafrostException;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.jooq.impl.DSL;

/**
 * Applies pending migrations in version order, or reverts newer ones, each in its own transaction with
 * its history row. An up-to-date database costs one read of the history table: no migration class is
 * loaded, no SQL is rendered, jOOQ is not touched.
 */
public final class MigrateCommand {

    private static final System.Logger LOG = System.getLogger("dev.permafrost.runtime");

    private MigrateCommand() {
    }

    /** Applies every pending migration. */
    public static MigrateResult run(Config config) {
        return run(config, Integer.MAX_VALUE);
    }

    /**
     * Brings the database to {@code target}: applies pending migrations up to it, or runs the {@code down}
     * of every newer migration, newest first, each in its own transaction that also removes its history row.
     */
    public static MigrateResult run(Config config, int target) {
        long start = System.nanoTime();
        MigrationIndex index = config.index() != null ? config.index() : Indexes.find();
        try (Session session = Session.open(config.dataSource())) {
            List<MigrationEntry> known = index.migrations();
            if (target != Integer.MAX_VALUE && (target < 0 || target > known.size())) {
                throw new PermafrostException(ErrorCode.INVALID_REQUEST, "cannot migrate to V" + String.format("%04d", target)
                        + ": this build knows versions 0 to " + known.size());
            }
            Catalog catalog = new Catalog(known, History.read(session.connection()));
            catalog.requireConsistent(config.allowUnknownMigrations());
            int from = catalog.currentVersion();
            List<MigrationEntry> pending = catalog.pending().stream().filter(e -> e.version() <= target).toList();
            boolean down = target < from;
            if (pending.isEmpty() && !down) {
                LOG.log(Level.INFO, "{0} is up to date at V{1}", session.description(), String.format("%04d", from));
                return new MigrateResult(session.description(), from, from, List.of(), List.of(), millisSince(start));
            }
            if (down && from > known.size()) {
                throw new PermafrostException(ErrorCode.UNKNOWN_MIGRATION, String.format("cannot revert V%04d: this build"
                        + " does not have its down(); run the build that applied it", from));
            }
            Jooq.quiet();
            Migrations migrations = new Migrations(index);
            SqlRenderer renderer = new SqlRenderer(session.dialect());
            if (session.database() != Database.SQLITE) {
                History.create(DSL.using(session.connection(), session.dialect()));
            }
            Executor executor = new Executor(session.connection(), session.database(), session.dialect());
            List<MigrationInfo> done = new ArrayList<>();
            if (down) {
                for (int version = from; version > target; version--) {
                    Recorder.Recording recording = migrations.down(version);
                    run(executor, migrations.entry(version), Executor.Direction.DOWN,
                            Planner.plan(renderer, recording.before(), recording.steps()), done);
                }
                return new MigrateResult(session.description(), from, target, List.of(), done, millisSince(start));
            }
            for (MigrationEntry entry : pending) {
                Recorder.Recording up = migrations.up(entry.version());
                run(executor, entry, Executor.Direction.UP, Planner.plan(renderer, up.before(), up.steps()), done);
            }
            return new MigrateResult(session.description(), from, pending.get(pending.size() - 1).version(), done,
                    List.of(), millisSince(start));
        } catch (SQLException e) {
            throw new PermafrostException(ErrorCode.DATABASE, "cannot read the migration history: " + e.getMessage(), e);
        }
    }

    private static void run(Executor executor, MigrationEntry entry, Executor.Direction direction, List<Action> actions,
                            List<MigrationInfo> done) {
        long millis = executor.run(entry, direction, actions);
        String label = String.format("%04d", entry.version());
        if (millis == Executor.ALREADY_DONE) {
            LOG.log(Level.INFO, "V{0} was {1} meanwhile by another instance", label,
                    direction == Executor.Direction.UP ? "applied" : "reverted");
            return;
        }
        LOG.log(Level.INFO, "{0} V{1} {2} in {3} ms", direction == Executor.Direction.UP ? "applied" : "reverted", label,
                entry.description(), millis);
        done.add(new MigrationInfo(entry.version(), entry.description(),
                direction == Executor.Direction.UP ? MigrationState.APPLIED : MigrationState.PENDING, entry.checksum(),
                direction == Executor.Direction.UP ? entry.checksum() : null,
                direction == Executor.Direction.UP ? Instant.now().truncatedTo(ChronoUnit.MILLIS) : null, millis));
    }

    private static long millisSince(long nanos) {
        return (System.nanoTime() - nanos) / 1_000_000;
    }
}
