package dev.permafrost.runtime.internal;

import dev.permafrost.runtime.ErrorCode;
import dev.permafrost.runtime.MigrationInfo;
import dev.permafrost.runtime.MigrationState;
import dev.permafrost.runtime.MigrationStatus;
import dev.permafrost.runtime.PermafrostException;
import dev.permafrost.runtime.spi.MigrationEntry;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The application's migrations held against the database's history: each one's state, and what is wrong. */
public final class Catalog {

    private final Map<Integer, MigrationEntry> known = new TreeMap<>();
    private final Map<Integer, AppliedMigration> applied = new TreeMap<>();

    public Catalog(List<MigrationEntry> knownMigrations, List<AppliedMigration> appliedMigrations) {
        knownMigrations.forEach(m -> known.put(m.version(), m));
        appliedMigrations.forEach(m -> applied.put(m.version(), m));
    }

    public MigrationStatus status(String database) {
        TreeMap<Integer, MigrationInfo> infos = new TreeMap<>();
        known.forEach((version, entry) -> {
            AppliedMigration row = applied.get(version);
            infos.put(version, row == null
                    ? new MigrationInfo(version, entry.description(), MigrationState.PENDING, entry.checksum(), null, null, 0)
                    : new MigrationInfo(version, entry.description(), state(entry, row), entry.checksum(),
                            row.checksum(), row.appliedInstant(), row.executionMillis()));
        });
        applied.forEach((version, row) -> {
            if (!known.containsKey(version)) {
                infos.put(version, new MigrationInfo(version, row.description(),
                        row.complete() ? MigrationState.UNKNOWN : MigrationState.FAILED, row.checksum(), row.checksum(),
                        row.appliedInstant(), row.executionMillis()));
            }
        });
        return new MigrationStatus(database, new ArrayList<>(infos.values()));
    }

    private static MigrationState state(MigrationEntry entry, AppliedMigration row) {
        if (!row.complete()) {
            return MigrationState.FAILED;
        }
        return entry.matches(row.checksum()) ? MigrationState.APPLIED : MigrationState.CHECKSUM_MISMATCH;
    }

    /** The row of a migration that stopped part way, or {@code null}. */
    public AppliedMigration incomplete() {
        return applied.values().stream().filter(r -> !r.complete()).findFirst().orElse(null);
    }

    /** The highest applied version, or 0. */
    public int currentVersion() {
        return applied.isEmpty() ? 0 : ((TreeMap<Integer, AppliedMigration>) applied).lastKey();
    }

    public List<MigrationEntry> pending() {
        return known.values().stream().filter(m -> !applied.containsKey(m.version())).toList();
    }

    public List<MigrationEntry> known() {
        return List.copyOf(known.values());
    }

    public MigrationEntry entry(int version) {
        return known.get(version);
    }

    /**
     * Refuses a database this application must not touch: a failed or changed migration, one it does
     * not know (unless allowed), or a gap in what was applied.
     */
    public void requireConsistent(boolean allowUnknown) {
        for (AppliedMigration row : applied.values()) {
            MigrationEntry entry = known.get(row.version());
            if (!row.complete()) {
                String label = label(row.version());
                throw new PermafrostException(ErrorCode.INCOMPLETE_MIGRATION, "migration " + label + " ("
                        + row.description() + ") stopped part way while " + row.state().sql() + " on a database that"
                        + " commits DDL at once: " + row.statements() + " statement(s) ran. This build does not know"
                        + " it, so it cannot list them: run the build that started it to see them, undo or finish"
                        + " them by hand, then call Migrator.repair() and start again.");
            }
            if (entry == null) {
                if (!allowUnknown) {
                    String label = label(row.version());
                    throw new PermafrostException(ErrorCode.UNKNOWN_MIGRATION, "the database has migration " + label
                            + " (" + row.description() + "), which this application does not know: a newer build"
                            + " migrated it. Run that build, or allow it with"
                            + " Migrator.configure(..).allowUnknownMigrations(true).");
                }
                continue;
            }
            if (!entry.matches(row.checksum())) {
                String label = label(row.version());
                if (!History.fits(entry.description()).equals(row.description())) {
                    throw new PermafrostException(ErrorCode.CHECKSUM_MISMATCH, "the database holds a different"
                            + " migration " + label + " (\"" + row.description() + "\", applied " + row.appliedAt()
                            + ") from this build's " + label + " (\"" + entry.description() + "\", " + entry.className()
                            + "): two branches, or two applications on one database, each made a " + label + ". Run the"
                            + " build that applied it (it can go back with migrateTo(" + (row.version() - 1) + ")), or"
                            + " renumber this build's migration after that one's, or give each application a database"
                            + " of its own.");
                }
                throw new PermafrostException(ErrorCode.CHECKSUM_MISMATCH, "migration " + label + " ("
                        + entry.description() + ") changed after it was applied: the database recorded checksum "
                        + row.checksum() + ", this build's " + entry.className() + " has " + entry.checksum()
                        + ". Applied migrations are frozen: restore the class from version control and put the"
                        + " change into a new migration.");
            }
        }
        int current = currentVersion();
        for (MigrationEntry entry : known.values()) {
            if (entry.version() < current && !applied.containsKey(entry.version())) {
                throw new PermafrostException(ErrorCode.OUT_OF_ORDER, String.format("migration V%04d (%s) is not"
                        + " applied, but the later V%04d is: the migrations were renumbered or merged after this"
                        + " database was migrated. Renumber the new migration after V%04d.",
                        entry.version(), entry.description(), current, current));
            }
        }
    }

    private static String label(int version) {
        return String.format("V%04d", version);
    }
}
