package dev.permafrost.runtime.internal;

import dev.permafrost.dialect.SqlRenderer;
import dev.permafrost.message.Message;
import dev.permafrost.runtime.PermafrostException;
import dev.permafrost.snapshot.Snapshot;
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

    /** @param lockSafe whether the settings allow the lock-safe form, which the stopped migration then ran */
    static PermafrostException refusal(AppliedMigration row, Migrations migrations, Session session, boolean lockSafe) {
        Jooq.quiet();
        boolean up = row.state() == AppliedMigration.State.APPLYING;
        Recorder.Recording recording = up ? migrations.up(row.version()) : migrations.down(row.version());
        List<String> statements = new ArrayList<>();
        for (Action action : Planner.plan(new SqlRenderer(session.dialect()), row.version(), recording.before(),
                recording.steps(), migrations.lockSafe(row.version(), lockSafe, row.version() - 1, session.dialect()))) {
            switch (action) {
                case Action.Statements s -> statements.addAll(s.sql());
                case Action.Rebuild r -> statements.addAll(r.sql());
                case Action.Data d -> statements.add("-- data step: " + d.what());
                case Action.Online o -> statements.addAll(o.sql());
            }
        }
        StringBuilder ran = new StringBuilder();
        for (int i = 0; i < Math.min(row.statements(), statements.size()); i++) {
            ran.append("\n  ").append(i + 1).append(". ").append(statements.get(i));
        }
        StringBuilder notRun = new StringBuilder();
        for (int i = row.statements(); i < statements.size(); i++) {
            notRun.append("\n  ").append(i + 1).append(". ").append(statements.get(i));
        }
        return Message.INCOMPLETE.exception(Snapshot.label(row.version()), row.description(), row.statements(),
                statements.size(), up ? "applying" : "reverting", session.description(), ran, notRun,
                row.statements() + 1, row.statements() == 0
                        ? "None of its statements ran, so there is nothing to undo: call Migrator.repair() and start again."
                        : "Undo by hand what the statements that ran did, or run the ones that did not, then call"
                                + " Migrator.repair() and start again.");
    }
}
