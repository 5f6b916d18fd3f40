package dev.permafrost.dialect;

import dev.permafrost.diff.Op;
import dev.permafrost.model.Table;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * How a database rebuilds a table for changes its {@code ALTER TABLE} cannot make (SQLite): a rebuild starts
 * at the first such operation, later operations on the same table fold into it, and before it runs the live
 * table is read so that nothing a migration did not create is lost.
 */
public interface TableRebuilds {

    /** A rebuild of {@code table} that so far changes nothing. */
    TableRebuild start(Table table);

    /** Whether {@code op} can join a rebuild of its table. */
    boolean foldable(Op op);

    /**
     * What running {@code rebuild} takes on this connection now: statements before it (dropping what depends
     * on the table), the rebuild proper (carrying over what the live table holds beyond the schema), and
     * statements after it (recreating the dependents). Reads only.
     *
     * @param label the migration, for messages ({@code V0002})
     */
    Run prepare(Connection connection, TableRebuild rebuild, SqlRenderer renderer, String label) throws SQLException;

    /**
     * The statements of one rebuild as it runs, in three parts, with notes for people (what a plan shows) and a
     * warning to log when it runs, or {@code null}.
     */
    record Run(List<String> notes, String warning, List<String> before, List<String> statements, List<String> after) {
        public Run {
            notes = List.copyOf(notes);
            before = List.copyOf(before);
            statements = List.copyOf(statements);
            after = List.copyOf(after);
        }

        /** Every statement, in order. */
        public List<String> all() {
            List<String> all = new java.util.ArrayList<>(before);
            all.addAll(statements);
            all.addAll(after);
            return all;
        }
    }
}
