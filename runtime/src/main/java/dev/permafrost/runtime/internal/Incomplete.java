package dev.permafrost.runtime.internal;

import dev.permafrost.dialect.SqlRenderer;
import dev.permafrost.runtime.ErrorCode;
import dev.permafrost.runtime.PermafrostException;
import dev.permafrost.sql.Jooq;
import java.util.ArrayList;
import java.util.List;

/**
 * The refusal to start on a database where a migration stopped part way (only possible where DDL is not
 * transactional): which statements ran, which did not, and the way out. Never a guess.
 */
final class Incomplete {

    private Incomplete() {
    }

    static PermafrostException refusal(AppliedMigration row, Migrations migrations, Session session) {
        Jooq.quiet();
        boolean up = row.state() == AppliedMigration.State.APPLYING;
        Recorder.Recording recording = up ? migrations.up(row.version()) : migrations.down(row.version());
        List<String> statements = new ArrayList<>();
        for (Action action : Planner.plan(new SqlRenderer(session.dialect()), recording.before(), recording.steps())) {
            switch (action) {
                case Action.Statements s -> statements.addAll(s.sql());
                case Action.Rebuild r -> statements.addAll(r.sql());
                case Action.Data d -> statements.add("-- data step: " + d.what());
            }
        }
        String label = String.format("V%04d", row.version());
        StringBuilder message = new StringBuilder("migration " + label + " (" + row.description() + ") stopped after "
                + row.statements() + " of " + statements.size() + " statements while " + (up ? "applying" : "reverting")
                + " on " + session.description() + ", which commits DDL at once, so part of it is done.");
        message.append("\nStatements that ran:");
        for (int i = 0; i < Math.min(row.statements(), statements.size()); i++) {
            message.append("\n  ").append(i + 1).append(". ").append(statements.get(i));
        }
        message.append("\nStatements that did not run:");
        for (int i = row.statements(); i < statements.size(); i++) {
            message.append("\n  ").append(i + 1).append(". ").append(statements.get(i));
        }
        message.append("\n(If the process was killed rather than failing, statement ").append(row.statements() + 1)
                .append(" may have run as well.) ");
        if (row.statements() == 0) {
            message.append("None of its statements ran, so there is nothing to undo: call Migrator.repair() and start"
                    + " again.");
        } else {
            message.append("Undo by hand what the statements that ran did, or run the ones that did not, then call"
                    + " Migrator.repair() and start again.");
        }
        return new PermafrostException(ErrorCode.INCOMPLETE_MIGRATION, message.toString());
    }
}
