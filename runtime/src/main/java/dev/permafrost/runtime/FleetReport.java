package dev.permafrost.runtime;

import java.util.List;

/**
 * What {@link Fleet#migrate()} did to each target, in the fleet's order.
 *
 * @param millis how long the whole fleet took
 */
public record FleetReport(List<Entry> entries, long millis) {

    /** What happened to one target. */
    public enum State {
        /** Migrations were applied. */
        MIGRATED,
        /** It was at the newest version already. */
        UP_TO_DATE,
        /** Migrating it failed; it keeps what it had (see the message). */
        FAILED,
        /** Not attempted: a canary or (without continue-on-error) another target failed first. */
        SKIPPED
    }

    /**
     * One target.
     *
     * @param before its version before, or -1 when unknown (skipped, or its history could not be read)
     * @param after its version after, or -1 when unknown
     * @param message why it failed (with the message code), or {@code null}
     */
    public record Entry(String name, int before, int after, State state, String message, long millis) {
    }

    public FleetReport {
        entries = List.copyOf(entries);
    }

    /** Whether every target was migrated or up to date. */
    public boolean ok() {
        return entries.stream().allMatch(e -> e.state() == State.MIGRATED || e.state() == State.UP_TO_DATE);
    }

    /** How many targets ended in {@code state}. */
    public long count(State state) {
        return entries.stream().filter(e -> e.state() == state).count();
    }

    /** A table: one line per target (name, before, after, state, ms, the first line of the message), then totals. */
    @Override
    public String toString() {
        int width = Math.max(6, entries.stream().mapToInt(e -> e.name().length()).max().orElse(0));
        StringBuilder sb = new StringBuilder(String.format("%-" + width + "s  %6s  %6s  %-10s  %7s  %s%n", "target",
                "before", "after", "state", "ms", "message"));
        for (Entry e : entries) {
            String message = e.message() == null ? "" : e.message().lines().findFirst().orElse("");
            sb.append(String.format("%-" + width + "s  %6s  %6s  %-10s  %7d  %s", e.name(), version(e.before()),
                    version(e.after()), e.state(), e.millis(), message).stripTrailing()).append('\n');
        }
        sb.append(String.format("%d targets in %d ms: %d migrated, %d up to date, %d failed, %d skipped", entries.size(),
                millis, count(State.MIGRATED), count(State.UP_TO_DATE), count(State.FAILED), count(State.SKIPPED)));
        return sb.toString();
    }

    private static String version(int version) {
        return version < 0 ? "?" : String.format("V%04d", version);
    }

    /**
     * As one JSON document: {@code {"ok":..,"millis":..,"targets":[{"name":..,"before":..,"after":..,"state":..,
     * "message":..,"millis":..}]}}, for CI.
     */
    public String toJson() {
        return dev.permafrost.runtime.internal.Json.write(dev.permafrost.runtime.internal.Json.object("ok", ok(),
                "millis", millis, "targets", entries.stream().map(e -> dev.permafrost.runtime.internal.Json.object(
                        "name", e.name(), "before", e.before(), "after", e.after(), "state", e.state().name(),
                        "message", e.message(), "millis", e.millis())).toList()));
    }
}
