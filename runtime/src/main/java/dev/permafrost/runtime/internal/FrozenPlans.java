package dev.permafrost.runtime.internal;

import dev.permafrost.dialect.Dialect;
import dev.permafrost.dialect.LockSafe;
import dev.permafrost.dialect.SqlRenderer;
import dev.permafrost.model.Schema;
import dev.permafrost.runtime.PermafrostException;
import dev.permafrost.snapshot.Plans;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Plans as the processor freezes them ({@link Plans}, ADR 0026) and as the runtime runs them: the actions of a plan
 * that needs neither the live database (an SQLite rebuild) nor a data step, and back.
 */
public final class FrozenPlans {

    private FrozenPlans() {
    }

    /**
     * The plans file of migration {@code version} as the processor writes it: for each of {@code dialects}, direction
     * and form (plain, lock-safe), the frozen steps the planner gives. A plan that needs the live database (an SQLite
     * rebuild) or a data step, or that the database refuses (a sequence where there are none), is left out: the runtime
     * renders it then.
     *
     * @param stubChecksum the checksum of the stub's code the plans are for
     * @param before the schema before {@code up}; {@code after} the schema after it, where {@code down} starts
     */
    public static String render(int version, String stubChecksum, List<Dialect> dialects, Schema before, List<Step> up,
                                Schema after, List<Step> down) {
        Map<Plans.Key, List<Plans.Step>> plans = new LinkedHashMap<>();
        for (Dialect dialect : dialects) {
            SqlRenderer renderer = new SqlRenderer(dialect);
            for (boolean isUp : new boolean[] {true, false}) {
                for (boolean lockSafe : new boolean[] {false, true}) {
                    List<Plans.Step> steps = plan(renderer, version, isUp ? before : after, isUp ? up : down, lockSafe);
                    if (steps != null) {
                        plans.put(new Plans.Key(dialect.displayName(), isUp, lockSafe), steps);
                    }
                }
            }
        }
        return new Plans(version, stubChecksum, List.copyOf(Migrations.created(up)), plans).write();
    }

    private static List<Plans.Step> plan(SqlRenderer renderer, int version, Schema before, List<Step> steps,
                                         boolean lockSafe) {
        try {
            return freeze(Planner.plan(renderer, version, before, steps, lockSafe));
        } catch (PermafrostException | IllegalArgumentException | IllegalStateException e) {
            return null;
        }
    }

    /** The steps of {@code actions}, or {@code null} when one of them cannot be frozen. */
    public static List<Plans.Step> freeze(List<Action> actions) {
        List<Plans.Step> steps = new ArrayList<>();
        for (Action action : actions) {
            switch (action) {
                case Action.Statements s -> steps.add(new Plans.Step(s.what(), s.sql()));
                case Action.Online o -> steps.add(new Plans.Step(o.what(), o.sql(), o.statements().stream()
                        .map(p -> new Plans.Part(p.sql(), p.online(), p.index(), p.fallback())).toList()));
                case Action.Rebuild r -> {
                    return null;
                }
                case Action.Data d -> {
                    return null;
                }
            }
        }
        return steps;
    }

    /** The actions of frozen {@code steps}. */
    public static List<Action> thaw(List<Plans.Step> steps) {
        return steps.stream().map(step -> step.parts() == null ? (Action) new Action.Statements(step.what(), step.sql())
                : new Action.Online(step.what(), step.parts().stream()
                        .map(p -> new LockSafe.Part(p.sql(), p.online(), p.index(), p.fallback())).toList())).toList();
    }
}
