package dev.permafrost.model;

import java.util.List;

/** A unique constraint over one or more columns. */
public record Unique(String name, List<String> columns) implements Constraint {

    public Unique {
        Names.requireIdentifier(name, "unique constraint name");
        columns = Names.requireColumns(columns, name);
    }

    @Override
    public Unique withName(String newName) {
        return new Unique(newName, columns);
    }

    @Override
    public Unique withColumns(List<String> newColumns) {
        return new Unique(name, newColumns);
    }

    @Override
    public String sql() {
        return "constraint " + Names.quoted(name) + " unique (" + Names.quotedList(columns) + ")";
    }
}
