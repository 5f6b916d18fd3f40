package dev.permafrost.runtime.internal;

import dev.permafrost.dialect.LockSafe;
import dev.permafrost.snapshot.Plans;
import java.util.ArrayList;
import java.util.List;

/**
 * Plans as the processor freezes them ({@link Plans}, ADR 0026) and as the runtime runs them: the actions of a plan
 * that needs neither the live database (an SQLite rebuild) nor a data step, and back.
 */
public final class FrozenPlans {

    private FrozenPlans() {
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
