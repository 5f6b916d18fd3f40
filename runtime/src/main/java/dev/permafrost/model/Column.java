package dev.permafrost.model;

/**
 * One column: its name, logical type, nullability and default.
 *
 * @param defaultValue the default as canonical SQL (see {@link dev.permafrost.sql.Expressions}),
 *     or {@code null} for none
 */
public record Column(String name, ColumnType type, boolean nullable, String defaultValue) {

    public Column {
        Names.requireIdentifier(name, "column name");
        if (type == null) {
            throw new IllegalArgumentException("type == null for column " + name);
        }
        if (defaultValue != null && defaultValue.isBlank()) {
            throw new IllegalArgumentException("blank default for column " + name + "; use null for none");
        }
    }

    /** A nullable column without default. */
    public static Column of(String name, ColumnType type) {
        return new Column(name, type, true, null);
    }

    public Column notNull() {
        return new Column(name, type, false, defaultValue);
    }

    public Column withNullable(boolean isNullable) {
        return new Column(name, type, isNullable, defaultValue);
    }

    /** This column with the given canonical default SQL, or none for {@code null}. */
    public Column defaultValue(String sql) {
        return new Column(name, type, nullable, sql);
    }

    public Column withName(String newName) {
        return new Column(newName, type, nullable, defaultValue);
    }

    public Column withType(ColumnType newType) {
        return new Column(name, newType, nullable, defaultValue);
    }

    public boolean hasDefault() {
        return defaultValue != null;
    }

    /** The column definition as it appears in canonical DDL: {@code name varchar(20) not null default 'x'}. */
    public String sql() {
        return name + " " + definitionSql();
    }

    /** The definition without the name: {@code varchar(20) not null default 'x'}. */
    public String definitionSql() {
        StringBuilder sb = new StringBuilder(type.sql());
        if (!nullable) {
            sb.append(" not null");
        }
        if (defaultValue != null) {
            sb.append(" default ").append(defaultValue);
        }
        return sb.toString();
    }

    @Override
    public String toString() {
        return sql();
    }
}
