package dev.permafrost.runtime.internal;

import dev.permafrost.dialect.TableRebuild;
import dev.permafrost.runtime.DataStep;
import java.util.List;

/** What executing a migration does, in order: statements, SQLite rebuilds and data steps. */
public sealed interface Action {

    /** What the action does, for logs, plans and error messages. */
    String what();

    /** Statements run one after the other. */
    record Statements(String what, List<String> sql) implements Action {
        public Statements {
            sql = List.copyOf(sql);
        }
    }

    /** A table rebuild; {@code sql} is its statements proper, as planned (see {@link TableRebuild#statements}). */
    record Rebuild(String what, TableRebuild rebuild, List<String> sql) implements Action {
        public Rebuild {
            sql = List.copyOf(sql);
        }
    }

    /** A jOOQ data step. */
    record Data(String what, DataStep step) implements Action {
    }
}
