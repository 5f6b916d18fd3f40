package dev.permafrost.sql;

import dev.permafrost.model.ReservedWords;
import org.jooq.Name;
import org.jooq.impl.DSL;

/**
 * Table, column, constraint and index names as jOOQ renders them for Permafrost: unquoted, except a word a
 * supported database reserves ({@code order}, {@code value}, {@code user}), which is quoted on every database,
 * as in the snapshots (see {@link dev.permafrost.model.Names#quoted}).
 */
public final class Identifiers {

    private Identifiers() {
    }

    /** The name: quoted when reserved, else rendered plain under {@link Expressions#settings()}. */
    public static Name name(String name) {
        return ReservedWords.isReserved(name) ? DSL.quotedName(name) : DSL.name(name);
    }
}
