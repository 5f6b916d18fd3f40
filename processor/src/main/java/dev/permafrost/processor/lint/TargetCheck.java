package dev.permafrost.processor.lint;

import dev.permafrost.dialect.SqlRenderer;
import dev.permafrost.message.Message;
import dev.permafrost.model.Column;
import dev.permafrost.model.ColumnType;
import dev.permafrost.model.ForeignKey;
import dev.permafrost.model.Table;
import dev.permafrost.processor.Diagnostics;
import dev.permafrost.processor.Options;
import dev.permafrost.processor.Target;
import dev.permafrost.processor.model.ModelBuilder;
import dev.permafrost.processor.read.EntitySource;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.lang.model.element.Element;

/**
 * What compiles must run on every declared database: the model is held against what each target refuses
 * (an unbounded column in a key on MariaDB and H2, a decimal too precise, an action a database lacks, a
 * sequence on SQLite), and
 * each refusal is a compile error at the field, naming the targets.
 */
public final class TargetCheck {

    /** The largest decimal precision each target accepts. */
    private static final Map<Target, Integer> MAX_PRECISION = Map.of(Target.MARIADB, 65, Target.POSTGRESQL, 1000,
            Target.H2, 100000);

    /**
     * Functions each database does not have, as found by calling each on the versions these machines run (SQLite
     * 3.51, PostgreSQL 15, MariaDB 10.11, H2 2.3); a function not listed is not checked.
     */
    private static final Map<Target, Set<String>> MISSING_FUNCTIONS = Map.of(
            Target.SQLITE, Set.of("gen_random_uuid", "uuid", "random_uuid", "now", "md5", "regexp_like", "char_length",
                    "rand", "nvl", "to_char", "date_trunc", "left", "right", "greatest", "least", "lpad", "rpad",
                    "bit_length", "ascii", "chr", "sha2", "sha1", "sysdate", "repeat", "initcap", "translate",
                    "regexp_replace", "uuid_generate_v4", "to_date"),
            Target.POSTGRESQL, Set.of("uuid", "random_uuid", "rand", "json_valid", "strftime", "datetime", "julianday",
                    "ifnull", "nvl", "hex", "instr", "sha2", "sha1", "sysdate", "unixepoch", "uuid_generate_v4",
                    "json_extract"),
            Target.MARIADB, Set.of("gen_random_uuid", "random_uuid", "regexp_like", "random", "strftime", "datetime",
                    "julianday", "to_char", "date_trunc", "unixepoch", "initcap", "translate", "uuid_generate_v4",
                    "to_date"),
            Target.H2, Set.of("gen_random_uuid", "md5", "json_valid", "strftime", "datetime", "julianday", "hex",
                    "sha2", "sha1", "sysdate", "unixepoch", "reverse", "initcap", "uuid_generate_v4", "json_extract",
                    "to_date"));

    private static final java.util.regex.Pattern CALL = java.util.regex.Pattern.compile("([a-z_][a-z0-9_]*)\\s*\\(");

    private TargetCheck() {
    }

    public static void check(ModelBuilder.Model model, Set<Target> targets, Diagnostics diagnostics) {
        Renderers renderers = new Renderers(targets);
        for (Table table : model.schema().tables()) {
            EntitySource source = model.sources().get(table.name());
            keys(table, source, targets, diagnostics);
            for (Column column : table.columns()) {
                ColumnType type = column.type();
                if (type.kind() != ColumnType.Kind.DECIMAL) {
                    continue;
                }
                for (Target target : targets) {
                    Integer max = MAX_PRECISION.get(target);
                    if (max != null && type.precision() > max) {
                        diagnostics.report(element(source, column.name()), Message.TARGET_PRECISION, table.name(),
                                column.name(), type.precision(), type.scale(), target.displayName(), max,
                                leaveOut(targets, Set.of(target)));
                    }
                }
            }
            for (ForeignKey fk : table.foreignKeys()) {
                actions(table, source, fk, targets, diagnostics);
            }
            for (Column column : table.columns()) {
                if (column.sequence() != null && targets.contains(Target.SQLITE)) {
                    diagnostics.report(element(source, column.name()), Message.TARGET_SEQUENCE,
                            table.name() + "." + column.name(), column.sequence().name(), Target.SQLITE.displayName(),
                            Target.SQLITE.optionName());
                }
            }
            for (Column column : table.columns()) {
                if (column.hasDefault()) {
                    functions("the defaultValue of " + table.name() + "." + column.name(), column.defaultValue(),
                            column.type(), element(source, column.name()), renderers, targets, diagnostics);
                }
            }
            for (dev.permafrost.model.Check check : table.checks()) {
                functions("check " + check.name() + " of " + table.name(), check.condition(), null, source.type(),
                        renderers, targets, diagnostics);
            }
        }
    }

