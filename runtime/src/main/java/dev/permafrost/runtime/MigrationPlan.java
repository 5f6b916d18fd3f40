package dev.permafrost.runtime;

import java.util.List;

/**
 * The SQL {@link Migrator#migrateTo} would run on this database, in order, without running it.
 *
 * @param steps one per migration, in the order they would run
 */
public record MigrationPlan(String database, int fromVersion, int toVersion, List<Step> steps) {

    /**
     * One migration's part of the plan.
     *
     * @param up whether it runs {@code up} (else {@code down})
     * @param statements the statements, with comments for what is not a statement (a data step, a rebuild)
     */
    public record Step(int version, String description, boolean up, List<String> statements) {
        public Step {
            statements = List.copyOf(statements);
        }
    }

    public MigrationPlan {
        steps = List.copyOf(steps);
    }

    public boolean isEmpty() {
        return steps.isEmpty();
    }

    /** A script people can read or run by hand: each statement ends with {@code ;}, comments say the rest. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(String.format("-- Permafrost plan for %s: V%04d -> V%04d%n", database,
                fromVersion, toVersion));
        if (steps.isEmpty()) {
            return sb.append("-- nothing to do\n").toString();
        }
        for (Step step : steps) {
            sb.append(String.format("%n-- V%04d %s: %s (one transaction where the database allows)%n", step.version(),
                    step.up() ? "up" : "down", step.description()));
            for (String statement : step.statements()) {
                sb.append(statement).append(statement.startsWith("--") ? "" : ";").append('\n');
            }
        }
        return sb.toString();
    }

    /**
     * As one JSON document: {@code {"database":..,"fromVersion":..,"toVersion":..,"steps":[{"version":..,
     * "description":..,"direction":"up"|"down","statements":[..]}]}}.
     */
    public String toJson() {
        return dev.permafrost.runtime.internal.Json.write(dev.permafrost.runtime.internal.Json.object("database", database,
                "fromVersion", fromVersion, "toVersion", toVersion, "steps", steps.stream().map(s ->
                        dev.permafrost.runtime.internal.Json.object("version", s.version(), "description", s.description(),
                                "direction", s.up() ? "up" : "down", "statements", s.statements())).toList()));
    }
}
