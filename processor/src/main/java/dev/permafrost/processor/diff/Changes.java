package dev.permafrost.processor.diff;

import dev.permafrost.diff.DiffException;
import dev.permafrost.diff.Differ;
import dev.permafrost.diff.Op;
import dev.permafrost.message.Message;
import dev.permafrost.model.Schema;
import dev.permafrost.model.Table;
import dev.permafrost.processor.Abort;
import dev.permafrost.processor.Diagnostics;
import dev.permafrost.processor.model.ModelBuilder;
import dev.permafrost.processor.read.Annotations;
import dev.permafrost.processor.read.SourceCoverage;
import dev.permafrost.snapshot.FrozenFiles;
import dev.permafrost.snapshot.Snapshot;
import dev.permafrost.snapshot.SnapshotException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;

/**
 * What this compilation changes: the operations from the newest snapshot ({@code from}) to the model.
 * When the model's canonical form, its columns in the snapshot's order ({@link FrozenOrder}), equals the snapshot's,
 * there is nothing to do and the snapshot is not even parsed.
 *
 * @param newest the newest frozen version (0 when there is none)
 * @param from the newest snapshot's schema (the empty schema before the first)
 */
public record Changes(int newest, Schema from, List<Op> ops) {

    public boolean none() {
        return ops.isEmpty();
    }

    /**
     * The changes, after checking that every {@code @RenamedFrom} names something the snapshot has and that
     * every dropped table is proven gone; throws {@link Abort} once a problem is reported.
     *
     * @param unfound tables of the snapshot whose entity this compilation could not find (table → class)
     * @param coverage how much of the source root this compilation holds, asked only when such a table is dropped
     */
    public static Changes between(FrozenFiles frozen, ModelBuilder.Model model, Map<String, String> unfound,
                                  Path sourceRoot, Supplier<SourceCoverage> coverage, Diagnostics diagnostics) {
        int newest = frozen.newestVersion();
        try {
            if (newest > 0 && model.hints().tables().isEmpty() && model.hints().columns().isEmpty()) {
                Schema ordered = FrozenOrder.matching(model.schema(), frozen.body(newest));
                if (ordered != null) {
                    return new Changes(newest, ordered, List.of());
                }
            }
            Schema from = newest == 0 ? Schema.empty() : frozen.snapshot(newest).schema();
            if (newest > 0 && !renamesFit(from, model, diagnostics)) {
                throw Abort.reported();
            }
            List<Op> ops = Differ.diff(from, model.schema(), model.hints());
            if (!dropsAreProven(ops, unfound, sourceRoot, coverage, Snapshot.fileName(newest), diagnostics)) {
                throw Abort.reported();
            }
            return new Changes(newest, from, ops);
        } catch (SnapshotException e) {
            diagnostics.reportText(null, e.code(), e.getMessage());
            throw Abort.reported();
        } catch (DiffException e) {
            diagnostics.reportText(model.sources().values().iterator().next().type(), e.code(), e.getMessage());
            throw Abort.reported();
        }
    }

    /** Whether every {@code @RenamedFrom} names something in the newest snapshot, or a rename already done. */
    private static boolean renamesFit(Schema from, ModelBuilder.Model model, Diagnostics diagnostics) {
        int before = diagnostics.errors();
        model.hints().tables().forEach((table, old) -> {
            if (!from.hasTable(old) && !from.hasTable(table)) {
                TypeElement type = model.sources().get(table).type();
                diagnostics.report(type, Annotations.find(type, Annotations.RENAMED_FROM), Message.RENAMED_FROM_UNKNOWN, old,
                        type.getSimpleName(), "snapshot", "table", old, "table", table);
            }
        });
        model.hints().columns().forEach((table, renames) -> {
            String oldTable = model.hints().tables().getOrDefault(table, table);
            Table current = from.table(table).or(() -> from.table(oldTable)).orElse(null);
            renames.forEach((column, old) -> {
                if (current != null && !current.hasColumn(old) && !current.hasColumn(column)) {
                    Element element = model.sources().get(table).columns().stream()
                            .filter(c -> c.column().name().equals(column)).findFirst().orElseThrow().element();
                    diagnostics.report(element, Annotations.find(element, Annotations.RENAMED_FROM),
                            Message.RENAMED_FROM_UNKNOWN, old, element.getSimpleName(), "table " + current.name(), "column",
                            old, "column", column);
                }
            });
        });
        return diagnostics.errors() == before;
    }

    /**
     * Whether every table the operations drop is proven gone: its entity was found and changed, or this
     * compilation holds every source of the module. A partial compilation (an IDE's, or one whose class
     * files were deleted) that cannot find an entity must not write the drop of its table.
     */
    private static boolean dropsAreProven(List<Op> ops, Map<String, String> unfound, Path sourceRoot,
                                          Supplier<SourceCoverage> coverage,
                                          String snapshotFile, Diagnostics diagnostics) {
        List<String> unproven = ops.stream().filter(Op.DropTable.class::isInstance).map(Op::table)
                .filter(unfound::containsKey).toList();
        if (unproven.isEmpty()) {
            return true;
        }
        SourceCoverage covered = coverage.get();
        if (covered.full()) {
            return true;
        }
        for (String table : unproven) {
            diagnostics.report(Message.DROP_NOT_PROVEN, table, unfound.get(table), snapshotFile,
                    covered.compiled(), covered.total(), sourceRoot, table);
        }
        return false;
    }
}
