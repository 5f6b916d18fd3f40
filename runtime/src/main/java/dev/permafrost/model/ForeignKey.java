package dev.permafrost.model;

import java.util.List;
import java.util.Locale;

/** A foreign key from columns of its table to columns of {@code referencedTable}. */
public record ForeignKey(String name, List<String> columns, String referencedTable, List<String> referencedColumns,
                         Action onDelete, Action onUpdate) implements Constraint {

    /** The referential actions, in their canonical SQL spelling. */
    public enum Action {
        NO_ACTION,
        RESTRICT,
        CASCADE,
        SET_NULL,
        SET_DEFAULT;

        public String sql() {
            return name().replace('_', ' ').toLowerCase(Locale.ROOT);
        }
    }

    public ForeignKey {
        Names.requireIdentifier(name, "foreign key name");
        columns = Names.requireColumns(columns, name);
        Names.requireIdentifier(referencedTable, "referenced table of " + name);
        referencedColumns = Names.requireColumns(referencedColumns, name);
        if (columns.size() != referencedColumns.size()) {
            throw new IllegalArgumentException("foreign key " + name + " has " + columns.size()
                    + " columns but references " + referencedColumns.size());
        }
        if (onDelete == null || onUpdate == null) {
            throw new IllegalArgumentException("foreign key " + name + " needs onDelete and onUpdate actions");
        }
    }

    @Override
    public ForeignKey withName(String newName) {
        return new ForeignKey(newName, columns, referencedTable, referencedColumns, onDelete, onUpdate);
    }

    @Override
    public ForeignKey withColumns(List<String> newColumns) {
        return new ForeignKey(name, newColumns, referencedTable, referencedColumns, onDelete, onUpdate);
    }

    public ForeignKey withReference(String table, List<String> newReferencedColumns) {
        return new ForeignKey(name, columns, table, newReferencedColumns, onDelete, onUpdate);
    }

    @Override
    public String sql() {
        StringBuilder sb = new StringBuilder("constraint ").append(Names.quoted(name))
                .append(" foreign key (").append(Names.quotedList(columns)).append(") references ")
                .append(Names.quoted(referencedTable)).append(" (").append(Names.quotedList(referencedColumns)).append(')');
        if (onDelete != Action.NO_ACTION) {
            sb.append(" on delete ").append(onDelete.sql());
        }
        if (onUpdate != Action.NO_ACTION) {
            sb.append(" on update ").append(onUpdate.sql());
        }
        return sb.toString();
    }
}
