package dev.permafrost.runtime.internal;

import dev.permafrost.dialect.LiveReading;
import dev.permafrost.diff.Differ;
import dev.permafrost.diff.Op;
import dev.permafrost.message.Message;
import dev.permafrost.model.Schema;
import dev.permafrost.runtime.MigrationInfo;
import dev.permafrost.runtime.Validation;
import dev.permafrost.runtime.internal.Alignment;
import dev.permafrost.runtime.spi.MigrationIndex;
import dev.permafrost.sql.Jooq;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Checks a database without changing it: every applied migration against this build (changed, unknown,
 * stopped part way), and the live schema against the schema its applied version should have.
 */
public final class ValidateCommand {

    private ValidateCommand() {
    }

    public static Validation run(Config config) {
        MigrationIndex index = config.indexOrFind();
        try (Session session = Session.open(config)) {
            Catalog catalog = new Catalog(index.migrations(), History.read(session.connection(), session.dialect()));
            List<String> problems = new ArrayList<>();
            for (MigrationInfo info : catalog.status(session.description()).migrations()) {
                switch (info.state()) {
                    case CHECKSUM_MISMATCH -> problems.add(info.label() + " changed after it was applied (recorded "
                            + info.appliedChecksum() + ", now " + info.checksum() + ")");
                    case UNKNOWN -> {
                        if (!config.allowUnknownMigrations()) {
                            problems.add(info.label() + " (" + info.description() + ") is applied but unknown to this build");
                        }
                    }
                    case FAILED -> problems.add(info.label() + " stopped part way; " + (session.dialect().transactionalDdl()
                            ? "its lock-safe steps run outside one transaction, and the next migrate() continues where"
                                    + " it stopped" : "see Migrator.migrate() for what ran"));
                    case APPLIED, PENDING -> {
                        // Fine: pending migrations are for migrate(), not a fault of the database.
                    }
                }
            }
            int version = Math.min(catalog.currentVersion(), index.migrations().size());
            if (problems.stream().noneMatch(p -> p.contains("stopped part way"))) {
                problems.addAll(drift(session, new Migrations(index).schemaAt(version), config));
            }
            return new Validation(session.description(), version, problems);
        } catch (SQLException e) {
            throw Message.HISTORY_UNREADABLE.exception(e, "read", e.getMessage());
        }
    }

    /** Every difference between the live schema and {@code expected}, phrased for people. */
    static List<String> drift(Session session, Schema expected, Config config) {
        Jooq.quiet();
        LiveReading reading = LiveSchema.read(session.connection(), session.dialect(), config.ignoredTables());
        Schema live = reading.schema(expected);
        Schema aligned = Alignment.align(live, expected, session.dialect());
        List<String> problems = new ArrayList<>(reading.problems());
        problems.addAll(reading.strays(live));
        for (Op op : Differ.diff(aligned, expected)) {
            problems.add(Drift.describe(op));
        }
        return problems;
    }
}
