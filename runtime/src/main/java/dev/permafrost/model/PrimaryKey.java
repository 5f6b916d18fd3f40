package dev.permafrost.model;

import java.util.List;

/** A primary key constraint over one or more columns, in key order. */
public record PrimaryKey(String name, List<String> columns) implements Constraint {

    public PrimaryKey {
        Names.requireIdentifier(name, "primary key name");
        columns = Names.requireColumns(columns, name);
    }

    @Override
    public PrimaryKey withName(String newName) {
        return new PrimaryKey(newName, columns);
    }

    @Override
    public PrimaryKey withColumns(List<String> newColumns) {
        return new PrimaryKey(name, newColumns);
    }

    @Override
    public String sql() {
        return "constraint " + Names.quoted(name) + " primary key (" + Names.quotedList(columns) + ")";
    }
}
