package dev.permafrost.testkit;

import dev.permafrost.diff.Op;
import dev.permafrost.model.Schema;
import dev.permafrost.model.Table;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Which tables and columns of a schema should carry their values through a migration, and under which
 * names: renames are followed, and a column survives when a column of its (possibly new) name exists on
 * both sides, unless its type changes in a way that may lose values. A column dropped and added again
 * under the same name is expected to keep its values: that is exactly the data loss the check is for.
 */
record Survivors(List<TableMap> tables) {

    /** A table whose rows survive, {@code from} its name before the migration {@code to} its name after. */
    record TableMap(String from, String to, List<ColumnMap> columns) {
    }

    /**
     * A column whose values survive; {@code nullsFilled} when it becomes {@code NOT NULL}, so that a
     * {@code NULL} before may be any value after.
     */
    record ColumnMap(String from, String to, boolean nullsFilled) {
    }

    static Survivors of(Schema before, List<Op> up, Schema after) {
        Map<String, Tracked> byCurrentName = new LinkedHashMap<>();
        for (Table table : before.tables()) {
            Tracked tracked = new Tracked(table.name(), table.name());
            table.columnNames().forEach(column -> tracked.columns.put(column, new Column(column, column)));
            byCurrentName.put(table.name(), tracked);
        }
        for (Op op : up) {
            Tracked table = byCurrentName.get(op.table());
            if (table == null) {
                continue;
            }
            switch (op) {
                case Op.RenameTable rename -> {
                    byCurrentName.remove(rename.table());
                    table.to = rename.newName();
                    byCurrentName.put(rename.newName(), table);
                }
                case Op.RenameColumn rename -> {
                    table.columns.remove(rename.newName());
                    Column column = table.columns.remove(rename.column());
                    if (column != null) {
                        column.to = rename.newName();
                        table.columns.put(rename.newName(), column);
                    }
                }
                case Op.AlterColumn alter -> {
                    Column column = table.columns.get(alter.column());
                    if (column != null && !alter.from().type().fitsInto(alter.to().type())) {
                        table.columns.remove(alter.column());
                    } else if (column != null && alter.from().nullable() && !alter.to().nullable()) {
                        column.nullsFilled = true;
                    }
                }
                case Op.CreateTable o -> { } // moves no table or column
                case Op.DropTable o -> { } // moves no table or column
                case Op.AddColumn o -> { } // moves no table or column
                case Op.DropColumn o -> { } // moves no table or column
                case Op.AddPrimaryKey o -> { } // moves no table or column
                case Op.DropPrimaryKey o -> { } // moves no table or column
                case Op.AddUnique o -> { } // moves no table or column
                case Op.DropUnique o -> { } // moves no table or column
                case Op.CreateIndex o -> { } // moves no table or column
                case Op.DropIndex o -> { } // moves no table or column
                case Op.AddForeignKey o -> { } // moves no table or column
                case Op.DropForeignKey o -> { } // moves no table or column
                case Op.AddCheck o -> { } // moves no table or column
                case Op.DropCheck o -> { } // moves no table or column
                case Op.RenameConstraint o -> { } // moves no table or column
            }
        }
        List<TableMap> tables = new ArrayList<>();
        for (Tracked tracked : byCurrentName.values()) {
            after.table(tracked.to).ifPresent(table -> tables.add(new TableMap(tracked.from, tracked.to,
                    tracked.columns.values().stream().filter(c -> table.column(c.to).isPresent())
                            .map(c -> new ColumnMap(c.from, c.to, c.nullsFilled)).toList())));
        }
        return new Survivors(List.copyOf(tables));
    }

    private static final class Tracked {
        final String from;
        String to;
        final Map<String, Column> columns = new LinkedHashMap<>();

        Tracked(String from, String to) {
            this.from = from;
            this.to = to;
        }
    }

    private static final class Column {
        final String from;
        String to;
        boolean nullsFilled;

        Column(String from, String to) {
            this.from = from;
            this.to = to;
        }
    }
}
