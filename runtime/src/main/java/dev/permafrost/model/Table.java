package dev.permafrost.model;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * One table: columns in physical order, an optional primary key, and unique constraints, indexes,
 * foreign keys and checks, each sorted by name so that equal tables are equal records.
 */
public record Table(String name, List<Column> columns, PrimaryKey primaryKey, List<Unique> uniques,
                    List<Index> indexes, List<ForeignKey> foreignKeys, List<Check> checks) {

    public Table {
        Names.requireIdentifier(name, "table name");
        columns = List.copyOf(columns);
        if (columns.isEmpty()) {
            throw new IllegalArgumentException("table " + name + " has no columns");
        }
        uniques = sorted(uniques, Unique::name);
        indexes = sorted(indexes, Index::name);
        foreignKeys = sorted(foreignKeys, ForeignKey::name);
        checks = sorted(checks, Check::name);

        Set<String> columnNames = new HashSet<>();
        for (Column column : columns) {
            if (!columnNames.add(column.name())) {
                throw new IllegalArgumentException("table " + name + " has two columns named " + column.name());
            }
        }
        Set<String> constraintNames = new HashSet<>();
        List<Constraint> constraints = new ArrayList<>();
        if (primaryKey != null) {
            constraints.add(primaryKey);
        }
        constraints.addAll(uniques);
        constraints.addAll(indexes);
        constraints.addAll(foreignKeys);
        for (Constraint constraint : constraints) {
            requireUniqueName(constraintNames, constraint.name(), name);
            for (String column : constraint.columns()) {
                if (!columnNames.contains(column)) {
                    throw new IllegalArgumentException(constraint.name() + " on table " + name
                            + " names column " + column + ", which the table does not have");
                }
            }
        }
        for (Check check : checks) {
            requireUniqueName(constraintNames, check.name(), name);
        }
    }

    private static void requireUniqueName(Set<String> seen, String constraint, String table) {
        if (!seen.add(constraint)) {
            throw new IllegalArgumentException("table " + table + " has two constraints or indexes named " + constraint);
        }
    }

    private static <T> List<T> sorted(List<T> items, java.util.function.Function<T, String> name) {
        List<T> copy = new ArrayList<>(items);
        copy.sort(Comparator.comparing(name));
        return List.copyOf(copy);
    }

    /** A table with the given columns and nothing else. */
    public static Table of(String name, List<Column> columns) {
        return new Table(name, columns, null, List.of(), List.of(), List.of(), List.of());
    }

    public Optional<Column> column(String columnName) {
        for (Column column : columns) {
            if (column.name().equals(columnName)) {
                return Optional.of(column);
            }
        }
        return Optional.empty();
    }

    public boolean hasColumn(String columnName) {
        return column(columnName).isPresent();
    }

    public List<String> columnNames() {
        return columns.stream().map(Column::name).toList();
    }

    /** Every name this table's constraints and indexes use. */
    public Set<String> constraintNames() {
        Set<String> all = new HashSet<>();
        if (primaryKey != null) {
            all.add(primaryKey.name());
        }
        uniques.forEach(u -> all.add(u.name()));
        indexes.forEach(i -> all.add(i.name()));
        foreignKeys.forEach(f -> all.add(f.name()));
        checks.forEach(c -> all.add(c.name()));
        return all;
    }

    public Table withName(String newName) {
        return new Table(newName, columns, primaryKey, uniques, indexes, foreignKeys, checks);
    }

    public Table withColumns(List<Column> newColumns) {
        return new Table(name, newColumns, primaryKey, uniques, indexes, foreignKeys, checks);
    }

    public Table withPrimaryKey(PrimaryKey newPrimaryKey) {
        return new Table(name, columns, newPrimaryKey, uniques, indexes, foreignKeys, checks);
    }

    public Table withUniques(List<Unique> newUniques) {
        return new Table(name, columns, primaryKey, newUniques, indexes, foreignKeys, checks);
    }

    public Table withIndexes(List<Index> newIndexes) {
        return new Table(name, columns, primaryKey, uniques, newIndexes, foreignKeys, checks);
    }

    public Table withForeignKeys(List<ForeignKey> newForeignKeys) {
        return new Table(name, columns, primaryKey, uniques, indexes, newForeignKeys, checks);
    }

    public Table withChecks(List<Check> newChecks) {
        return new Table(name, columns, primaryKey, uniques, indexes, foreignKeys, newChecks);
    }

    /** This table with every column replaced by {@code change} applied to it. */
    public Table mapColumns(UnaryOperator<Column> change) {
        return withColumns(columns.stream().map(change).toList());
    }

    /** The canonical {@code create table} statement, foreign keys and checks inline, without indexes. */
    public String createSql() {
        StringBuilder sb = new StringBuilder("create table ").append(Names.quoted(name)).append(" (");
        List<String> elements = new ArrayList<>();
        columns.forEach(c -> elements.add(c.sql()));
        if (primaryKey != null) {
            elements.add(primaryKey.sql());
        }
        uniques.forEach(u -> elements.add(u.sql()));
        foreignKeys.forEach(f -> elements.add(f.sql()));
        checks.forEach(c -> elements.add(c.sql()));
        for (int i = 0; i < elements.size(); i++) {
            sb.append("\n    ").append(elements.get(i)).append(i + 1 < elements.size() ? "," : "");
        }
        return sb.append("\n)").toString();
    }
}
