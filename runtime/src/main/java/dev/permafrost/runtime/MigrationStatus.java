package dev.permafrost.runtime;

import java.util.List;
import java.util.Optional;

/** Every known and applied migration of one database, by version. */
public record MigrationStatus(String database, List<MigrationInfo> migrations) {

    public MigrationStatus {
        migrations = List.copyOf(migrations);
    }

    /** The highest applied version, or 0 for an empty database. */
    public int currentVersion() {
        return applied().stream().mapToInt(MigrationInfo::version).max().orElse(0);
    }

    public List<MigrationInfo> applied() {
        return migrations.stream().filter(m -> m.state() == MigrationState.APPLIED
                || m.state() == MigrationState.CHECKSUM_MISMATCH || m.state() == MigrationState.UNKNOWN).toList();
    }

    public List<MigrationInfo> pending() {
        return migrations.stream().filter(m -> m.state() == MigrationState.PENDING).toList();
    }

    public Optional<MigrationInfo> version(int version) {
        return migrations.stream().filter(m -> m.version() == version).findFirst();
    }

    public boolean isUpToDate() {
        return pending().isEmpty() && migrations.stream().allMatch(m -> m.state() == MigrationState.APPLIED);
    }

    /**
     * What stands out, worst first: migrations that stopped part way, changed after they were applied, or are
     * unknown to this build, then pending ones; "up to date" only when every migration is applied as built.
     */
    private String headline() {
        StringBuilder sb = new StringBuilder();
        finding(sb, MigrationState.FAILED, "stopped part way");
        finding(sb, MigrationState.CHECKSUM_MISMATCH, "changed after it was applied");
        finding(sb, MigrationState.UNKNOWN, "unknown to this build");
        int pending = pending().size();
        if (pending > 0) {
            sb.append(", ").append(pending).append(" pending");
        }
        return sb.isEmpty() ? ", up to date" : sb.toString();
    }

    private void finding(StringBuilder sb, MigrationState state, String what) {
        List<String> labels = migrations.stream().filter(m -> m.state() == state).map(MigrationInfo::label).toList();
        if (!labels.isEmpty()) {
            sb.append(", ").append(String.join(", ", labels)).append(' ').append(labels.size() == 1 ? what
                    : what.replace("changed after it was", "changed after they were")).append(" (").append(state).append(')');
        }
    }

    /** A table people can read: one line per migration with its state, when it ran and how long it took. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        sb.append(database).append(": ");
        int current = currentVersion();
        sb.append(current == 0 ? "empty" : "at V" + String.format("%04d", current));
        sb.append(headline()).append('\n');
        sb.append(String.format("  %-7s %-18s %-24s %8s  %s%n", "Version", "State", "Applied at", "Took", "Description"));
        for (MigrationInfo m : migrations) {
            sb.append(String.format("  %-7s %-18s %-24s %8s  %s%n", m.label(), m.state(),
                    m.appliedAt() == null ? "" : m.appliedAt().toString(),
                    m.appliedAt() == null ? "" : m.executionMillis() + " ms", m.description()));
        }
        return sb.toString();
    }

    /**
     * As one JSON document: {@code {"database":..,"currentVersion":..,"upToDate":..,"migrations":[{"version":..,
     * "description":..,"state":..,"checksum":..,"appliedChecksum":..,"appliedAt":..,"executionMillis":..}]}}.
     */
    public String toJson() {
        return dev.permafrost.runtime.internal.Json.write(dev.permafrost.runtime.internal.Json.object("database", database,
                "currentVersion", currentVersion(), "upToDate", isUpToDate(), "migrations",
                migrations.stream().map(MigrationInfo::toJsonObject).toList()));
    }
}
