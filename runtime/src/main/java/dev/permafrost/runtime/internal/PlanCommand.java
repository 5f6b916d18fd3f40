package dev.permafrost.runtime.internal;

import dev.permafrost.dialect.SqlRenderer;
import dev.permafrost.dialect.TableRebuilds;
import dev.permafrost.message.Message;
import dev.permafrost.runtime.MigrationPlan;
import dev.permafrost.runtime.spi.MigrationEntry;
import dev.permafrost.runtime.spi.MigrationIndex;
import dev.permafrost.sql.Jooq;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** The SQL that migrating to a version would run on this database, rendered for its dialect, run nowhere. */
public final class PlanCommand {

    private PlanCommand() {
    }

    public static MigrationPlan run(Config config, int target) {
        MigrationIndex index = config.indexOrFind();
        try (Session session = Session.open(config)) {
            List<MigrationEntry> known = index.migrations();
            int to = target == Integer.MAX_VALUE ? known.size() : target;
            if (to < 0 || to > known.size()) {
                throw Message.UNKNOWN_TARGET.exception("plan", to, 0, known.size());
            }
            Catalog catalog = MigrateCommand.consistent(config, index, session, known);
            int from = catalog.currentVersion();
            Jooq.quiet();
            Migrations migrations = new Migrations(index);
            SqlRenderer renderer = new SqlRenderer(session.dialect());
            List<MigrationPlan.Step> steps = new ArrayList<>();
            boolean fromBaseline = Squashed.startsFromBaseline(migrations, catalog, to);
            Squashed.requireReachable(migrations, session.description(), from, to, fromBaseline);
            int reached = from;
            if (fromBaseline) {
                MigrationEntry baseline = migrations.baseline();
                Recorder.Recording up = migrations.baselineUp();
                steps.add(step(new MigrationEntry(baseline.version(), baseline.description(), baseline.checksum(),
                        baseline.className()), true, Planner.plan(renderer, baseline.version(), up.before(), up.steps(),
                        false), session, renderer));
                reached = baseline.version();
            }
            if (to < from) {
                for (int version = from; version > to; version--) {
                    Recorder.Recording down = migrations.down(version);
                    steps.add(step(migrations.entry(version), false, Planner.plan(renderer, version, down.before(), down.steps(),
                            migrations.lockSafe(version, config.lockSafe(), from, session.dialect())),
                            session, renderer));
                }
            } else {
                for (MigrationEntry entry : catalog.pending()) {
                    if (entry.version() > reached && entry.version() <= to) {
                        Recorder.Recording up = migrations.up(entry.version());
                        steps.add(step(entry, true, Planner.plan(renderer, entry.version(), up.before(), up.steps(),
                            migrations.lockSafe(entry.version(), config.lockSafe(), from, session.dialect())), session, renderer));
                    }
                }
            }
            return new MigrationPlan(session.description(), from, to, steps);
        } catch (SQLException e) {
            throw Message.HISTORY_UNREADABLE.exception(e, "read", e.getMessage());
        }
    }

    private static MigrationPlan.Step step(MigrationEntry entry, boolean up, List<Action> actions, Session session,
                                           SqlRenderer renderer) throws SQLException {
        List<String> statements = new ArrayList<>();
        for (Action action : actions) {
            switch (action) {
                case Action.Statements s -> statements.addAll(s.sql());
                case Action.Rebuild r -> {
                    TableRebuilds.Run run = renderer.dialect().rebuilds().prepare(session.connection(), r.rebuild(),
                            renderer, Executor.label(entry));
                    statements.add("-- " + r.what() + ": " + run.notes().get(0));
                    run.notes().subList(1, run.notes().size()).forEach(note -> statements.add("-- " + note));
                    statements.addAll(run.statements());
                }
                case Action.Data d -> statements.add("-- data step: " + d.what());
                case Action.Online o -> {
                    statements.add("-- " + o.what() + ": outside the migration's transaction, each on its own");
                    statements.addAll(o.sql());
                }
            }
        }
        return new MigrationPlan.Step(entry.version(), entry.description(), up, statements);
    }
}
