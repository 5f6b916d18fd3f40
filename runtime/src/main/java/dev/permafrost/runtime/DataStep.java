package dev.permafrost.runtime;

import org.jooq.DSLContext;

/**
 * A data step inside a migration, run in the migration's transaction with a jOOQ {@link DSLContext}
 * bound to its connection and dialect, for example to backfill a new column.
 */
@FunctionalInterface
public interface DataStep {

    void run(DSLContext ctx) throws Exception;
}
