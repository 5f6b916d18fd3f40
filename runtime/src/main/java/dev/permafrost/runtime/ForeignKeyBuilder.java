package dev.permafrost.runtime;

import dev.permafrost.model.ForeignKey;
import java.util.List;

/** An immutable foreign key definition under construction; see {@link Ddl#foreignKey}. */
public final class ForeignKeyBuilder {

    private final String name;
    private final List<String> columns;
    private final String referencedTable;
    private final List<String> referencedColumns;
    private final ForeignKey.Action onDelete;
    private final ForeignKey.Action onUpdate;

    ForeignKeyBuilder(String name, List<String> columns, String referencedTable, List<String> referencedColumns,
                      ForeignKey.Action onDelete, ForeignKey.Action onUpdate) {
        this.name = name;
        this.columns = List.copyOf(columns);
        this.referencedTable = referencedTable;
        this.referencedColumns = List.copyOf(referencedColumns);
        this.onDelete = onDelete;
        this.onUpdate = onUpdate;
    }

    public ForeignKeyBuilder references(String table, String... tableColumns) {
        return new ForeignKeyBuilder(name, columns, table, List.of(tableColumns), onDelete, onUpdate);
    }

    public ForeignKeyBuilder onDelete(ForeignKey.Action action) {
        return new ForeignKeyBuilder(name, columns, referencedTable, referencedColumns, action, onUpdate);
    }

    public ForeignKeyBuilder onUpdate(ForeignKey.Action action) {
        return new ForeignKeyBuilder(name, columns, referencedTable, referencedColumns, onDelete, action);
    }

    /** The finished foreign key. */
    public ForeignKey build() {
        if (referencedTable == null) {
            throw new IllegalStateException("foreign key " + name + " needs .references(table, columns...)");
        }
        return new ForeignKey(name, columns, referencedTable, referencedColumns, onDelete, onUpdate);
    }
}
