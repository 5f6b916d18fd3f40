package dev.permafrost.processor;

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
final class Lint {

    /** What a finding is. */
    enum Kind { DATA_LOSS, UNFILLABLE, RENAME_SUGGESTION }

    /**
     * One finding.
     *
     * @param op the index of the operation it concerns in the up list
     * @param table the table, and {@code column} the column if any, for pointing at the entity
     */
    record Finding(Kind kind, int op, String table, String column, String text, String reason) {
    }

    private Lint() {
    }

    static List<Finding> check(List<Op> ops) {
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
                    if (!o.column().nullable() && !o.column().hasDefault()) {
                        findings.add(new Finding(Kind.UNFILLABLE, i, o.table(), o.column().name(),
                                "added as NOT NULL, but the rows already in the table have no value for it", ""));
                    }
                    for (Column gone : dropped.getOrDefault(o.table(), List.of())) {
                        if (gone.type().fitsInto(o.column().type())) {
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
                default -> {
                    // Other operations keep every row and value.
                }
            }
        }
        return findings;
    }
}
