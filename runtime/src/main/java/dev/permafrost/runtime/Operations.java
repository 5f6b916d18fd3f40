package dev.permafrost.runtime;

import dev.permafrost.model.Column;

/**
 * What a {@link Migration} records, in order. Schema operations are rendered for the database at hand
 * (on SQLite, changes {@code ALTER TABLE} cannot make rebuild the table and keep its rows); operations
 * that name an existing table, column or constraint take its definition from the schema as it stands
 * at that point of the migration. Expressions (defaults, checks) are SQL, parsed and rendered per
 * database.
 *
 * @see Ddl for {@code table(..)}, {@code column(..)}, types and foreign keys
 */
public interface Operations {

    void createTable(TableBuilder table);

    /** Drops a table and its rows. Its definition is kept so that the inverse can recreate it, empty. */
    void dropTable(String table);

    void renameTable(String table, String newName);

    void addColumn(String table, Column column);

    /** Drops a column and its values. */
    void dropColumn(String table, String column);

    void renameColumn(String table, String column, String newName);

    /**
     * Gives an existing column a new definition (type, nullability, default). A column becoming
     * {@code NOT NULL} has its {@code NULL}s replaced by the new default first.
     */
    void alterColumn(String table, Column column);

    /** Like {@link #alterColumn(String, Column)}, replacing {@code NULL}s with {@code fillNullsWith} (SQL). */
    void alterColumn(String table, Column column, String fillNullsWith);

    void addPrimaryKey(String table, String name, String... columns);

    void dropPrimaryKey(String table);

    void addUnique(String table, String name, String... columns);

    void dropUnique(String table, String name);

    void createIndex(String table, String name, String... columns);

    void createUniqueIndex(String table, String name, String... columns);

    void dropIndex(String table, String name);

    void addForeignKey(String table, ForeignKeyBuilder foreignKey);

    void dropForeignKey(String table, String name);

    void addCheck(String table, String name, String condition);

    void dropCheck(String table, String name);

    /** Renames a primary key, unique constraint, index, foreign key or check. */
    void renameConstraint(String table, String name, String newName);

    /**
     * Runs one SQL statement as written, for data changes. Permafrost does not read it: a schema change
     * made here is invisible to snapshots, drift checks and SQLite rebuilds; use the operations above.
     */
    void sql(String statement);

    /** Runs a data step with jOOQ, for example a backfill; {@code description} appears in logs and plans. */
    void execute(String description, DataStep step);
}
