package dev.permafrost.processor.lint;

import dev.permafrost.diff.Op;
import dev.permafrost.message.Message;
import dev.permafrost.model.ColumnType;
import dev.permafrost.processor.Target;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What a migration's operations still do to a populated table on the declared production databases, with the
 * runtime's lock-safe forms on: rewrites and copies that block every reader and writer (PF510, PF511), and changes
 * that break instances of the previous release during a rolling deploy (PF512, PF513). Pure: it reads operations and
 * reports findings; a table the migration creates has nothing to protect.
 */
public final class LockLint {

    /**
     * One finding.
     *
     * @param op the index of the operation in the up list
     * @param table the table, and {@code column} the column if any, for pointing at the entity
     * @param args the message's arguments after the version and before where to acknowledge it
     */
    public record Finding(Message message, int op, String table, String column, List<Object> args, String note) {
    }

    /**
     * Functions PostgreSQL evaluates once per row, so a default calling one cannot be stored once for all rows, as
     * defaults are written canonically ({@code random()} is {@code rand()}, {@code gen_random_uuid()} {@code uuid()}).
     */
    private static final List<String> VOLATILE = List.of("rand(", "random(", "uuid(", "uuid_generate_v",
            "clock_timestamp(", "timeofday(", "nextval(", "statement_timestamp(");

    private LockLint() {
    }

    /** @param targets the databases declared with {@code permafrost.databases} */
    public static List<Finding> check(List<Op> ops, Set<Target> targets) {
        boolean postgres = targets.contains(Target.POSTGRESQL);
        boolean mariadb = targets.contains(Target.MARIADB);
        List<Finding> findings = new ArrayList<>();
        if (!postgres && !mariadb) {
            return findings;
        }
        Set<String> created = new HashSet<>();
        for (int i = 0; i < ops.size(); i++) {
            Op op = ops.get(i);
            if (op.newTableName() != null) {
                created.add(op.newTableName());
            }
            if (created.contains(op.table()) && !(op instanceof Op.RenameTable)) {
                continue;
            }
            switch (op) {
                case Op.AlterColumn o when o.typeChanges() -> {
                    String change = "changes " + o.table() + "." + o.column() + " from " + o.from().type() + " to "
                            + o.to().type();
                    if (postgres && rewritesOnPostgres(o.from().type(), o.to().type())) {
                        findings.add(new Finding(Message.TABLE_REWRITE, i, o.table(), o.column(), List.of(change,
                                "PostgreSQL", "rewrites the table under an ACCESS EXCLUSIVE lock"),
                                "Locks: on PostgreSQL this rewrites the table under an ACCESS EXCLUSIVE lock."));
                    } else if (mariadb && copiesOnMariaDb(o.from().type(), o.to().type())) {
                        findings.add(new Finding(Message.TABLE_REWRITE, i, o.table(), o.column(), List.of(change,
                                "MariaDB", "copies the table (ALGORITHM=COPY) and blocks its writers"),
                                "Locks: on MariaDB this copies the table and blocks its writers."));
                    }
                }
                case Op.AddColumn o when postgres && o.column().hasDefault() && volatileDefault(o.column().defaultValue()) ->
                        findings.add(new Finding(Message.VOLATILE_DEFAULT, i, o.table(), o.column().name(),
                                List.of(o.table(), o.column().name(), o.column().defaultValue()),
                                "Locks: the volatile default rewrites the table on PostgreSQL."));
                case Op.RenameTable o -> findings.add(new Finding(Message.RENAME_IN_USE, i, o.newName(), null,
                        List.of("table " + o.table(), o.newName()), "Rolling deploy: instances of the previous release"
                                + " still use table " + o.table() + "."));
                case Op.RenameColumn o -> findings.add(new Finding(Message.RENAME_IN_USE, i, o.table(), o.newName(),
                        List.of("column " + o.table() + "." + o.column(), o.newName()), "Rolling deploy: instances of"
                                + " the previous release still use column " + o.table() + "." + o.column() + "."));
                case Op.DropColumn o -> findings.add(new Finding(Message.DROP_STILL_MAPPED, i, o.table(), null,
                        List.of("column " + o.table() + "." + o.column().name()), "Rolling deploy: the previous"
                                + " release still maps this column."));
                case Op.DropTable o -> findings.add(new Finding(Message.DROP_STILL_MAPPED, i, o.table(), null,
                        List.of("table " + o.table()), "Rolling deploy: the previous release still maps this table."));
                default -> {
                }
            }
        }
        return findings;
    }

    /**
     * Whether PostgreSQL rewrites the table to change {@code from} into {@code to}: all changes but the
     * binary-compatible ones (a longer varchar, varchar to text, a decimal with more digits and the same scale).
     */
    static boolean rewritesOnPostgres(ColumnType from, ColumnType to) {
        return switch (from.kind()) {
            case VARCHAR -> !(to.kind() == ColumnType.Kind.TEXT
                    || to.kind() == ColumnType.Kind.VARCHAR && to.length() >= from.length());
            case DECIMAL -> !(to.kind() == ColumnType.Kind.DECIMAL && to.scale() == from.scale()
                    && to.precision() >= from.precision());
            default -> true;
        };
    }

    /**
     * Whether MariaDB copies the table: all type changes but a longer varchar whose length prefix keeps its size
     * (up to 63 characters of utf8mb4 in one byte, or beyond in two), which InnoDB does in place.
     */
    static boolean copiesOnMariaDb(ColumnType from, ColumnType to) {
        if (from.kind() == ColumnType.Kind.VARCHAR && to.kind() == ColumnType.Kind.VARCHAR && to.length() >= from.length()) {
            return (from.length() <= 63) != (to.length() <= 63);
        }
        return true;
    }

    static boolean volatileDefault(String expression) {
        String lower = expression.toLowerCase(Locale.ROOT).replace(" ", "");
        return VOLATILE.stream().anyMatch(lower::contains);
    }
}
