package dev.permafrost.runtime;

import dev.permafrost.message.Message;
import dev.permafrost.snapshot.Snapshot;
import java.util.List;

/**
 * What {@link Migrator#validate()} found: migrations that changed, failed or are unknown, and every way
 * the live schema differs from the schema its applied version should have.
 *
 * @param version the applied version the live schema was compared with
 * @param problems each finding, for people; empty when all is well
 */
public record Validation(String database, int version, List<String> problems) {

    public Validation {
        problems = List.copyOf(problems);
    }

    public boolean valid() {
        return problems.isEmpty();
    }

    /** Throws a {@link PermafrostException} ({@link ErrorCode#DRIFT}) listing the problems, if there are any. */
    public Validation orThrow() {
        if (!valid()) {
            throw Message.DRIFT.exception(toString());
        }
        return this;
    }

    @Override
    public String toString() {
        String at = Snapshot.label(version);
        if (valid()) {
            return database + " matches " + at;
        }
        return database + " does not match " + at + ":\n  - " + String.join("\n  - ", problems);
    }

    /** As one JSON document: {@code {"database":..,"version":..,"valid":..,"problems":[..]}}. */
    public String toJson() {
        return dev.permafrost.runtime.internal.Json.write(dev.permafrost.runtime.internal.Json.object("database", database,
                "version", version, "valid", valid(), "problems", problems));
    }
}
