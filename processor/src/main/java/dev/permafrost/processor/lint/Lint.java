package dev.permafrost.processor.lint;

import dev.permafrost.diff.Op;
import dev.permafrost.model.Column;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What a migration's operations can do to data: operations that lose it (warnings, or errors with
 * {@code permafrost.dataLoss=error}), columns that cannot be filled (errors), and drop-and-add pairs that
 * look like a rename (warnings). Pure: it reads operations and reports findings.
 */
public final class Lint {

    /**
     * What a finding is. {@code UNFILLABLE_RENAME} is an unfillable column added where a compatible one is
     * dropped: most likely a renamed field, so the error leads with {@code @RenamedFrom} (its text is the old name).
     */
    public enum Kind { DATA_LOSS, UNFILLABLE, UNFILLABLE_RENAME, RENAME_SUGGESTION }

    /**
     * One finding.
     *
     * @param op the index of the operation it concerns in the up list
     * @param table the table, and {@code column} the column if any, for pointing at the entity
     */
    public record Finding(Kind kind, int op, String table, String column, String text, String reason) {
    }

    private Lint() {
    }

    public static List<Finding> check(List<Op> ops) {
        List<Finding> findings = new ArrayList<>();
        Map<String, List<Column>> dropped = new HashMap<>();
        for (int i = 0; i < ops.size(); i++) {
            Op op = ops.get(i);
            switch (op) {
                case Op.DropTable o -> findings.add(new Finding(Kind.DATA_LOSS, i, o.table(), null,
                        "drop table " + o.table(), "Every row of it is deleted; down() recreates the table empty."));
                case Op.DropColumn o -> {
                    findings.add(new Finding(Kind.DATA_LOSS, i, o.table(), o.column().name(),
                            "drop column " + o.table() + "." + o.column().name(),
                            "Its values are deleted; down() adds the column back without them."));
                    dropped.computeIfAbsent(o.table(), t -> new ArrayList<>()).add(o.column());
                }
                case Op.AddColumn o -> {
                    List<Column> renamed = dropped.getOrDefault(o.table(), List.of()).stream()
                            .filter(gone -> gone.type().fitsInto(o.column().type())).toList();
                    if (!o.column().nullable() && !o.column().hasDefault()) {
                        findings.add(renamed.isEmpty()
                                ? new Finding(Kind.UNFILLABLE, i, o.table(), o.column().name(),
                                        "added as NOT NULL, but the rows already in the table have no value for it", "")
                                : new Finding(Kind.UNFILLABLE_RENAME, i, o.table(), o.column().name(),
                                        renamed.get(0).name(), ""));
                    } else {
                        for (Column gone : renamed) {
                            findings.add(new Finding(Kind.RENAME_SUGGESTION, i, o.table(), o.column().name(),
                                    gone.name(), ""));
                        }
                    }
                }
                case Op.AlterColumn o -> {
                    if (o.from().nullable() && !o.to().nullable() && o.effectiveFill() == null) {
                        findings.add(new Finding(Kind.UNFILLABLE, i, o.table(), o.column(),
                                "made NOT NULL, but rows already in the table may hold NULL in it", ""));
                    }
                    if (!o.from().type().fitsInto(o.to().type())) {
                        findings.add(new Finding(Kind.DATA_LOSS, i, o.table(), o.column(),
                                "narrow " + o.table() + "." + o.column() + " from " + o.from().type() + " to " + o.to().type(),
                                "Values that do not fit the new type are cut short or rejected."));
                    }
                }
                case Op.CreateTable o -> { } // keeps every row and value
                case Op.RenameTable o -> { } // keeps every row and value
                case Op.RenameColumn o -> { } // keeps every row and value
                case Op.AddPrimaryKey o -> { } // keeps every row and value
                case Op.DropPrimaryKey o -> { } // keeps every row and value
                case Op.AddUnique o -> { } // keeps every row and value
                case Op.DropUnique o -> { } // keeps every row and value
                case Op.CreateIndex o -> { } // keeps every row and value
                case Op.DropIndex o -> { } // keeps every row and value
                case Op.AddForeignKey o -> { } // keeps every row and value
                case Op.DropForeignKey o -> { } // keeps every row and value
                case Op.AddCheck o -> { } // keeps every row and value
                case Op.DropCheck o -> { } // keeps every row and value
                case Op.RenameConstraint o -> { } // keeps every row and value
            }
        }
        return findings;
    }
}
