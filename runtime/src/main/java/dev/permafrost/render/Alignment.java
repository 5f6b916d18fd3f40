package dev.permafrost.render;

import dev.permafrost.model.Check;
import dev.permafrost.model.Column;
import dev.permafrost.model.Schema;
import dev.permafrost.model.Table;
import java.util.Objects;

/**
 * Holds a schema read from a live database against the schema expected there. A database spells some
 * logical types and expressions alike (SQLite: {@code datetime} for both time and timestamp,
 * {@code varchar(36)} for a UUID, {@code 1} for {@code true}); where the expected type, default or
 * check renders to the same SQL as the live one for this dialect, the expected one is taken. What
 * differs for real stays, so a comparison afterwards has no false positives and misses nothing the
 * database can tell apart.
 */
public final class Alignment {

    private Alignment() {
    }

    public static Schema align(Schema live, Schema expected, SqlRenderer renderer) {
        return live.mapTables(table -> expected.table(table.name()).map(e -> align(table, e, renderer)).orElse(table));
    }

    private static Table align(Table live, Table expected, SqlRenderer renderer) {
        return live
                .mapColumns(column -> expected.column(column.name()).map(e -> align(column, e, renderer)).orElse(column))
                .withChecks(live.checks().stream().map(check -> expected.checks().stream()
                        .filter(e -> e.name().equals(check.name()))
                        .filter(e -> sameSql(e.condition(), check.condition(), true, renderer))
                        .map(Check.class::cast).findFirst().orElse(check)).toList());
    }

    private static Column align(Column live, Column expected, SqlRenderer renderer) {
        Column aligned = live;
        if (!live.type().equals(expected.type())
                && renderer.typeSql(live.type()).equals(renderer.typeSql(expected.type()))) {
            aligned = aligned.withType(expected.type());
        }
        if (!Objects.equals(live.defaultValue(), expected.defaultValue()) && live.hasDefault() && expected.hasDefault()
                && sameSql(live.defaultValue(), expected.defaultValue(), false, renderer)) {
            aligned = aligned.defaultValue(expected.defaultValue());
        }
        return aligned;
    }

    private static boolean sameSql(String a, String b, boolean condition, SqlRenderer renderer) {
        return a.equals(b) || normalize(renderer.expressionSql(a, condition)).equals(normalize(renderer.expressionSql(b, condition)));
    }

    private static String normalize(String sql) {
        String s = sql.trim().toLowerCase(java.util.Locale.ROOT);
        while (s.startsWith("(") && s.endsWith(")") && balanced(s.substring(1, s.length() - 1))) {
            s = s.substring(1, s.length() - 1).trim();
        }
        return s;
    }

    private static boolean balanced(String s) {
        int depth = 0;
        for (char c : s.toCharArray()) {
            if (c == '(') {
                depth++;
            } else if (c == ')' && --depth < 0) {
                return false;
            }
        }
        return depth == 0;
    }
}
