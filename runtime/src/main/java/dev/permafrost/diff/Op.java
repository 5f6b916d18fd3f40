package dev.permafrost.diff;

import dev.permafrost.model.Check;
import dev.permafrost.model.Column;
import dev.permafrost.model.ColumnType;
import dev.permafrost.model.ForeignKey;
import dev.permafrost.model.Index;
import dev.permafrost.model.PrimaryKey;
import dev.permafrost.model.Table;
import dev.permafrost.model.Unique;
import java.util.List;

/**
 * One explicit schema operation. Every operation carries what its inverse needs (a dropped column keeps
 * its definition), so {@link #inverse()} is exact and {@code down} is generated, never guessed.
 */
public sealed interface Op {

    /** The table this operation acts on; for a rename, the table's name before it. */
    String table();

    /** Creates a table with its columns, keys, checks, foreign keys and indexes. */
    record CreateTable(Table definition) implements Op {
        @Override
        public String table() {
            return definition.name();
        }
    }

    /** Drops a table; {@code definition} is what the inverse recreates (schema only). */
    record DropTable(Table definition) implements Op {
        @Override
        public String table() {
            return definition.name();
        }
    }

    record RenameTable(String table, String newName) implements Op {
    }

    record AddColumn(String table, Column column) implements Op {
    }

    /** Drops a column; {@code column} is what the inverse adds back (schema only). */
    record DropColumn(String table, Column column) implements Op {
    }

    record RenameColumn(String table, String column, String newName) implements Op {
    }

    /**
     * Changes a column's type, nullability or default ({@code from} and {@code to} have the same name).
     *
     * @param fillNulls SQL literal written into rows holding {@code NULL} before the column becomes
     *     {@code NOT NULL}; {@code null} when nothing needs filling or the new default should be used
     */
    record AlterColumn(String table, Column from, Column to, String fillNulls) implements Op {
        public AlterColumn {
            if (!from.name().equals(to.name())) {
                throw new IllegalArgumentException("alterColumn changes " + from.name() + " into " + to.name()
                        + "; use renameColumn for a rename");
            }
        }

        public String column() {
            return to.name();
        }

        public boolean typeChanges() {
            return !from.type().equals(to.type());
        }

        public boolean nullabilityChanges() {
            return from.nullable() != to.nullable();
        }

        public boolean defaultChanges() {
            return !java.util.Objects.equals(from.defaultValue(), to.defaultValue());
        }

        /** Whether the column starts, stops or changes taking values from a sequence. */
        public boolean sequenceChanges() {
            return !java.util.Objects.equals(from.sequence(), to.sequence());
        }

        /** Whether the database starts or stops numbering the column. */
        public boolean identityChanges() {
            return from.identity() != to.identity();
        }

        /** What fills {@code NULL}s when the column becomes {@code NOT NULL}: the explicit fill, else the new default. */
        public String effectiveFill() {
            return fillNulls != null ? fillNulls : to.defaultValue();
        }
    }

    record AddPrimaryKey(String table, PrimaryKey key) implements Op {
    }

    record DropPrimaryKey(String table, PrimaryKey key) implements Op {
    }

    record AddUnique(String table, Unique unique) implements Op {
    }

    record DropUnique(String table, Unique unique) implements Op {
    }

    record CreateIndex(String table, Index index) implements Op {
    }

    record DropIndex(String table, Index index) implements Op {
    }

    record AddForeignKey(String table, ForeignKey foreignKey) implements Op {
    }

    record DropForeignKey(String table, ForeignKey foreignKey) implements Op {
    }

    record AddCheck(String table, Check check) implements Op {
    }

    record DropCheck(String table, Check check) implements Op {
    }

    /** Renames a primary key, unique constraint, index, foreign key or check of {@code table}. */
    record RenameConstraint(String table, String constraint, String newName) implements Op {
    }

    /**
     * The name of a table this operation brings into being in its migration (a new table, or a rename's new name),
     * which held no rows before it: nothing there to protect from locks. {@code null} for every other operation.
     */
    default String newTableName() {
        return switch (this) {
            case CreateTable op -> op.table();
            case RenameTable op -> op.newName();
            default -> null;
        };
    }

    /** What this operation does, for people: {@code add column synced_at to products}. */
    default String describe() {
        return switch (this) {
            case CreateTable op -> "create table " + op.table();
            case DropTable op -> "drop table " + op.table();
            case RenameTable op -> "rename table " + op.table() + " to " + op.newName();
            case AddColumn op -> "add column " + op.column().name() + " to " + op.table();
            case DropColumn op -> "drop column " + op.column().name() + " from " + op.table();
            case RenameColumn op -> "rename column " + op.table() + "." + op.column() + " to " + op.newName();
            case AlterColumn op when op.sequenceChanges() -> sequenceChange(op);
            case AlterColumn op -> op.from().withIdentity(op.to().identity()).equals(op.to())
                    ? "make " + op.table() + "." + op.column() + (op.to().identity() ? " an identity" : " a plain column")
                    : "alter column " + op.table() + "." + op.column() + " to " + op.to().definitionSql()
                    + (op.from().type().natives().equals(op.to().type().natives()) ? ""
                    : op.to().type().natives().isEmpty() ? " (no native type)"
                    : " " + op.to().type().nativesText());
            case AddPrimaryKey op -> "add primary key " + op.key().name() + " to " + op.table();
            case DropPrimaryKey op -> "drop primary key " + op.key().name() + " from " + op.table();
            case AddUnique op -> "add unique constraint " + op.unique().name() + " to " + op.table();
            case DropUnique op -> "drop unique constraint " + op.unique().name() + " from " + op.table();
            case CreateIndex op -> "create index " + op.index().name() + " on " + op.table();
            case DropIndex op -> "drop index " + op.index().name() + " from " + op.table();
            case AddForeignKey op -> "add foreign key " + op.foreignKey().name() + " to " + op.table();
            case DropForeignKey op -> "drop foreign key " + op.foreignKey().name() + " from " + op.table();
            case AddCheck op -> "add check " + op.check().name() + " to " + op.table();
            case DropCheck op -> "drop check " + op.check().name() + " from " + op.table();
            case RenameConstraint op -> "rename " + op.constraint() + " of " + op.table() + " to " + op.newName();
        };
    }

