package dev.permafrost.model;

import java.util.List;

/** What primary keys, unique constraints, indexes and foreign keys share: a name over columns of their table. */
public sealed interface Constraint permits PrimaryKey, Unique, Index, ForeignKey {

    String name();

    List<String> columns();

    Constraint withName(String newName);

    Constraint withColumns(List<String> newColumns);

    /** The canonical SQL of this constraint. */
    String sql();
}
