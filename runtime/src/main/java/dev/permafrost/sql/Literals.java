package dev.permafrost.sql;

import dev.permafrost.model.ColumnType;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The values canonical literals stand for, so that a default written one way ({@code '1970-01-02'},
 * {@code -7}, {@code '{"a": 1}'}) and read back from a database another way ({@code '1970-01-02 00:00:00+00'},
 * {@code '-7'}, {@code '{"a":1}'}) compare equal when they are the same value.
 */
public final class Literals {

    private static final String[] TYPED_PREFIXES = {"timestamp with time zone ", "timestamp ", "date ", "time "};
    private static final Pattern DATE_TIME = Pattern.compile(
            "(\\d{4}-\\d{2}-\\d{2})(?:[ T](\\d{2}:\\d{2}(?::\\d{2}(?:\\.\\d+)?)?))?\\s*(Z|[+-]\\d{2}(?::?\\d{2})?)?");

    private Literals() {
    }

    /** The text of a string or typed literal ({@code 'x'}, {@code date 'x'}), unescaped; {@code null} for anything else. */
    public static String text(String canonical) {
        String sql = canonical.trim();
        String lower = sql.toLowerCase(Locale.ROOT);
        for (String prefix : TYPED_PREFIXES) {
            if (lower.startsWith(prefix)) {
                sql = sql.substring(prefix.length()).trim();
                break;
            }
        }
        if (sql.length() < 2 || sql.charAt(0) != '\'' || sql.charAt(sql.length() - 1) != '\'') {
            return null;
        }
        String body = sql.substring(1, sql.length() - 1).replace("''", "'");
        return body.contains("'") ? null : body;
    }

    /** Whether two canonical defaults of a column of {@code type} stand for the same value. */
    public static boolean sameValue(String a, String b, ColumnType type) {
        String textA = text(a);
        String textB = text(b);
        String x = textA != null ? textA : a.trim();
        String y = textB != null ? textB : b.trim();
        try {
            return switch (type.kind()) {
                case SMALLINT, INTEGER, BIGINT, DECIMAL -> new BigDecimal(x).compareTo(new BigDecimal(y)) == 0;
                case REAL, DOUBLE -> Double.parseDouble(x) == Double.parseDouble(y);
                case DATE -> LocalDate.parse(x).equals(LocalDate.parse(y));
                case TIME -> LocalTime.parse(x).equals(LocalTime.parse(y));
                case TIMESTAMP, TIMESTAMP_TZ -> sameDateTime(dateTime(x), dateTime(y),
                        type.kind() == ColumnType.Kind.TIMESTAMP_TZ);
                case JSON -> textA != null && textB != null && json(x).equals(json(y));
                case BOOLEAN, VARCHAR, TEXT, UUID, BLOB -> false;
            };
        } catch (DateTimeParseException | IllegalArgumentException e) {
            return false;
        }
    }

    /** A date-time literal's text as an instant: with its offset, or UTC when it has none; {@code null} if it is none. */
    public static OffsetDateTime instant(String text) {
        DateTime parsed = dateTime(text);
        return parsed == null ? null : parsed.local().atOffset(parsed.offset() == null ? ZoneOffset.UTC : parsed.offset());
    }

    /** A local date-time and the offset it was written with ({@code null} if none). */
    private record DateTime(LocalDateTime local, ZoneOffset offset) {
    }

    private static DateTime dateTime(String text) {
        Matcher m = DATE_TIME.matcher(text.trim());
        if (!m.matches()) {
            return null;
        }
        LocalDate date = LocalDate.parse(m.group(1));
        LocalTime time = m.group(2) == null ? LocalTime.MIDNIGHT : LocalTime.parse(m.group(2));
        ZoneOffset offset = null;
        if (m.group(3) != null) {
            String zone = m.group(3);
            offset = zone.equals("Z") ? ZoneOffset.UTC
                    : ZoneOffset.of(zone.length() == 3 ? zone + ":00" : zone.length() == 5 ? zone.substring(0, 3) + ":"
                    + zone.substring(3) : zone);
        }
        return new DateTime(date.atTime(time), offset);
    }

    /**
     * The same wall-clock time; for an instant column with both offsets known, the same instant (a zoneless default
     * is local).
     */
    private static boolean sameDateTime(DateTime x, DateTime y, boolean instant) {
        if (x == null || y == null) {
            return false;
        }
        if (instant && x.offset() != null && y.offset() != null) {
            return x.local().atOffset(x.offset()).toInstant().equals(y.local().atOffset(y.offset()).toInstant());
        }
        return x.local().equals(y.local());
    }

    /** A JSON document without insignificant white space and with object keys sorted, for comparing. */
    static String json(String text) {
        JsonReader reader = new JsonReader(text);
        String value = reader.value();
        reader.skipSpace();
        if (reader.at < text.length()) {
            throw new IllegalArgumentException("not one JSON document: " + text);
        }
        return value;
    }

    /** Just enough of a JSON reader to put documents in one form; {@link IllegalArgumentException} on others. */
    private static final class JsonReader {
        private final String text;
        private int at;

        JsonReader(String text) {
            this.text = text;
        }

        void skipSpace() {
            while (at < text.length() && Character.isWhitespace(text.charAt(at))) {
                at++;
            }
        }

        String value() {
            skipSpace();
            if (at >= text.length()) {
                throw new IllegalArgumentException("JSON ends early");
            }
            char c = text.charAt(at);
            if (c == '{') {
                at++;
                Map<String, String> members = new TreeMap<>();
                skipSpace();
                if (peek('}')) {
                    return "{}";
                }
                do {
                    skipSpace();
                    String key = string();
                    skipSpace();
                    expect(':');
                    members.put(key, value());
                    skipSpace();
                } while (accept(','));
                expect('}');
                StringBuilder out = new StringBuilder("{");
                members.forEach((k, v) -> out.append(out.length() > 1 ? "," : "").append(k).append(':').append(v));
                return out.append('}').toString();
            }
            if (c == '[') {
                at++;
                List<String> items = new ArrayList<>();
                skipSpace();
                if (peek(']')) {
                    return "[]";
                }
                do {
                    items.add(value());
                    skipSpace();
                } while (accept(','));
                expect(']');
                return "[" + String.join(",", items) + "]";
            }
            if (c == '"') {
                return string();
            }
            int start = at;
            while (at < text.length() && "{}[],: \t\r\n\"".indexOf(text.charAt(at)) < 0) {
                at++;
            }
            String word = text.substring(start, at);
            if (word.isEmpty()) {
                throw new IllegalArgumentException("unexpected " + c);
            }
            return word.equals("true") || word.equals("false") || word.equals("null") ? word
                    : new BigDecimal(word).toString();
        }

        private String string() {
            int start = at;
            expect('"');
            while (at < text.length() && text.charAt(at) != '"') {
                at += text.charAt(at) == '\\' ? 2 : 1;
            }
            expect('"');
            return text.substring(start, at);
        }

        private boolean peek(char c) {
            if (at < text.length() && text.charAt(at) == c) {
                at++;
                return true;
            }
            return false;
        }

        private boolean accept(char c) {
            skipSpace();
            return peek(c);
        }

        private void expect(char c) {
            if (!peek(c)) {
                throw new IllegalArgumentException("expected " + c + " at " + at);
            }
        }
    }
}
