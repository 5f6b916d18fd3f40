package dev.permafrost.sql;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.function.Consumer;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Name;
import org.jooq.QueryPart;
import org.jooq.SQLDialect;
import org.jooq.Select;
import org.jooq.TableField;
import org.jooq.VisitContext;
import org.jooq.VisitListener;
import org.jooq.conf.ParseNameCase;
import org.jooq.conf.ParseUnknownFunctions;
import org.jooq.conf.RenderKeywordCase;
import org.jooq.conf.RenderNameCase;
import org.jooq.conf.RenderQuotedNames;
import org.jooq.conf.Settings;
import org.jooq.impl.DSL;
import org.jooq.impl.DefaultConfiguration;
import org.jooq.impl.ParserException;
import org.jooq.impl.QOM;

/**
 * Column defaults and check conditions as canonical SQL: parsed with jOOQ's parser and rendered back in
 * one dialect-neutral spelling, so that the same expression written two ways compares equal, and
 * rendered again for each database when DDL runs.
 */
public final class Expressions {

    static {
        Jooq.quiet();
    }

    private static final Settings SETTINGS = new Settings()
            .withParseNameCase(ParseNameCase.LOWER_IF_UNQUOTED)
            .withParseUnknownFunctions(ParseUnknownFunctions.IGNORE)
            .withRenderQuotedNames(RenderQuotedNames.EXPLICIT_DEFAULT_UNQUOTED)
            .withRenderNameCase(RenderNameCase.LOWER)
            .withRenderKeywordCase(RenderKeywordCase.LOWER);

    private static final DSLContext CANONICAL = DSL.using(SQLDialect.DEFAULT, SETTINGS);

    private Expressions() {
    }

    /** The settings every Permafrost renderer shares: lower-case keywords, unquoted lower-case names. */
    public static Settings settings() {
        return (Settings) SETTINGS.clone();
    }

    /**
     * The canonical spelling of a column default: a literal or an expression such as
     * {@code 'new'}, {@code 0}, {@code CURRENT_TIMESTAMP}.
     *
     * @throws InvalidExpressionException if it does not parse, reads a column or holds a subquery
     */
    public static String canonicalDefault(String sql) {
        Field<?> field = parseField(sql);
        return render(CANONICAL, field, part -> {
            if (part instanceof TableField<?, ?> column) {
                throw new InvalidExpressionException(sql, "a default cannot read a column (" + column.getName() + ")");
            }
            rejectSubquery(sql, part);
        }, Map.of());
    }

    /**
     * The canonical spelling of a check condition such as {@code price >= 0}.
     *
     * @throws InvalidExpressionException if it does not parse, holds a subquery, or names a column qualified;
     *     a column a database reserves is written quoted ({@code "order" >= 0}), and so is its canonical form
     */
    public static String canonicalCondition(String sql) {
        Condition condition = parseCondition(sql);
        return render(CANONICAL, condition, part -> {
            if (part instanceof TableField<?, ?> column) {
                Name name = column.getQualifiedName();
                if (name.qualified()) {
                    throw new InvalidExpressionException(sql, "a check may only name columns of its own table, unqualified ("
                            + name + ")");
                }
            }
            rejectSubquery(sql, part);
        }, Map.of());
    }

    /** The columns a canonical check condition reads, sorted. */
    public static SortedSet<String> columnsOf(String condition) {
        SortedSet<String> columns = new TreeSet<>();
        render(CANONICAL, parseCondition(condition), part -> {
            if (part instanceof TableField<?, ?> column) {
                columns.add(column.getName());
            }
        }, Map.of());
        return columns;
    }

    /** A canonical condition with its column references renamed as {@code renames} (old → new) says. */
    public static String renameColumns(String condition, Map<String, String> renames) {
        return render(CANONICAL, parseCondition(condition), part -> { }, renames);
    }

    /**
     * The canonical spelling of a default or condition as a live database reports it in its own dialect:
     * names lower-cased and unquoted, and the casts a database adds around literals
     * ({@code 'new'::character varying}, {@code CAST(0 AS NUMERIC(1))}) removed.
     */
    public static String canonicalLive(String sql, SQLDialect dialect, boolean condition) {
        DSLContext live = DSL.using(SQLDialect.DEFAULT, ((Settings) SETTINGS.clone()).withParseDialect(dialect)
                .withParseNameCase(ParseNameCase.LOWER));
        QueryPart parsed;
        try {
            parsed = condition ? live.parser().parseCondition(sql) : live.parser().parseField(sql);
        } catch (ParserException e) {
            throw new InvalidExpressionException(sql, describe(e));
        }
        String rendered = render(CANONICAL, parsed, part -> { }, Map.of(), true);
        return condition ? canonicalCondition(rendered) : canonicalDefault(rendered);
    }

