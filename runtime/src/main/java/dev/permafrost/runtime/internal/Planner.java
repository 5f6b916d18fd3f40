package dev.permafrost.runtime.internal;

import dev.permafrost.dialect.Dialect;
import dev.permafrost.dialect.LockSafe;
import dev.permafrost.message.Message;
import dev.permafrost.snapshot.Snapshot;
import dev.permafrost.dialect.SqlRenderer;
import dev.permafrost.dialect.TableRebuild;
import dev.permafrost.diff.Op;
import dev.permafrost.diff.Replay;
import dev.permafrost.model.Schema;
import dev.permafrost.model.Table;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns a migration's recorded steps into actions for one dialect. Where the database rebuilds tables
 * (SQLite), the first operation on a table that needs a rebuild starts one, and every later foldable
 * operation on the same table (up to a data step, which may depend on the order) joins it: one copy of
 * the rows, however many changes.
 */
public final class Planner {

    private Planner() {
    }

    /**
     * @param version the migration's version, for messages
     * @param lockSafe whether operations on tables that held rows before the migration take the dialect's lock-safe
     *     form ({@link Dialect#lockSafe}); a table the migration creates keeps the plain, transactional form
     * @throws dev.permafrost.runtime.PermafrostException (PF711) for a sequence on a database without sequences,
     *     before anything runs
     */
    public static List<Action> plan(SqlRenderer renderer, int version, Schema before, List<Step> steps,
                                    boolean lockSafe) {
        Dialect dialect = renderer.dialect();
        java.util.Set<String> created = new java.util.HashSet<>();
        List<Schema> states = new ArrayList<>(steps.size() + 1);
        Schema state = before;
        states.add(state);
        for (Step step : steps) {
            if (step instanceof Step.Change change) {
                state = Replay.apply(state, change.op());
            }
            states.add(state);
        }
        List<Action> actions = new ArrayList<>();
        boolean[] done = new boolean[steps.size()];
        for (int i = 0; i < steps.size(); i++) {
            if (done[i]) {
                continue;
            }
            Step step = steps.get(i);
            switch (step) {
                case Step.Sql sql -> actions.add(new Action.Statements("run SQL", List.of(sql.statement())));
                case Step.Code code -> actions.add(new Action.Data(code.description(), code.step()));
                case Step.Change change -> {
                    Op op = change.op();
                    if (!dialect.hasSequences() && SqlRenderer.sequenceOf(op) != null) {
                        throw Message.NO_SEQUENCES.exception(Snapshot.label(version), op.describe(), dialect.displayName());
                    }
                    if (op.newTableName() != null) {
                        created.add(op.newTableName());
                    }
                    if (dialect.rebuildNeeded(op, states.get(i))) {
                        actions.add(rebuild(renderer, steps, states, i, done));
                        continue;
                    }
                    LockSafe safe = lockSafe && before.table(op.table()).isPresent() && !created.contains(op.table())
                            ? dialect.lockSafe(op, states.get(i), renderer) : null;
                    if (safe != null) {
                        lockSafe(op.describe(), safe, actions);
                    } else {
                        actions.add(new Action.Statements(op.describe(), renderer.render(op, states.get(i))));
                    }
                }
            }
        }
        return actions;
    }

    /** Consecutive statements of one kind become one action: in the migration's transaction, or each on its own. */
    private static void lockSafe(String what, LockSafe safe, List<Action> actions) {
        List<LockSafe.Part> run = new ArrayList<>();
        for (LockSafe.Part part : safe.parts()) {
            if (!run.isEmpty() && run.get(0).online() != part.online()) {
                actions.add(action(what, run));
                run.clear();
            }
            run.add(part);
        }
        if (!run.isEmpty()) {
            actions.add(action(what, run));
        }
    }

    private static Action action(String what, List<LockSafe.Part> parts) {
        return parts.get(0).online() ? new Action.Online(what + " without blocking writers", parts)
                : new Action.Statements(what, parts.stream().map(LockSafe.Part::sql).toList());
    }

    private static Action rebuild(SqlRenderer renderer, List<Step> steps, List<Schema> states, int first, boolean[] done) {
        String table = ((Step.Change) steps.get(first)).op().table();
        var rebuilds = renderer.dialect().rebuilds();
        TableRebuild rebuild = rebuilds.start(states.get(first).table(table).orElseThrow());
        List<String> what = new ArrayList<>();
        for (int j = first; j < steps.size(); j++) {
            if (!(steps.get(j) instanceof Step.Change change)) {
                break;
            }
            Op op = change.op();
            if (!touches(op, table)) {
                continue;
            }
            if (!rebuilds.foldable(op)) {
                break;
            }
            Table result = states.get(j + 1).table(table).orElseThrow();
            rebuild = rebuild.fold(op, result);
            what.add(op.describe());
            done[j] = true;
        }
        return new Action.Rebuild("rebuild table " + table + " to " + String.join(", ", what), rebuild,
                rebuild.statements(renderer));
    }

    private static boolean touches(Op op, String table) {
        return op.table().equals(table) || (op instanceof Op.RenameTable rename && rename.newName().equals(table));
    }
}