    /**
     * The operations that undo this one, in order. Undoing a drop restores the schema only; a dropped
     * {@code NOT NULL} column without default comes back filled with its type's zero value.
     */
    default List<Op> inverse() {
        return switch (this) {
            case CreateTable op -> List.of(new DropTable(op.definition()));
            case DropTable op -> List.of(new CreateTable(op.definition()));
            case RenameTable op -> List.of(new RenameTable(op.newName(), op.table()));
            case AddColumn op -> List.of(new DropColumn(op.table(), op.column()));
            case DropColumn op -> restoreColumn(op.table(), op.column());
            case RenameColumn op -> List.of(new RenameColumn(op.table(), op.newName(), op.column()));
            case AlterColumn op -> List.of(new AlterColumn(op.table(), op.to(), op.from(),
                    op.to().nullable() && !op.from().nullable() && !op.from().hasDefault()
                            ? zeroValue(op.from().type()) : null));
            case AddPrimaryKey op -> List.of(new DropPrimaryKey(op.table(), op.key()));
            case DropPrimaryKey op -> List.of(new AddPrimaryKey(op.table(), op.key()));
            case AddUnique op -> List.of(new DropUnique(op.table(), op.unique()));
            case DropUnique op -> List.of(new AddUnique(op.table(), op.unique()));
            case CreateIndex op -> List.of(new DropIndex(op.table(), op.index()));
            case DropIndex op -> List.of(new CreateIndex(op.table(), op.index()));
            case AddForeignKey op -> List.of(new DropForeignKey(op.table(), op.foreignKey()));
            case DropForeignKey op -> List.of(new AddForeignKey(op.table(), op.foreignKey()));
            case AddCheck op -> List.of(new DropCheck(op.table(), op.check()));
            case DropCheck op -> List.of(new AddCheck(op.table(), op.check()));
            case RenameConstraint op -> List.of(new RenameConstraint(op.table(), op.newName(), op.constraint()));
        };
    }

    /** A column change that gives, takes away or renames the sequence the column takes values from. */
    private static String sequenceChange(AlterColumn op) {
        String where = op.table() + "." + op.column();
        var from = op.from().sequence();
        var to = op.to().sequence();
        String change;
        if (to == null) {
            change = op.to().identity() ? "make " + where + " an identity instead of taking values from " + from.name()
                    : "stop " + where + " taking values from " + from.name();
        } else if (from != null && from.start() == to.start() && from.increment() == to.increment()) {
            change = "rename sequence " + from.name() + " of " + where + " to " + to.name();
        } else {
            change = "make " + where + " take values from " + to + (op.from().identity() ? " instead of an identity" : "");
        }
        boolean onlyThat = op.from().withSequence(null).withIdentity(false)
                .equals(op.to().withSequence(null).withIdentity(false));
        return onlyThat ? change : change + ", and alter it to " + op.to().definitionSql();
    }

    /** The inverse of a whole list: each operation's inverse, last operation first. */
    static List<Op> inverseOf(List<Op> ops) {
        List<Op> inverse = new java.util.ArrayList<>();
        for (int i = ops.size() - 1; i >= 0; i--) {
            inverse.addAll(ops.get(i).inverse());
        }
        return List.copyOf(inverse);
    }

    private static List<Op> restoreColumn(String table, Column column) {
        if (column.nullable() || column.hasDefault()) {
            return List.of(new AddColumn(table, column));
        }
        Column filled = column.defaultValue(zeroValue(column.type()));
        return List.of(new AddColumn(table, filled), new AlterColumn(table, filled, column, null));
    }

    /** The canonical SQL literal of a type's zero value, used to refill rows a downgrade cannot restore. */
    static String zeroValue(ColumnType type) {
        return switch (type.kind()) {
            case BOOLEAN -> "false";
            case SMALLINT, INTEGER, BIGINT, DECIMAL, REAL, DOUBLE -> "0";
            case VARCHAR, TEXT -> "''";
            case DATE -> "date '1970-01-01'";
            case TIME -> "time '00:00:00'";
            case TIMESTAMP -> "timestamp '1970-01-01 00:00:00'";
            case TIMESTAMP_TZ -> "timestamp with time zone '1970-01-01 00:00:00+00:00'";
            case UUID -> "'00000000-0000-0000-0000-000000000000'";
            case BLOB -> "X''";
            case JSON -> "'{}'";
        };
    }
}
