package dev.permafrost.processor.lint;

import dev.permafrost.diff.Op;
import dev.permafrost.message.Message;
import dev.permafrost.message.Severity;
import dev.permafrost.processor.Diagnostics;
import dev.permafrost.processor.Options;
import dev.permafrost.processor.model.ModelBuilder;
import dev.permafrost.processor.read.Annotations;
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
     * Reports what the operations do to data (and, on the declared production databases, to locks and to instances of
     * the previous release) and returns the comments the stub carries at those operations
     * (operation index → lines).
     *
     * @param version the label of the version being written ({@code 0004})
     */
    public static Map<Integer, List<String>> report(List<Op> ops, ModelBuilder.Model model, Options options, String version,
                                                    Diagnostics diagnostics) {
        Map<Integer, List<String>> notes = new HashMap<>();
        for (Lint.Finding finding : Lint.check(ops)) {
            EntitySource entity = model.sources().get(finding.table());
            Element element = element(model, finding.table(), finding.column());
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
        if (options.locks() != Options.Locks.OFF) {
            for (LockLint.Finding finding : LockLint.check(ops, options.declared())) {
                Element element = element(model, finding.table(), finding.column());
                EntitySource entity = model.sources().get(finding.table());
                if (acknowledged(element, finding.message().code()) || entity != null
                        && acknowledged(entity.type(), finding.message().code())) {
                    continue;
                }
                boolean refuse = options.locks() == Options.Locks.ERROR;
                List<Object> args = new ArrayList<>();
                args.add("V" + version);
                args.addAll(finding.args());
                args.add(where(entity, element));
                args.add(refuse ? " (permafrost.lockLint=error turns this into an error; -Apermafrost.lockLint=warn for"
                        + " this build)" : "");
                diagnostics.report(element, refuse ? Severity.ERROR : Severity.WARNING, finding.message(), args.toArray());
                notes.computeIfAbsent(finding.op(), i -> new ArrayList<>()).add(finding.note());
            }
        }
        return notes;
    }

    private static Element element(ModelBuilder.Model model, String table, String column) {
        EntitySource entity = model.sources().get(table);
        if (entity == null) {
            return null;
        }
        if (column == null) {
            return entity.type();
        }
        return entity.columns().stream().filter(c -> c.column().name().equals(column))
                .map(EntitySource.ColumnSource::element).findFirst().orElse(entity.type());
    }

    /** Where {@code @SafetyAssured} goes for a finding at {@code element}. */
    private static String where(EntitySource entity, Element element) {
        if (element == null) {
            return "the entity (or build with -Apermafrost.lockLint=off once)";
        }
        if (entity != null && element.equals(entity.type())) {
            return "the entity " + entity.type().getSimpleName();
        }
        return "the field " + element.getSimpleName() + " (or its entity)";
    }

    /** Whether {@code element} carries {@code @SafetyAssured} naming {@code code}. */
    private static boolean acknowledged(Element element, String code) {
        if (element == null) {
            return false;
        }
        var mirror = Annotations.find(element, Annotations.SAFETY_ASSURED);
        if (mirror == null) {
            return false;
        }
        var value = Annotations.explicit(mirror, "value");
        if (value == null) {
            return false;
        }
        Object raw = value.getValue();
        List<?> codes = raw instanceof List<?> list ? list : List.of(value);
        return codes.stream().anyMatch(v -> v instanceof javax.lang.model.element.AnnotationValue a
                && code.equals(a.getValue()));
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
