package dev.permafrost.runtime.internal;

import dev.permafrost.dialect.LockSafe;
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

    /**
     * Statements that each run on their own outside the migration's transaction (a concurrent index build, a
     * constraint's validation), so that writers of a table with rows go on meanwhile.
     */
    record Online(String what, List<LockSafe.Part> statements) implements Action {
        public Online {
            statements = List.copyOf(statements);
        }

        public List<String> sql() {
            return statements.stream().map(LockSafe.Part::sql).toList();
        }
    }

    /** A jOOQ data step. */
    record Data(String what, DataStep step) implements Action {
    }
}
