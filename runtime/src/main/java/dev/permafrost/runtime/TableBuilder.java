package dev.permafrost.runtime;

import dev.permafrost.model.Check;
import dev.permafrost.model.Column;
import dev.permafrost.model.ForeignKey;
import dev.permafrost.model.Index;
import dev.permafrost.model.PrimaryKey;
import dev.permafrost.model.Table;
import dev.permafrost.model.Unique;
import java.util.ArrayList;
import java.util.List;

/** A table definition under construction for {@link Operations#createTable}; see {@link Ddl#table}. */
public final class TableBuilder {

    private final String name;
    private final List<Column> columns = new ArrayList<>();
    private final List<Unique> uniques = new ArrayList<>();
    private final List<Index> indexes = new ArrayList<>();
    private final List<ForeignKey> foreignKeys = new ArrayList<>();
    private final List<Check> checks = new ArrayList<>();
    private PrimaryKey primaryKey;

    TableBuilder(String name) {
        this.name = name;
    }

    public TableBuilder column(Column column) {
        columns.add(column);
        return this;
    }

    public TableBuilder primaryKey(String constraint, String... keyColumns) {
        if (primaryKey != null) {
            throw new IllegalStateException("table " + name + " already has primary key " + primaryKey.name());
        }
        primaryKey = new PrimaryKey(constraint, List.of(keyColumns));
        return this;
    }

    public TableBuilder unique(String constraint, String... uniqueColumns) {
        uniques.add(new Unique(constraint, List.of(uniqueColumns)));
        return this;
    }

    public TableBuilder index(String index, String... indexColumns) {
        indexes.add(new Index(index, List.of(indexColumns), false));
        return this;
    }

    public TableBuilder uniqueIndex(String index, String... indexColumns) {
        indexes.add(new Index(index, List.of(indexColumns), true));
        return this;
    }

    public TableBuilder foreignKey(ForeignKeyBuilder foreignKey) {
        foreignKeys.add(foreignKey.build());
        return this;
    }

    public TableBuilder check(String constraint, String condition) {
        checks.add(new Check(constraint, condition));
        return this;
    }

    /** The finished table. */
    public Table build() {
        return new Table(name, columns, primaryKey, uniques, indexes, foreignKeys, checks);
    }
}
