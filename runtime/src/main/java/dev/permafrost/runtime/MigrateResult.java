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
 * @param reverted the migrations this call reverted with their {@code down}, in order
 * @param millis how long the call took
 */
public record MigrateResult(String database, int fromVersion, int toVersion, List<MigrationInfo> applied,
                            List<MigrationInfo> reverted, long millis) {

    public MigrateResult {
        applied = List.copyOf(applied);
        reverted = List.copyOf(reverted);
    }

    @Override
    public String toString() {
        if (applied.isEmpty() && reverted.isEmpty()) {
            return database + " is " + (fromVersion == toVersion ? "up to date" : "already") + " at "
                    + String.format("V%04d", toVersion);
        }
        String verb = reverted.isEmpty() ? "migrated " : "reverted ";
        List<MigrationInfo> done = reverted.isEmpty() ? applied : reverted;
        return verb + database + String.format(" from V%04d to V%04d in %d ms: ", fromVersion, toVersion, millis)
                + done.stream().map(m -> m.label() + " " + m.description() + " (" + m.executionMillis() + " ms)")
                        .collect(Collectors.joining(", "));
    }

    /**
     * As one JSON document: {@code {"database":..,"fromVersion":..,"toVersion":..,"millis":..,"applied":[..],
     * "reverted":[..]}}, each migration as in {@link MigrationStatus#toJson()}.
     */
    public String toJson() {
        return dev.permafrost.runtime.internal.Json.write(dev.permafrost.runtime.internal.Json.object("database", database,
                "fromVersion", fromVersion, "toVersion", toVersion, "millis", millis,
                "applied", applied.stream().map(MigrationInfo::toJsonObject).toList(),
                "reverted", reverted.stream().map(MigrationInfo::toJsonObject).toList()));
    }
}
