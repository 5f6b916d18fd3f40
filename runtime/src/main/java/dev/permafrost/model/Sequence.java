package dev.permafrost.model;

/**
 * A sequence that hands out a column's values, as JPA's {@code SEQUENCE} and {@code AUTO} generators use
 * one: the application asks it for the next number (Hibernate by {@code increment} at a time) and writes the
 * value itself, so the column has no default. The sequence belongs to its column: it is created with the
 * column and dropped with it ({@code owned by} on PostgreSQL); SQLite has none.
 *
 * @param start the first value it hands out
 * @param increment how far each value is from the one before (Hibernate's {@code allocationSize})
 */
public record Sequence(String name, long start, long increment) {

    public Sequence {
        Names.requireIdentifier(name, "sequence name");
        if (increment <= 0) {
            throw new IllegalArgumentException("sequence " + name + " has increment " + increment
                    + "; it must count upwards (an increment of 1 or more)");
        }
    }

    public Sequence withName(String newName) {
        return new Sequence(newName, start, increment);
    }

    /** The canonical statement creating it for {@code table.column}: {@code create sequence s start with 1 increment by 50 owned by t.c}. */
    public String sql(String table, String column) {
        return "create sequence " + Names.quoted(name) + " " + numbering() + " owned by " + Names.quoted(table) + "."
                + Names.quoted(column);
    }

    /** {@code start with 1 increment by 50}. */
    public String numbering() {
        return "start with " + start + " increment by " + increment;
    }

    @Override
    public String toString() {
        return "sequence " + name + " " + numbering();
    }
}
