package dev.permafrost.dialect;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The canonical spelling of a default a live database reports as a plain literal, found without jOOQ's parser (whose
 * classes cost a cold JVM's {@code validate()} about half a second): a number, a string of printable ASCII (on
 * PostgreSQL with the cast it adds, {@code 'new'::character varying}), {@code true} or {@code false}, the current date
 * or time. It is what {@code Expressions.canonicalLive} gives for the same text ({@code LiveLiteralsTest} holds the two
 * side by side on PostgreSQL, MariaDB and H2, {@code SqliteDdlTest} on SQLite); anything else is {@code null}, and the
 * caller asks the parser.
 */
public final class LiveLiterals {

    private static final Pattern NUMBER = Pattern.compile("-?(0|[1-9][0-9]{0,17})(\\.[0-9]{1,18})?");
    private static final Pattern STRING = Pattern.compile("('([ -&(-\\[\\]-~]|'')*')"
            + "(::(character varying|text|integer|bigint|smallint))?");
    private static final Set<String> WORDS = Set.of("true", "false", "current_timestamp", "current_date", "current_time");

    private LiveLiterals() {
    }

    /**
     * The canonical default for {@code reported} (as the dialect's {@code liveExpression} gave it, or as SQLite keeps it
     * in its DDL), or {@code null}.
     */
    public static String canonical(String reported) {
        String text = reported.trim();
        if (NUMBER.matcher(text).matches() && !text.equals("-0")) {
            return text;
        }
        Matcher string = STRING.matcher(text);
        if (string.matches()) {
            return string.group(1);
        }
        String word = text.toLowerCase(Locale.ROOT);
        return WORDS.contains(word) ? word : null;
    }
}
