package dev.permafrost.runtime.internal;

import dev.permafrost.diff.Op;
import dev.permafrost.runtime.DataStep;

/** One recorded step of a migration: a schema operation, a raw SQL statement or a jOOQ data step. */
public sealed interface Step {

    /** A schema operation, tracked by the model. */
    record Change(Op op) implements Step {
    }

    /** A statement run as written. */
    record Sql(String statement) implements Step {
    }

    /** Code run with jOOQ in the migration's transaction. */
    record Code(String description, DataStep step) implements Step {
    }
}
