package dev.permafrost.runtime.internal;

import dev.permafrost.diff.Op;
import dev.permafrost.model.Column;

/**
 * Phrases a difference between a live schema and the expected one for people. The operations come from
 * diffing live against expected, so each says what the database lacks or has too many of.
 */
public final class Drift {

    private Drift() {
    }

    public static String describe(Op op) {
        return switch (op) {
            case Op.CreateTable o -> "table " + o.table() + " is missing";
            case Op.DropTable o -> "table " + o.table() + " is in the database but not in the schema";
            case Op.RenameTable o -> "table " + o.newName() + " is called " + o.table() + " in the database";
            case Op.AddColumn o -> "column " + o.table() + "." + o.column().name() + " is missing (expected "
                    + definition(o.column()) + ")";
            case Op.DropColumn o -> "column " + o.table() + "." + o.column().name() + " (" + definition(o.column())
                    + ") is in the database but not in the schema";
            case Op.RenameColumn o -> "column " + o.table() + "." + o.newName() + " is called " + o.column() + " in the database";
            case Op.AlterColumn o -> "column " + o.table() + "." + o.column() + " is " + definition(o.from())
                    + " in the database but " + definition(o.to()) + " in the schema";
            case Op.AddPrimaryKey o -> "primary key " + o.key().name() + " of " + o.table() + " is missing";
            case Op.DropPrimaryKey o -> "primary key " + o.key().name() + " of " + o.table() + " is not in the schema";
            case Op.AddUnique o -> "unique constraint " + o.unique().name() + " of " + o.table() + " is missing";
            case Op.DropUnique o -> "unique constraint " + o.unique().name() + " of " + o.table() + " is not in the schema";
            case Op.CreateIndex o -> "index " + o.index().name() + " of " + o.table() + " is missing";
            case Op.DropIndex o -> "index " + o.index().name() + " of " + o.table() + " is not in the schema";
            case Op.AddForeignKey o -> "foreign key " + o.foreignKey().name() + " of " + o.table() + " is missing";
            case Op.DropForeignKey o -> "foreign key " + o.foreignKey().name() + " of " + o.table()
                    + " (" + o.foreignKey().sql() + ") is not in the schema";
            case Op.AddCheck o -> "check " + o.check().name() + " of " + o.table() + " is missing";
            case Op.DropCheck o -> "check " + o.check().name() + " of " + o.table() + " (" + o.check().condition()
                    + ") is not in the schema";
            case Op.RenameConstraint o -> o.newName() + " of " + o.table() + " is called " + o.constraint() + " in the database";
        };
    }

    private static String definition(Column column) {
        String natives = column.type().nativesText();
        return "'" + column.definitionSql() + "'" + (natives.isEmpty() ? "" : " " + natives)
                + (column.sequence() == null ? "" : " taking values from " + column.sequence());
    }
}
