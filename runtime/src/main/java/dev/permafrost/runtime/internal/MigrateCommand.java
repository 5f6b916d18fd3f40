package dev.permafrost.runtime.internal;

import dev.permafrost.dialect.MigrationLock;
import dev.permafrost.dialect.SqlRenderer;
import dev.permafrost.dialect.sqlite.SqliteNewFile;
import dev.permafrost.message.Message;
import dev.permafrost.runtime.MigrateResult;
import dev.permafrost.runtime.MigrationInfo;
import dev.permafrost.runtime.MigrationState;
import dev.permafrost.runtime.spi.MigrationEntry;
import dev.permafrost.runtime.spi.MigrationIndex;
import dev.permafrost.sql.Jooq;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * Applies pending migrations in version order, or reverts newer ones, each in its own transaction with
 * its history row. An up-to-date database costs one read of three columns of the history table: no lock
 * is taken, no migration class is loaded, no SQL is rendered, jOOQ is not touched. Otherwise the history is read
 * again under the migration lock, so concurrent instances apply each migration exactly once.
 */
public final class MigrateCommand {

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
        return run(config, target, version -> { });
    }

    /**
     * {@link #run(Config, int)}, telling {@code found} the version the database is at once it is read (before anything is
     * applied; again under the lock), so that a caller knows it even when a migration then fails.
     */
    public static MigrateResult run(Config config, int target, java.util.function.IntConsumer found) {
        SqliteNewFile building = target > 0 && config.schema() == null
                && config.dataSource() instanceof DriverManagerDataSource plain ? SqliteNewFile.beside(plain.url()) : null;
        if (building == null) {
            return inPlace(config, target, found);
        }
        if (!building.isNew()) {
            if (building.discardLeftover()) {
                config.log().log(Level.INFO, "deleted {0}: left beside the database by a process stopped while moving it"
                        + " into place", building.building());
            }
            return inPlace(config, target, found);
        }
        if (building.reserve()) {
            return builtBeside(config, target, found, building);
        }
        config.log().log(Level.INFO, "{0} exists: another process is building {1}, or one stopped while building it;"
                + " migrating {1} in place", building.building(), building.file());
        try {
            return inPlace(config, target, found);
        } finally {
            // The database has its name now (or whoever builds it finds its file gone and migrates in place too):
            // that file can never be moved there, it is litter.
            building.discard();
        }
    }

    /**
     * Migrates a new SQLite file beside its place and moves it there (ADR 0029). When a migration fails, what committed
     * before it is moved into place as it would have stayed there; when something made the file meanwhile, the
     * database is migrated in place as usual.
     */
    private static MigrateResult builtBeside(Config config, int target, java.util.function.IntConsumer found,
                                             SqliteNewFile building) {
        DriverManagerDataSource plain = (DriverManagerDataSource) config.dataSource();
        MigrateResult result;
        try {
            result = inPlace(config.on(plain.standingFor(building.buildingUrl())), target, found);
        } catch (RuntimeException failed) {
            try {
                building.keepWhatCommitted();
            } catch (IOException e) {
                failed.addSuppressed(e);
            }
            throw failed;
        }
        try {
            if (building.publish()) {
                return result;
            }
        } catch (IOException e) {
            throw Message.NEW_FILE_NOT_WRITTEN.exception(e, building.file(), e.getMessage());
        }
        config.log().log(Level.INFO, "{0} was made by someone else while Permafrost built it; migrating it in place",
                building.file());
        return inPlace(config, target, found);
    }

    @SuppressWarnings("try") // the lock is held for the scope of its try block
    private static MigrateResult inPlace(Config config, int target, java.util.function.IntConsumer found) {
        long start = System.nanoTime();
        MigrationIndex index = config.indexOrFind();
        try (Session session = Session.open(config)) {
            List<MigrationEntry> known = index.migrations();
            if (target != Integer.MAX_VALUE && (target < 0 || target > known.size())) {
                throw Message.UNKNOWN_TARGET.exception("migrate to", target, 0, known.size());
            }
            if (target >= known.size() && !known.isEmpty()
                    && History.holdsExactly(session.connection(), session.dialect(), known)) {
                found.accept(known.size());
                return upToDate(config.log(), session, known.size(), start);
            }
            Catalog catalog = consistent(config, index, session, known);
            int from = catalog.currentVersion();
            found.accept(from);
            if (nothingToDo(catalog, from, target)) {
                return upToDate(config.log(), session, from, start);
            }
            Jooq.quiet();
            Migrations migrations = Migrations.shared(index);
            // Made on first use: a migration whose plan the processor rendered needs no renderer, and no jOOQ.
            Renderer renderer = new Renderer(session.dialect());
            try (MigrationLock lock = session.lock(config.lockTimeout())) {
                if (!session.dialect().transactionIsTheLock()) {
                    History.create(session.connection(), session.dialect());
                    catalog = consistent(config, index, session, known);
                    from = catalog.currentVersion();
                    found.accept(from);
                }
                Executor executor = config.executor(session);
                List<MigrationInfo> done = new ArrayList<>();
                boolean fromBaseline = Squashed.startsFromBaseline(migrations, catalog, target);
                Squashed.requireReachable(migrations, session.description(), from, target, fromBaseline);
                if (target < from) {
                    if (from > known.size()) {
                        throw Message.CANNOT_REVERT_UNKNOWN.exception(from);
                    }
                    for (int version = from; version > target; version--) {
                        int v = version;
                        boolean lockSafe = migrations.lockSafe(version, config.lockSafe(), from, session.dialect());
                        List<Action> actions = migrations.plan(session.dialect(), false, version, lockSafe, () -> {
                            Recorder.Recording recording = migrations.down(v);
                            return Planner.plan(renderer.get(), v, recording.before(), recording.steps(), lockSafe);
                        });
                        run(config.log(), executor, migrations.entry(version), Executor.Direction.DOWN, actions, done);
                    }
                    return new MigrateResult(session.description(), from, target, List.of(), done, millisSince(start));
                }
                AppliedMigration stopped = catalog.incomplete();
                if (stopped != null && stopped.state() == AppliedMigration.State.REVERTING) {
                    throw Message.REVERT_UNFINISHED.exception(Executor.label(migrations.entry(stopped.version())),
                            stopped.description(), stopped.statements(), stopped.version() - 1);
                }
                int to = from;
                if (fromBaseline) {
                    to = baseline(config.log(), executor, migrations, session, renderer, done);
                } else if (from == 0 && !catalog.pending().isEmpty() && catalog.pending().get(0).version() == 1) {
                    Adoption.requireFreshFor(session, migrations.createdBy(1));
                }
                List<Executor.Planned> planned = new ArrayList<>();
                for (MigrationEntry entry : catalog.pending()) {
                    if (entry.version() <= to) {
                        continue;
                    }
                    if (entry.version() > target) {
                        break;
                    }
                    int v = entry.version();
                    boolean lockSafe = migrations.lockSafe(v, config.lockSafe(), from, session.dialect());
                    planned.add(new Executor.Planned(entry, migrations.plan(session.dialect(), true, v, lockSafe, () -> {
                        Recorder.Recording up = migrations.up(v);
                        return Planner.plan(renderer.get(), v, up.before(), up.steps(), lockSafe);
                    })));
                }
                if (groups(config, session, planned, catalog)) {
                    to = group(config.log(), executor, planned, done);
                } else {
                    for (Executor.Planned p : planned) {
                        run(config.log(), executor, p.entry(), Executor.Direction.UP, p.actions(), done);
                        to = p.entry().version();
                    }
                }
                return new MigrateResult(session.description(), from, to, done, List.of(), millisSince(start));
            }
        } catch (SQLException e) {
            throw Message.HISTORY_UNREADABLE.exception(e, "read", e.getMessage());
        }
    }

    /**
     * Builds a fresh database from the squashed baseline, recording every migration it replaces as applied (ADR 0025);
     * returns the version it reached.
     */
    private static int baseline(System.Logger log, Executor executor, Migrations migrations, Session session,
                                Renderer renderer, List<MigrationInfo> done) throws SQLException {
        MigrationEntry baseline = migrations.baseline();
        Adoption.requireFreshFor(session, migrations.createdByBaseline());
        List<Action> actions = migrations.plan(session.dialect(), true, 0, false, () -> {
            Recorder.Recording up = migrations.baselineUp();
            return Planner.plan(renderer.get(), baseline.version(), up.before(), up.steps(), false);
        });
        List<MigrationEntry> replaced = migrations.entries().subList(0, baseline.version());
        long millis = executor.runBaseline(replaced, actions);
        if (millis == Executor.ALREADY_DONE) {
            log.log(Level.INFO, "the squashed baseline {0} was applied meanwhile by another instance", baseline.className());
            return baseline.version();
        }
        log.log(Level.INFO, "applied V0001 to V{0} as the squashed baseline {1} in {2} ms",
                String.format("%04d", baseline.version()), baseline.className(), millis);
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        for (MigrationEntry entry : replaced) {
            done.add(new MigrationInfo(entry.version(), entry.description(), MigrationState.APPLIED, entry.checksum(),
                    entry.checksum(), now, entry.version() == baseline.version() ? millis : 0));
        }
        return baseline.version();
    }

    /**
     * Whether {@code planned} run as one group ({@link dev.permafrost.runtime.Migrator.Builder#groupPending}): asked for,
     * more than one, DDL transactional, no step outside the transaction, and nothing stopped part way to continue.
     */
    private static boolean groups(Config config, Session session, List<Executor.Planned> planned, Catalog catalog) {
        return config.groupPending() && planned.size() > 1 && session.dialect().transactionalDdl()
                && catalog.incomplete() == null && planned.stream().flatMap(p -> p.actions().stream())
                        .noneMatch(Action.Online.class::isInstance);
    }

    /** Applies {@code planned} in one transaction; returns the version reached. */
    private static int group(System.Logger log, Executor executor, List<Executor.Planned> planned,
                             List<MigrationInfo> done) {
        List<Long> millis = executor.runGroup(planned);
        if (millis == null) {
            // Another instance applied the first meanwhile: each of the others is looked at on its own.
            for (Executor.Planned p : planned) {
                run(log, executor, p.entry(), Executor.Direction.UP, p.actions(), done);
            }
            return planned.get(planned.size() - 1).entry().version();
        }
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        for (int i = 0; i < planned.size(); i++) {
            MigrationEntry entry = planned.get(i).entry();
            log.log(Level.INFO, "applied V{0} {1} in {2} ms (one transaction with the other pending migrations)",
                    String.format("%04d", entry.version()), entry.description(), millis.get(i));
            done.add(new MigrationInfo(entry.version(), entry.description(), MigrationState.APPLIED, entry.checksum(),
                    entry.checksum(), now, millis.get(i)));
        }
        return planned.get(planned.size() - 1).entry().version();
    }

    /** The dialect's renderer, made the first time a plan is rendered here. */
    private static final class Renderer {
        private final dev.permafrost.dialect.Dialect dialect;
        private SqlRenderer renderer;

        Renderer(dev.permafrost.dialect.Dialect dialect) {
            this.dialect = dialect;
        }

        SqlRenderer get() {
            if (renderer == null) {
                renderer = new SqlRenderer(dialect);
            }
            return renderer;
        }
    }

    private static MigrateResult upToDate(System.Logger log, Session session, int version, long start) {
        if (log.isLoggable(Level.INFO)) {
            log.log(Level.INFO, "{0} is up to date at V{1}", session.description(), String.format("%04d", version));
        }
        return new MigrateResult(session.description(), version, version, List.of(), List.of(), millisSince(start));
    }

    private static boolean nothingToDo(Catalog catalog, int from, int target) {
        return target >= from && catalog.pending().stream().noneMatch(e -> e.version() <= target);
    }

    /** The catalog, refused if a migration stopped part way (with what ran) or anything else is inconsistent. */
    static Catalog consistent(Config config, MigrationIndex index, Session session, List<MigrationEntry> known)
            throws SQLException {
        Catalog catalog = new Catalog(known, History.read(session.connection(), session.dialect()));
        AppliedMigration incomplete = catalog.incomplete();
        boolean resuming = incomplete != null && catalog.resumable(incomplete, session.dialect().transactionalDdl());
        if (incomplete != null && incomplete.version() <= known.size() && !resuming) {
            throw Incomplete.refusal(incomplete, new Migrations(index), session, config.lockSafe());
        }
        catalog.requireConsistent(config.allowUnknownMigrations(), resuming);
        return catalog;
    }

    private static void run(System.Logger log, Executor executor, MigrationEntry entry, Executor.Direction direction, List<Action> actions,
                            List<MigrationInfo> done) {
        long millis = executor.run(entry, direction, actions);
        String label = String.format("%04d", entry.version());
        boolean up = direction == Executor.Direction.UP;
        if (millis == Executor.ALREADY_DONE) {
            log.log(Level.INFO, "V{0} was {1} meanwhile by another instance", label, up ? "applied" : "reverted");
            return;
        }
        log.log(Level.INFO, "{0} V{1} {2} in {3} ms", up ? "applied" : "reverted", label, entry.description(), millis);
        done.add(new MigrationInfo(entry.version(), entry.description(), up ? MigrationState.APPLIED : MigrationState.PENDING,
                entry.checksum(), up ? entry.checksum() : null, up ? Instant.now().truncatedTo(ChronoUnit.MILLIS) : null,
                millis));
    }

    private static long millisSince(long nanos) {
        return (System.nanoTime() - nanos) / 1_000_000;
    }
}
