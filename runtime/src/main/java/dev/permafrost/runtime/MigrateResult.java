package dev.permafrost.runtime;

import java.util.List;
import java.util.stream.Collectors;

/**
 * What {@link Migrator#migrate()} did.
 *
 * @param database the database, for people
 * @param fromVersion the version before, 0 for an empty database
 * @param toVersion the version after
 * @param applied the migrations this call applied, in order
 * @param millis how long the call took
 */
public record MigrateResult(String database, int fromVersion, int toVersion, List<MigrationInfo> applied, long millis) {

    public MigrateResult {
        applied = List.copyOf(applied);
    }

    @Override
    public String toString() {
        if (applied.isEmpty()) {
            return database + " is up to date at " + String.format("V%04d", toVersion);
        }
        return "migrated " + database + String.format(" from V%04d to V%04d in %d ms: ", fromVersion, toVersion, millis)
                + applied.stream().map(m -> m.label() + " " + m.description() + " (" + m.executionMillis() + " ms)")
                        .collect(Collectors.joining(", "));
    }
}
