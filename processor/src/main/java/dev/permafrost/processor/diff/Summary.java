package dev.permafrost.processor.diff;

import dev.permafrost.diff.Op;
import dev.permafrost.snapshot.Snapshot;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The name and description of a migration, derived from its operations: {@code V0002_AddSyncedAtToProducts},
 * "add synced_at to products".
 */
public record Summary(int version, String className, String description) {

    private static final int MAX_NAME = 60;

    public static Summary of(int version, List<Op> ops) {
        String prefix = Snapshot.label(version) + "_";
        if (version == 1) {
            return new Summary(version, prefix + "Baseline", "baseline");
        }
        Set<String> tables = new LinkedHashSet<>();
        ops.forEach(op -> tables.add(op instanceof Op.RenameTable r ? r.newName() : op.table()));
        String name;
        String description;
        if (ops.size() == 1) {
            Op op = ops.get(0);
            name = single(op);
            description = switch (op) {
                case Op.AddColumn o -> "add " + o.column().name() + " to " + o.table();
                case Op.DropColumn o -> "drop " + o.column().name() + " from " + o.table();
                case Op.CreateTable o -> op.describe();
                case Op.DropTable o -> op.describe();
                case Op.RenameTable o -> op.describe();
                case Op.RenameColumn o -> op.describe();
                case Op.AlterColumn o -> op.describe();
                case Op.AddPrimaryKey o -> op.describe();
                case Op.DropPrimaryKey o -> op.describe();
                case Op.AddUnique o -> op.describe();
                case Op.DropUnique o -> op.describe();
                case Op.CreateIndex o -> op.describe();
                case Op.DropIndex o -> op.describe();
                case Op.AddForeignKey o -> op.describe();
                case Op.DropForeignKey o -> op.describe();
                case Op.AddCheck o -> op.describe();
                case Op.DropCheck o -> op.describe();
                case Op.RenameConstraint o -> op.describe();
            };
        } else if (ops.stream().allMatch(Op.CreateTable.class::isInstance)) {
            name = "Create" + joined(tables);
            description = "create tables " + String.join(", ", tables);
        } else if (tables.size() == 1) {
            name = "Alter" + pascal(tables.iterator().next());
            description = "alter " + tables.iterator().next() + ": " + String.join(", ", ops.stream().map(Op::describe).toList());
        } else {
            name = "Alter" + joined(tables);
            description = String.join(", ", ops.stream().map(Op::describe).toList());
        }
        if (name.length() > MAX_NAME) {
            name = name.substring(0, MAX_NAME);
        }
        if (description.length() > 200) {
            description = description.substring(0, 197) + "...";
        }
        return new Summary(version, prefix + name, description);
    }

    private static String single(Op op) {
        return switch (op) {
            case Op.CreateTable o -> "Create" + pascal(o.table());
            case Op.DropTable o -> "Drop" + pascal(o.table());
            case Op.RenameTable o -> "Rename" + pascal(o.table()) + "To" + pascal(o.newName());
            case Op.AddColumn o -> "Add" + pascal(o.column().name()) + "To" + pascal(o.table());
            case Op.DropColumn o -> "Drop" + pascal(o.column().name()) + "From" + pascal(o.table());
            case Op.RenameColumn o -> "Rename" + pascal(o.table()) + pascal(o.column()) + "To" + pascal(o.newName());
            case Op.AlterColumn o -> "Alter" + pascal(o.table()) + pascal(o.column());
            case Op.AddPrimaryKey o -> "AddPrimaryKeyTo" + pascal(o.table());
            case Op.DropPrimaryKey o -> "DropPrimaryKeyFrom" + pascal(o.table());
            case Op.AddUnique o -> "Add" + pascal(o.unique().name());
            case Op.DropUnique o -> "Drop" + pascal(o.unique().name());
            case Op.CreateIndex o -> "Create" + pascal(o.index().name());
            case Op.DropIndex o -> "Drop" + pascal(o.index().name());
            case Op.AddForeignKey o -> "Add" + pascal(o.foreignKey().name());
            case Op.DropForeignKey o -> "Drop" + pascal(o.foreignKey().name());
            case Op.AddCheck o -> "Add" + pascal(o.check().name());
            case Op.DropCheck o -> "Drop" + pascal(o.check().name());
            case Op.RenameConstraint o -> "Rename" + pascal(o.constraint()) + "To" + pascal(o.newName());
        };
    }

    private static String joined(Set<String> tables) {
        List<String> names = List.copyOf(tables);
        if (names.size() == 2) {
            return pascal(names.get(0)) + "And" + pascal(names.get(1));
        }
        return names.size() + "Tables";
    }

    /** {@code features_synced_at} → {@code FeaturesSyncedAt}. */
    public static String pascal(String snake) {
        StringBuilder sb = new StringBuilder();
        for (String part : snake.split("_")) {
            if (!part.isEmpty()) {
                sb.append(part.substring(0, 1).toUpperCase(Locale.ROOT)).append(part.substring(1));
            }
        }
        return sb.toString();
    }
}
