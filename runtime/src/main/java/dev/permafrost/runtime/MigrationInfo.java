package dev.permafrost.runtime;

import dev.permafrost.snapshot.Snapshot;
import java.time.Instant;

/**
 * One migration's standing.
 *
 * @param checksum the application's checksum, or the recorded one for an {@link MigrationState#UNKNOWN} migration
 * @param appliedChecksum the checksum recorded when it ran, or {@code null} if it has not
 * @param appliedAt when it ran, or {@code null}
 * @param executionMillis how long it took, or 0
 */
public record MigrationInfo(int version, String description, MigrationState state, String checksum,
                            String appliedChecksum, Instant appliedAt, long executionMillis) {

    /** {@code V0002}. */
    public String label() {
        return Snapshot.label(version);
    }

    @Override
    public String toString() {
        return label() + " " + state + " " + description;
    }

    /** This migration as a JSON object's members: version, description, state, checksum, appliedChecksum, appliedAt, executionMillis. */
    java.util.Map<String, Object> toJsonObject() {
        return dev.permafrost.runtime.internal.Json.object("version", version, "description", description, "state",
                state.name(), "checksum", checksum, "appliedChecksum", appliedChecksum, "appliedAt",
                appliedAt == null ? null : appliedAt.toString(), "executionMillis", executionMillis);
    }
}
