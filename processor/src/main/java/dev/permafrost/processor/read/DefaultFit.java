package dev.permafrost.processor.read;

import dev.permafrost.model.ColumnType;
import dev.permafrost.sql.Expressions;
import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Whether a canonical default can be a value of its column: a string on an integer column, a literal
 * longer than its varchar, or an enum default that names no constant would fail at the first insert on
 * one database and silently differ on another. Expressions other than literals are left to the database.
 */
public final class DefaultFit {

    private static final Pattern UUID = Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private DefaultFit() {
    }

    /**
     * Why {@code canonical} cannot be a value of {@code type}, or {@code null} if it can.
     *
     * @param constants an enum's constant names when the column holds one, else empty
     */
    public static String problem(String canonical, ColumnType type, List<String> constants) {
        String sql = canonical.toLowerCase(Locale.ROOT);
        if (sql.equals("null")) {
            return null;
        }
        boolean string = canonical.startsWith("'") && canonical.endsWith("'");
        String text = string ? canonical.substring(1, canonical.length() - 1).replace("''", "'") : null;
        boolean number = !string && isNumber(canonical);
        boolean bool = sql.equals("true") || sql.equals("false");
        if (!string && !number && !bool) {
            return Expressions.isLiteral(canonical) ? typedLiteral(sql, type) : null;
        }
        return switch (type.kind()) {
            case SMALLINT, INTEGER, BIGINT -> number && isWhole(canonical) ? range(canonical, type) : "it is not a whole number";
            case DECIMAL -> number ? decimal(canonical, type) : "it is not a number";
            case REAL, DOUBLE -> number ? null : "it is not a number";
            case BOOLEAN -> bool ? null : "it is not true or false";
            case VARCHAR, TEXT -> {
                if (!string) {
                    yield "it is not a string literal; quote it: '" + canonical + "'";
                }
                if (!constants.isEmpty() && !constants.contains(text)) {
                    yield "the column holds the enum's constant names, and '" + text + "' is none of "
                            + String.join(", ", constants);
                }
                yield type.kind() == ColumnType.Kind.VARCHAR && text.length() > type.length()
                        ? "it is " + text.length() + " characters long and the column holds " + type.length() : null;
            }
            case UUID -> string && UUID.matcher(text).matches() ? null : "it is not a UUID in quotes";
            case DATE, TIME, TIMESTAMP, TIMESTAMP_TZ -> string || !number && !bool ? null : "it is not a date or time";
            case BLOB -> string ? "a string is not binary; write a hex literal such as X'CAFE'" : "it is not binary";
            case JSON -> string ? null : "it is not a JSON document in quotes, such as '{}'";
        };
    }

    /** A typed literal ({@code date '..'}, {@code X'..'}) must be of the column's kind. */
    private static String typedLiteral(String sql, ColumnType type) {
        ColumnType.Kind kind = type.kind();
        boolean fits;
        if (sql.startsWith("timestamp with time zone ")) {
            fits = kind == ColumnType.Kind.TIMESTAMP_TZ;
        } else if (sql.startsWith("timestamp ")) {
            fits = kind == ColumnType.Kind.TIMESTAMP || kind == ColumnType.Kind.TIMESTAMP_TZ;
        } else if (sql.startsWith("date ")) {
            fits = kind == ColumnType.Kind.DATE;
        } else if (sql.startsWith("time ")) {
            fits = kind == ColumnType.Kind.TIME;
        } else if (sql.startsWith("x'")) {
            fits = kind == ColumnType.Kind.BLOB;
        } else {
            return null;
        }
        return fits ? null : "it is a literal of another type";
    }

    private static boolean isNumber(String sql) {
        try {
            new BigDecimal(sql);
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static boolean isWhole(String sql) {
        return new BigDecimal(sql).stripTrailingZeros().scale() <= 0;
    }

    private static String range(String sql, ColumnType type) {
        BigDecimal value = new BigDecimal(sql);
        BigDecimal max = switch (type.kind()) {
            case SMALLINT -> BigDecimal.valueOf(Short.MAX_VALUE);
            case INTEGER -> BigDecimal.valueOf(Integer.MAX_VALUE);
            default -> BigDecimal.valueOf(Long.MAX_VALUE);
        };
        return value.abs().compareTo(max) > 0 ? "it does not fit a " + type.kindName() : null;
    }

    private static String decimal(String sql, ColumnType type) {
        BigDecimal value = new BigDecimal(sql).stripTrailingZeros();
        int scale = Math.max(value.scale(), 0);
        int integerDigits = Math.max(value.precision() - value.scale(), 0);
        if (scale > type.scale()) {
            return "it has " + scale + " digits after the point and the column keeps " + type.scale();
        }
        if (integerDigits > type.precision() - type.scale()) {
            return "it has " + integerDigits + " digits before the point and the column keeps "
                    + (type.precision() - type.scale());
        }
        return null;
    }
}
