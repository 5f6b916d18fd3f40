package dev.permafrost.runtime;

import org.jooq.DSLContext;

/**
 * A data step inside a migration, run in the migration's transaction with a jOOQ {@link DSLContext}
 * bound to its connection and dialect, for example to backfill a new column. The context renders names
 * made with {@code DSL.name(..)} unquoted and lower case, as Permafrost creates tables and columns, so
 * they match on every database (H2 folds unquoted names to upper case).
 */
@FunctionalInterface
public interface DataStep {

    void run(DSLContext ctx) throws Exception;
}