    /**
     * A form of a canonical default or condition for telling whether two mean the same: every cast
     * removed, and the operands of {@code and} and {@code or} in a fixed order (some databases reorder them).
     */
    public static String comparable(String canonical, boolean condition) {
        return normalize(condition ? parseCondition(canonical) : parseField(canonical));
    }

    private static String normalize(QueryPart part) {
        if (part instanceof QOM.And || part instanceof QOM.Or) {
            boolean and = part instanceof QOM.And;
            List<String> operands = new ArrayList<>();
            flatten(part, and, operands);
            operands.sort(null);
            return "(" + String.join(and ? " and " : " or ", operands) + ")";
        }
        if (part instanceof QOM.Not not) {
            return "not " + normalize(not.$condition());
        }
        return render(CANONICAL, part, p -> { }, Map.of(), false, true);
    }

    /** A numeric literal without trailing zeros, so that {@code 0.00} and {@code 0} compare equal. */
    private static QueryPart plainNumber(QueryPart part) {
        if (part instanceof org.jooq.Param<?> param && param.getValue() instanceof Number number
                && !(number instanceof Double) && !(number instanceof Float)) {
            return DSL.inline(new java.math.BigDecimal(number.toString()).stripTrailingZeros());
        }
        return part;
    }

    private static void flatten(QueryPart part, boolean and, List<String> operands) {
        if (and && part instanceof QOM.And a) {
            flatten(a.$arg1(), true, operands);
            flatten(a.$arg2(), true, operands);
        } else if (!and && part instanceof QOM.Or o) {
            flatten(o.$arg1(), false, operands);
            flatten(o.$arg2(), false, operands);
        } else {
            operands.add(normalize(part));
        }
    }

    /** A canonical default parsed back, to be rendered for a dialect. */
    public static Field<?> defaultField(String canonical) {
        return parseField(canonical);
    }

    /** Whether a canonical default is a plain literal (SQLite adds columns in place only with those). */
    public static boolean isLiteral(String canonical) {
        return parseField(canonical) instanceof org.jooq.Param<?>;
    }

    /** A canonical condition parsed back, to be rendered for a dialect. */
    public static Condition condition(String canonical) {
        return parseCondition(canonical);
    }

    private static Field<?> parseField(String sql) {
        try {
            return CANONICAL.parser().parseField(sql);
        } catch (ParserException e) {
            throw new InvalidExpressionException(sql, describe(e));
        }
    }

    private static Condition parseCondition(String sql) {
        try {
            return CANONICAL.parser().parseCondition(sql);
        } catch (ParserException e) {
            throw new InvalidExpressionException(sql, describe(e));
        }
    }

    private static String describe(ParserException e) {
        String message = e.getMessage();
        int context = message.indexOf(": [");
        String what = context > 0 ? message.substring(0, context) : message;
        return what + " at position " + e.position();
    }

    private static void rejectSubquery(String sql, QueryPart part) {
        if (part instanceof Select<?>) {
            throw new InvalidExpressionException(sql, "subqueries are not portable in defaults and checks");
        }
    }

    private static String render(DSLContext base, QueryPart part, Consumer<QueryPart> inspect, Map<String, String> renames) {
        return render(base, part, inspect, renames, false, false);
    }

    private static String render(DSLContext base, QueryPart part, Consumer<QueryPart> inspect, Map<String, String> renames,
                                 boolean uncastLiterals) {
        return render(base, part, inspect, renames, uncastLiterals, false);
    }

    private static String render(DSLContext base, QueryPart part, Consumer<QueryPart> inspect, Map<String, String> renames,
                                 boolean uncastLiterals, boolean uncastAll) {
        List<RuntimeException> failures = new ArrayList<>(1);
        VisitListener listener = new VisitListener() {
            @Override
            public void visitStart(VisitContext context) {
                QueryPart visited = context.queryPart();
                try {
                    inspect.accept(visited);
                } catch (RuntimeException e) {
                    failures.add(e);
                }
                if (visited instanceof QOM.Cast<?> cast
                        && (uncastAll || (uncastLiterals && cast.$field() instanceof org.jooq.Param<?>))) {
                    context.queryPart(uncastAll ? plainNumber(cast.$field()) : cast.$field());
                    return;
                }
                if (uncastAll) {
                    QueryPart plain = plainNumber(visited);
                    if (plain != visited) {
                        context.queryPart(plain);
                        return;
                    }
                }
                if (visited instanceof TableField<?, ?> column && !column.getQualifiedName().qualified()) {
                    // One spelling of a column: renamed as asked, lower case, quoted only when reserved ("order").
                    String name = column.getName().toLowerCase(java.util.Locale.ROOT);
                    context.queryPart(DSL.field(Identifiers.name(renames.getOrDefault(name, name))));
                }
            }
        };
        String rendered = DSL.using(new DefaultConfiguration()
                .set(base.dialect())
                .set(base.settings())
                .set(listener)).render(part);
        if (!failures.isEmpty()) {
            throw failures.get(0);
        }
        return rendered;
    }
}
