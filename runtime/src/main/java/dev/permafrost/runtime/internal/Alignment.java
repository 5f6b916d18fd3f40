package dev.permafrost.runtime.internal;

import dev.permafrost.dialect.Dialect;
import dev.permafrost.dialect.SqlRenderer;
import dev.permafrost.model.Check;
import dev.permafrost.model.Column;
import dev.permafrost.model.ColumnType;
import dev.permafrost.model.Index;
import dev.permafrost.model.PrimaryKey;
import dev.permafrost.model.Schema;
import dev.permafrost.model.Table;
import dev.permafrost.model.Unique;
import dev.permafrost.sql.Expressions;
import dev.permafrost.sql.Literals;
import dev.permafrost.sql.InvalidExpressionException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Holds a schema read from a live database against the schema expected there. Databases store some
 * things in a way that cannot tell them apart (MariaDB: {@code real} is double precision, every primary
 * key is named PRIMARY; SQLite: {@code datetime} for time and timestamp, {@code 1} for {@code true};
 * PostgreSQL and H2 add casts and reorder conditions). Where the live and the expected thing are the
 * same once stored, the expected one is taken. What differs for real stays, so a comparison afterwards
 * has no false positives and misses nothing the database can tell apart.
 */
public final class Alignment {

    private Alignment() {
    }

    public static Schema align(Schema live, Schema expected, SqlRenderer renderer) {
        return align(live, expected, new Rendering(renderer.dialect(), () -> renderer));
    }

    /**
     * {@link #align(Schema, Schema, SqlRenderer)} for {@code dialect}, whose renderer (and with it jOOQ, some 600 classes
     * a cold JVM loads in about a quarter of a second) is made only when two expressions differ as text.
     */
    public static Schema align(Schema live, Schema expected, Dialect dialect) {
        return align(live, expected, new Rendering(dialect, () -> new SqlRenderer(dialect)));
    }

    private static Schema align(Schema live, Schema expected, Rendering renderer) {
        return live.mapTables(table -> expected.table(table.name()).map(e -> align(table, e, renderer)).orElse(table));
    }

    /** The dialect, and its renderer made on first use. */
    private static final class Rendering {
        private final Dialect dialect;
        private final Supplier<SqlRenderer> make;
        private SqlRenderer renderer;

        Rendering(Dialect dialect, Supplier<SqlRenderer> make) {
            this.dialect = dialect;
            this.make = make;
        }

        Dialect dialect() {
            return dialect;
        }

        String defaultSql(String canonical, ColumnType type) {
            return renderer().defaultSql(canonical, type);
        }

        String expressionSql(String canonical, boolean condition) {
            return renderer().expressionSql(canonical, condition);
        }

        private SqlRenderer renderer() {
            if (renderer == null) {
                renderer = make.get();
            }
            return renderer;
        }
    }

    private static Table align(Table live, Table expected, Rendering renderer) {
        PrimaryKey key = live.primaryKey();
        if (key != null && expected.primaryKey() != null && !renderer.dialect().keepsPrimaryKeyNames()
                && key.columns().equals(expected.primaryKey().columns())) {
            key = expected.primaryKey();
        }
        Table aligned = live
                .mapColumns(column -> expected.column(column.name()).map(e -> align(column, e, renderer)).orElse(column))
                .withPrimaryKey(key)
                .withChecks(live.checks().stream().map(check -> alignCheck(check, expected, renderer)).toList());
        if (renderer.dialect().uniqueIndexesAreConstraints()) {
            List<Unique> uniques = new ArrayList<>();
            List<Index> indexes = new ArrayList<>(aligned.indexes());
            for (Unique unique : aligned.uniques()) {
                Index index = expected.indexes().stream().filter(i -> i.unique() && i.name().equals(unique.name())
                        && i.columns().equals(unique.columns())).findFirst().orElse(null);
                if (index != null) {
                    indexes.add(index);
                } else {
                    uniques.add(unique);
                }
            }
            aligned = aligned.withUniques(uniques).withIndexes(indexes);
        }
        return aligned;
    }

    private static Check alignCheck(Check live, Table expected, Rendering renderer) {
        return expected.checks().stream()
                .filter(e -> e.name().equals(live.name()) && same(e.condition(), live.condition(), true, renderer))
                .findFirst().orElse(live);
    }

    private static Column align(Column live, Column expected, Rendering renderer) {
        String key = renderer.dialect().nativeKey();
        String nativeType = expected.type().nativeFor(key);
        if (nativeType != null) {
            String reported = live.type().nativeFor(key);
            boolean same = reported != null && squeeze(reported).equals(squeeze(nativeType));
            return alignPortable(same ? live.withType(expected.type()) : live, expected, renderer);
        }
        if (expected.type().natives().isEmpty()) {
            return alignPortable(live, expected, renderer);
        }
        // Native types for other databases: here the portable type is the one to hold the column against.
        Column aligned = alignPortable(live, expected.withType(expected.type().portable()), renderer);
        return aligned.type().equals(expected.type().portable()) ? aligned.withType(expected.type()) : aligned;
    }

    /** A native type as databases spell it: lower case, no spaces ({@code numeric(5, 1)} is {@code numeric(5,1)}). */
    private static String squeeze(String type) {
        return type.replace(" ", "").toLowerCase(Locale.ROOT);
    }

    private static Column alignPortable(Column live, Column expected, Rendering renderer) {
        Column aligned = live;
        Dialect dialect = renderer.dialect();
        boolean identities = live.identity() && expected.identity();
        if (!live.type().equals(expected.type()) && (identities
                ? dialect.storedIdentityType(live.type()).equals(dialect.storedIdentityType(expected.type()))
                : dialect.storedType(live.type()).equals(dialect.storedType(expected.type())))) {
            aligned = aligned.withType(expected.type());
        }
        if (live.hasDefault() && expected.hasDefault() && !Objects.equals(live.defaultValue(), expected.defaultValue())
                && sameDefault(live.defaultValue(), expected.defaultValue(), expected.type(), renderer)) {
            aligned = aligned.defaultValue(expected.defaultValue());
        }
        return aligned;
    }

    /** Defaults compare like other expressions, as written into DDL for the column's type, and booleans as truth. */
    private static boolean sameDefault(String live, String expected, ColumnType type, Rendering renderer) {
        if (same(live, expected, false, renderer) || Literals.sameValue(live, expected, type)) {
            return true;
        }
        if (type.kind() == ColumnType.Kind.BOOLEAN) {
            Boolean a = truth(live);
            return a != null && a.equals(truth(expected));
        }
        try {
            return normalize(renderer.defaultSql(live, type)).equals(normalize(renderer.defaultSql(expected, type)));
        } catch (InvalidExpressionException e) {
            return false;
        }
    }

    /** {@code true} and {@code 1}, {@code false} and {@code 0}, as databases without a boolean type store them. */
    private static Boolean truth(String literal) {
        return switch (literal) {
            case "true", "1" -> Boolean.TRUE;
            case "false", "0" -> Boolean.FALSE;
            default -> null;
        };
    }

    /** Whether two canonical expressions mean the same: as text, without casts and operand order, or as rendered here. */
    static boolean same(String a, String b, boolean condition, Rendering renderer) {
        if (a.equals(b)) {
            return true;
        }
        try {
            return Expressions.comparable(a, condition).equals(Expressions.comparable(b, condition))
                    || normalize(renderer.expressionSql(a, condition)).equals(normalize(renderer.expressionSql(b, condition)));
        } catch (InvalidExpressionException e) {
            return false;
        }
    }

    private static String normalize(String sql) {
        String s = sql.trim().toLowerCase(Locale.ROOT);
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
