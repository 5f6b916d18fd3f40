package dev.permafrost.runtime.internal;

import dev.permafrost.message.Message;
import dev.permafrost.runtime.spi.MigrationEntry;

/**
 * What a squashed baseline changes in migrating a database (ADR 0025): a fresh database taken to the baseline's
 * version or beyond gets the baseline, every other database the migrations as before, and a database that would need
 * a deleted stub is refused before anything runs.
 */
final class Squashed {

    private Squashed() {
    }

    /**
     * Whether this run builds a fresh database from the squashed baseline: it has no history row yet, and the target
     * is at the baseline's version or beyond.
     */
    static boolean startsFromBaseline(Migrations migrations, Catalog catalog, int target) {
        MigrationEntry baseline = migrations.baseline();
        return baseline != null && target >= baseline.version() && catalog.currentVersion() == 0
                && catalog.incomplete() == null && catalog.pending().size() == migrations.latest();
    }

    /** Refuses, before anything runs, to take a database from {@code from} to {@code target} through a deleted stub. */
    static void requireReachable(Migrations migrations, String database, int from, int target, boolean fromBaseline) {
        int oldest = migrations.oldestReachable();
        if (oldest == 0 || fromBaseline) {
            return;
        }
        MigrationEntry baseline = migrations.baseline();
        if (target < from) {
            if (target < oldest) {
                throw Message.SQUASHED_REVERT.exception(target, oldest + 1, baseline.className(), oldest);
            }
        } else if (from == 0 && target < baseline.version()) {
            throw Message.UNKNOWN_TARGET.exception("build a fresh database at", target, baseline.version(),
                    migrations.latest());
        } else if (from < oldest && target > from) {
            throw Message.SQUASHED_AWAY.exception(database, from, oldest + 1, baseline.version(), baseline.className(),
                    oldest + 1, from + 1);
        }
    }
}
