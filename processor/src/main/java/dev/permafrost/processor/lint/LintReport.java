package dev.permafrost.processor.lint;

import dev.permafrost.diff.Op;
import dev.permafrost.message.Message;
import dev.permafrost.message.Severity;
import dev.permafrost.processor.Diagnostics;
import dev.permafrost.processor.Options;
import dev.permafrost.processor.model.ModelBuilder;
import dev.permafrost.processor.read.EntitySource;
import dev.permafrost.processor.read.TypeMapper;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.lang.model.element.Element;

/** Reports {@link Lint}'s findings at the entity or field concerned, with the severity the options give. */
public final class LintReport {

    private LintReport() {
    }

    /**
     * Reports what the operations do to data and returns the comments the stub carries at those operations
     * (operation index → lines).
     *
     * @param version the label of the version being written ({@code 0004})
     */
    public static Map<Integer, List<String>> report(List<Op> ops, ModelBuilder.Model model, Options options, String version,
                                                    Diagnostics diagnostics) {
        Map<Integer, List<String>> notes = new HashMap<>();
        for (Lint.Finding finding : Lint.check(ops)) {
            EntitySource entity = model.sources().get(finding.table());
            Element element = entity == null ? null : entity.type();
            if (entity != null && finding.column() != null) {
                element = entity.columns().stream().filter(c -> c.column().name().equals(finding.column()))
                        .map(EntitySource.ColumnSource::element).findFirst().orElse(entity.type());
            }
            switch (finding.kind()) {
                case DATA_LOSS -> {
                    boolean refuse = options.dataLoss() == Options.DataLoss.ERROR;
                    diagnostics.report(element, refuse ? Severity.ERROR : Severity.WARNING, Message.DATA_LOSS, "V" + version,
                            refuse ? "would" : "will", finding.text(), finding.reason(), refuse
                                    ? " (permafrost.dataLoss=error turns this into an error; make the change in steps that"
                                            + " keep the data, or set -Apermafrost.dataLoss=warn for this build)" : "");
                    notes.computeIfAbsent(finding.op(), i -> new ArrayList<>())
                            .add("Data loss: " + finding.text() + ". " + finding.reason());
                }
                case UNFILLABLE -> report(diagnostics, element, Message.NOT_NULL_WITHOUT_DEFAULT, finding.table(),
                        finding.column(), finding.text(), nullableFix(entity, finding.column()));
                case UNFILLABLE_RENAME -> report(diagnostics, element, Message.NOT_NULL_LOOKS_LIKE_RENAME, finding.table(),
                        finding.column(), finding.table(), finding.text(), finding.text(),
                        nullableFix(entity, finding.column()));
                case RENAME_SUGGESTION -> report(diagnostics, element, Message.RENAME_SUGGESTION, finding.table(),
                        finding.text(), finding.table(), finding.column(), finding.text());
            }
        }
        return notes;
    }

    private static String nullableFix(EntitySource entity, String column) {
        if (entity == null) {
            return "@Column(nullable = true)";
        }
        return entity.columns().stream().filter(c -> c.column().name().equals(column)).findFirst()
                .map(c -> c.element().asType().getKind().isPrimitive()
                        ? "a boxed type such as " + TypeMapper.box(c.element().asType())
                        : "@Column(nullable = true)")
                .orElse("@Column(nullable = true)");
    }

    private static void report(Diagnostics diagnostics, Element element, Message msg, Object... args) {
        if (element == null) {
            diagnostics.report(msg, args);
        } else {
            diagnostics.report(element, msg, args);
        }
    }
}
