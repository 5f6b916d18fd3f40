package dev.permafrost.runtime.internal;

import dev.permafrost.message.Message;
import dev.permafrost.runtime.MigrationInfo;
import dev.permafrost.runtime.MigrationState;
import dev.permafrost.runtime.MigrationStatus;
import dev.permafrost.runtime.spi.MigrationEntry;
import dev.permafrost.snapshot.Snapshot;
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

    /** The highest applied version (one stopped part way through its {@code up} does not count), or 0. */
    public int currentVersion() {
        return applied.values().stream().filter(r -> r.state() != AppliedMigration.State.APPLYING)
                .mapToInt(AppliedMigration::version).max().orElse(0);
    }

    /** Migrations not applied, including one whose {@code up} stopped part way (it resumes where it stopped). */
    public List<MigrationEntry> pending() {
        return known.values().stream().filter(m -> !applied.containsKey(m.version())
                || applied.get(m.version()).state() == AppliedMigration.State.APPLYING).toList();
    }

    /**
     * Whether the migration that stopped part way can continue where it stopped: on a database with transactional
     * DDL only a migration with lock-safe steps run outside its transaction stops part way, each step committed with
     * its progress, and this build has the same migration.
     */
    public boolean resumable(AppliedMigration incomplete, boolean transactionalDdl) {
        MigrationEntry entry = known.get(incomplete.version());
        return transactionalDdl && entry != null && entry.matches(incomplete.checksum());
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
        requireConsistent(allowUnknown, false);
    }

    /** @param resuming whether a migration that stopped part way is about to continue ({@link #resumable}) */
    public void requireConsistent(boolean allowUnknown, boolean resuming) {
        for (AppliedMigration row : applied.values()) {
            MigrationEntry entry = known.get(row.version());
            if (!row.complete() && resuming) {
                continue;
            }
            if (!row.complete()) {
                String label = label(row.version());
                throw Message.INCOMPLETE_UNKNOWN.exception(label, row.description(), row.state().sql(), row.statements());
            }
            if (entry == null) {
                if (!allowUnknown) {
                    String label = label(row.version());
                    throw Message.UNKNOWN_APPLIED.exception(label, row.description());
                }
                continue;
            }
            if (!entry.matches(row.checksum())) {
                String label = label(row.version());
                if (!History.fits(entry.description()).equals(row.description())) {
                    throw Message.DIFFERENT_MIGRATION.exception(label, row.description(), row.appliedAt(),
                            entry.description(), entry.className(), row.version() - 1);
                }
                throw Message.CHECKSUM_MISMATCH.exception(label, entry.description(), row.checksum(), entry.className(),
                        entry.checksum());
            }
        }
        int current = currentVersion();
        for (MigrationEntry entry : known.values()) {
            if (entry.version() < current && !applied.containsKey(entry.version())) {
                throw Message.OUT_OF_ORDER.exception(entry.version(), entry.description(), current, current);
            }
        }
    }

    private static String label(int version) {
        return Snapshot.label(version);
    }
}
