package dev.permafrost.model;

import java.util.List;

/** An index over one or more columns of its table, optionally unique. */
public record Index(String name, List<String> columns, boolean unique) implements Constraint {

    public Index {
        Names.requireIdentifier(name, "index name");
        columns = Names.requireColumns(columns, name);
    }

    @Override
    public Index withName(String newName) {
        return new Index(newName, columns, unique);
    }

    @Override
    public Index withColumns(List<String> newColumns) {
        return new Index(name, newColumns, unique);
    }

    /** The canonical statement creating this index on {@code table}. */
    public String sql(String table) {
        return "create " + (unique ? "unique " : "") + "index " + Names.quoted(name) + " on " + Names.quoted(table)
                + " (" + Names.quotedList(columns) + ")";
    }

    @Override
    public String sql() {
        return (unique ? "unique index " : "index ") + Names.quoted(name) + " (" + Names.quotedList(columns) + ")";
    }
}
