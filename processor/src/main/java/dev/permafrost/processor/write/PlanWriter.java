package dev.permafrost.processor.write;

import dev.permafrost.dialect.Dialect;
import dev.permafrost.dialect.Dialects;
import dev.permafrost.dialect.SqlRenderer;
import dev.permafrost.diff.Op;
import dev.permafrost.model.Schema;
import dev.permafrost.processor.Target;
import dev.permafrost.runtime.PermafrostException;
import dev.permafrost.runtime.internal.Action;
import dev.permafrost.runtime.internal.FrozenPlans;
import dev.permafrost.runtime.internal.Planner;
import dev.permafrost.runtime.internal.Step;
import dev.permafrost.snapshot.Plans;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Renders the plans of a stub the processor writes (ADR 0026): for each declared database, direction and form, the
 * statements the runtime's planner gives for the stub's operations, as the runtime would plan them from the same
 * schema. A plan that needs the live database (an SQLite table rebuild), or that the database refuses (a sequence
 * where there are none), is left out: the runtime renders it then.
 */
public final class PlanWriter {

    private PlanWriter() {
    }

    /**
     * The plans file of stub {@code version}.
     *
     * @param stubChecksum the checksum of the stub's code as written ({@code StubChecksum.of})
     * @param before the schema before the migration; {@code after} the schema after it
     */
    public static String write(int version, String stubChecksum, Schema before, Schema after, List<Op> ops,
                               Set<Target> databases) {
        List<Step> up = ops.stream().map(op -> (Step) new Step.Change(op)).toList();
        List<Step> down = Op.inverseOf(ops).stream().map(op -> (Step) new Step.Change(op)).toList();
        Map<Plans.Key, List<Plans.Step>> plans = new LinkedHashMap<>();
        for (Target target : databases.stream().sorted().toList()) {
            Dialect dialect = Dialects.of(target.jooq());
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
        List<String> creates = ops.stream().filter(Op.CreateTable.class::isInstance).map(Op::table).sorted().toList();
        return new Plans(version, stubChecksum, creates, plans).write();
    }

    private static List<Plans.Step> plan(SqlRenderer renderer, int version, Schema before, List<Step> steps,
                                         boolean lockSafe) {
        List<Action> actions;
        try {
            actions = Planner.plan(renderer, version, before, steps, lockSafe);
        } catch (PermafrostException | IllegalArgumentException | IllegalStateException e) {
            return null;
        }
        return FrozenPlans.freeze(actions);
    }
}
