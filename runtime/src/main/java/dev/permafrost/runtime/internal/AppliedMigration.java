package dev.permafrost.runtime.internal;

import java.time.Instant;

/**
 * One row of the history table.
 *
 * @param success whether it completed; {@code false} only on databases without transactional DDL
 * @param statements how many statements completed, for a migration that stopped part way
 */
public record AppliedMigration(int version, String description, String checksum, Instant appliedAt,
                               long executionMillis, boolean success, int statements) {
}
