package dev.permafrost.runtime.internal;

import java.time.Instant;
import java.util.Locale;

/**
 * One row of the history table.
 *
 * @param state {@link State#APPLIED}, or on a database without transactional DDL, a migration that
 *     stopped part way
 * @param appliedAt when, as the ISO-8601 instant the table stores; parsed only when asked for
 *     ({@link #appliedInstant()}), since an up-to-date start reads every row and needs none of them
 * @param statements how many statements completed; for a migration that stopped, how far it got
 */
public record AppliedMigration(int version, String description, String checksum, String appliedAt,
                               long executionMillis, State state, int statements) {

    public AppliedMigration(int version, String description, String checksum, Instant appliedAt, long executionMillis,
                            State state, int statements) {
        this(version, description, checksum, appliedAt.toString(), executionMillis, state, statements);
    }

    public Instant appliedInstant() {
        return Instant.parse(appliedAt);
    }

    /** What the row says about its migration. */
    public enum State {
        /** Applied completely. */
        APPLIED,
        /** Stopped part way through {@code up} on a database without transactional DDL. */
        APPLYING,
        /** Stopped part way through {@code down} on a database without transactional DDL. */
        REVERTING;

        public String sql() {
            return name().toLowerCase(Locale.ROOT);
        }

        static State of(String value) {
            return valueOf(value.toUpperCase(Locale.ROOT));
        }
    }

    public boolean complete() {
        return state == State.APPLIED;
    }
}
