package dev.permafrost.runtime.internal;

import java.time.Instant;
import java.util.Locale;

/**
 * One row of the history table.
 *
 * @param state {@link State#APPLIED}, or on a database without transactional DDL, a migration that
 *     stopped part way
 * @param statements how many statements completed; for a migration that stopped, how far it got
 */
public record AppliedMigration(int version, String description, String checksum, Instant appliedAt,
                               long executionMillis, State state, int statements) {

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
