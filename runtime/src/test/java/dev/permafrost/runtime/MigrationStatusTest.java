package dev.permafrost.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The first line of status() states the worst finding; "up to date" only when there is none. */
class MigrationStatusTest {

    private static MigrationInfo info(int version, MigrationState state) {
        boolean applied = state != MigrationState.PENDING;
        return new MigrationInfo(version, "m" + version, state, "c" + version, applied ? "c" + version : null,
                applied ? Instant.parse("2026-12-01T10:00:00Z") : null, 3);
    }

    private static String headline(MigrationInfo... infos) {
        return new MigrationStatus("SQLite jdbc:sqlite:app.db", List.of(infos)).toString().lines().findFirst().orElseThrow();
    }

    @Test
    void upToDateOnlyWhenEveryMigrationIsAppliedAsBuilt() {
        assertEquals("SQLite jdbc:sqlite:app.db: at V0002, up to date",
                headline(info(1, MigrationState.APPLIED), info(2, MigrationState.APPLIED)));
        assertEquals("SQLite jdbc:sqlite:app.db: at V0001, 1 pending",
                headline(info(1, MigrationState.APPLIED), info(2, MigrationState.PENDING)));
    }

    @Test
    void theWorstFindingsComeFirst() {
        assertEquals("SQLite jdbc:sqlite:app.db: at V0002, V0002 changed after it was applied (CHECKSUM_MISMATCH)",
                headline(info(1, MigrationState.APPLIED), info(2, MigrationState.CHECKSUM_MISMATCH)));
        assertEquals("SQLite jdbc:sqlite:app.db: at V0003, V0003 unknown to this build (UNKNOWN)",
                headline(info(1, MigrationState.APPLIED), info(2, MigrationState.APPLIED), info(3, MigrationState.UNKNOWN)));
        assertEquals("SQLite jdbc:sqlite:app.db: at V0001, V0002 stopped part way (FAILED), V0001 changed after it was"
                + " applied (CHECKSUM_MISMATCH), 1 pending", headline(info(1, MigrationState.CHECKSUM_MISMATCH),
                info(2, MigrationState.FAILED), info(3, MigrationState.PENDING)));
        assertEquals("SQLite jdbc:sqlite:app.db: at V0002, V0001, V0002 changed after they were applied"
                + " (CHECKSUM_MISMATCH)", headline(info(1, MigrationState.CHECKSUM_MISMATCH),
                info(2, MigrationState.CHECKSUM_MISMATCH)));
        assertFalse(new MigrationStatus("x", List.of(info(1, MigrationState.UNKNOWN))).isUpToDate());
    }
}
