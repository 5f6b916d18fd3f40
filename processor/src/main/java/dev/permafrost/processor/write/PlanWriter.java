package dev.permafrost.processor.write;

import dev.permafrost.dialect.Dialects;
import dev.permafrost.diff.Op;
import dev.permafrost.model.Schema;
import dev.permafrost.processor.Target;
import dev.permafrost.runtime.internal.FrozenPlans;
import dev.permafrost.runtime.internal.Step;
import java.util.List;
import java.util.Set;

/**
 * Renders the plans of a stub the processor writes (ADR 0026): for each declared database, direction and form, the
 * statements the runtime's planner gives for the stub's operations, as the runtime would plan them from the same
 * schema ({@link FrozenPlans#render}).
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
        return FrozenPlans.render(version, stubChecksum, databases.stream().sorted().map(t -> Dialects.of(t.jooq()))
                .toList(), before, up, after, down);
    }
}