    /** Columns MariaDB and H2 cannot index without a length, in a primary key, unique constraint or index. */
    private static void keys(Table table, EntitySource source, Set<Target> targets, Diagnostics diagnostics) {
        Set<Target> refusing = EnumSet.noneOf(Target.class);
        refusing.addAll(targets);
        refusing.retainAll(Set.of(Target.MARIADB, Target.H2));
        if (refusing.isEmpty()) {
            return;
        }
        Map<String, String> keyed = new LinkedHashMap<>();
        if (table.primaryKey() != null) {
            table.primaryKey().columns().forEach(c -> keyed.putIfAbsent(c, "the primary key"));
        }
        table.uniques().forEach(u -> u.columns().forEach(c -> keyed.putIfAbsent(c, "unique constraint " + u.name())));
        table.indexes().forEach(i -> i.columns().forEach(c -> keyed.putIfAbsent(c, "index " + i.name())));
        keyed.forEach((name, where) -> {
            ColumnType type = table.column(name).orElseThrow().type();
            if (type.kind() == ColumnType.Kind.TEXT || type.kind() == ColumnType.Kind.JSON
                    || type.kind() == ColumnType.Kind.BLOB) {
                diagnostics.report(element(source, name), Message.TARGET_KEY_TYPE, table.name(), name, type.sql(), where,
                        Target.names(refusing), leaveOut(targets, refusing));
            }
        });
    }

    private static void actions(Table table, EntitySource source, ForeignKey fk, Set<Target> targets,
                                Diagnostics diagnostics) {
        Map<String, ForeignKey.Action> actions = new LinkedHashMap<>();
        actions.put("delete", fk.onDelete());
        actions.put("update", fk.onUpdate());
        actions.forEach((event, action) -> {
            if (action == ForeignKey.Action.SET_NULL) {
                for (String name : fk.columns()) {
                    if (!table.column(name).orElseThrow().nullable()) {
                        diagnostics.report(element(source, name), Message.SET_NULL_NOT_NULL, fk.name(), table.name(),
                                name, event);
                    }
                }
            }
            if (action == ForeignKey.Action.SET_DEFAULT && targets.contains(Target.MARIADB)) {
                diagnostics.report(element(source, fk.columns().get(0)), Message.TARGET_ACTION, fk.name(),
                        event.toUpperCase(java.util.Locale.ROOT), "MariaDB (InnoDB)",
                        leaveOut(targets, Set.of(Target.MARIADB)));
            }
        });
    }

    /**
     * Each target's renderer, made on first use: only a default or check that calls a function needs one, and making
     * one loads jOOQ (a third of a second), which a model without such expressions never pays for.
     */
    private static final class Renderers {

        private final Set<Target> targets;
        private Map<Target, SqlRenderer> made;

        Renderers(Set<Target> targets) {
            this.targets = targets;
        }

        Map<Target, SqlRenderer> all() {
            if (made == null) {
                made = new java.util.EnumMap<>(Target.class);
                targets.forEach(target -> made.put(target, new SqlRenderer(target.jooq())));
            }
            return made;
        }
    }

    /**
     * Reports a function a declared database lacks in a default (with {@code type}) or a check, as jOOQ renders
     * it for that database (it translates some functions, which then pass).
     */
    private static void functions(String what, String canonical, ColumnType type, Element element,
                                  Renderers renderers, Set<Target> targets, Diagnostics diagnostics) {
        java.util.regex.Matcher first = CALL.matcher(canonical.toLowerCase(java.util.Locale.ROOT));
        String called = first.find() ? first.group(1) : null;
        if (called == null) {
            return; // no call, nothing a database could lack (jOOQ only translates functions)
        }
        Map<String, Set<Target>> lacking = new java.util.TreeMap<>();
        renderers.all().forEach((target, renderer) -> {
            String rendered;
            try {
                rendered = type != null ? renderer.defaultSql(canonical, type) : renderer.expressionSql(canonical, true);
            } catch (RuntimeException e) {
                return;
            }
            String plain = rendered.toLowerCase(java.util.Locale.ROOT).replaceAll("'([^']|'')*'", "''");
            if (type != null && plain.contains("select ")) {
                // jOOQ emulates the function with a subquery there (uuid() on SQLite), which no default may hold.
                lacking.computeIfAbsent(called, f -> EnumSet.noneOf(Target.class)).add(target);
                return;
            }
            java.util.regex.Matcher m = CALL.matcher(plain);
            while (m.find()) {
                if (MISSING_FUNCTIONS.get(target).contains(m.group(1))) {
                    lacking.computeIfAbsent(m.group(1), f -> EnumSet.noneOf(Target.class)).add(target);
                }
            }
        });
        lacking.forEach((function, on) -> diagnostics.report(element, Message.TARGET_FUNCTION, what, function,
                Target.names(on), leaveOut(targets, on)));
    }

    /** The way out that narrows the targets, when the user has not already: {@code , or leave MariaDB out of ...}. */
    private static String leaveOut(Set<Target> declared, Set<Target> refusing) {
        List<String> rest = declared.stream().filter(t -> !refusing.contains(t)).map(Target::optionName).toList();
        return rest.isEmpty() ? "" : ", or declare the databases the project runs on without " + Target.names(refusing)
                + " (-A" + Options.DATABASES + "=" + String.join(",", rest) + ")";
    }

    private static Element element(EntitySource source, String column) {
        return source.columns().stream().filter(c -> c.column().name().equals(column))
                .map(EntitySource.ColumnSource::element).findFirst().orElse(source.type());
    }
}
