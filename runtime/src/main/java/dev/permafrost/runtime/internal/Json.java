package dev.permafrost.runtime.internal;

import java.util.List;
import java.util.Map;

/**
 * Writes the results of the runtime's commands as JSON for tools (the command line's {@code --json}, an
 * actuator endpoint): members in the order given, no whitespace, strings escaped per RFC 8259.
 */
public final class Json {

    private Json() {
    }

    /**
     * {@code value} as JSON: a {@link Map} (an object, in its iteration order), a {@link List}, a string, a number, a
     * boolean, {@code null}, or anything else by its {@code toString()} as a string.
     */
    public static String write(Object value) {
        StringBuilder sb = new StringBuilder(256);
        write(value, sb);
        return sb.toString();
    }

    private static void write(Object value, StringBuilder sb) {
        // Plain instanceof, no pattern switch: the public result records that call this compile for Java 17 too.
        if (value == null) {
            sb.append("null");
        } else if (value instanceof Map<?, ?> map) {
            sb.append('{');
            boolean first = true;
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                if (!first) {
                    sb.append(',');
                }
                first = false;
                string(String.valueOf(entry.getKey()), sb);
                sb.append(':');
                write(entry.getValue(), sb);
            }
            sb.append('}');
        } else if (value instanceof List<?> list) {
            sb.append('[');
            for (int i = 0; i < list.size(); i++) {
                if (i > 0) {
                    sb.append(',');
                }
                write(list.get(i), sb);
            }
            sb.append(']');
        } else if (value instanceof Boolean || value instanceof Integer || value instanceof Long) {
            sb.append(value);
        } else {
            string(value.toString(), sb);
        }
    }

    private static void string(String text, StringBuilder sb) {
        sb.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"' || c == '\\') {
                sb.append('\\').append(c);
            } else if (c == '\n') {
                sb.append("\\n");
            } else if (c == '\r') {
                sb.append("\\r");
            } else if (c == '\t') {
                sb.append("\\t");
            } else if (c < 0x20) {
                sb.append(String.format("\\u%04x", (int) c));
            } else {
                sb.append(c);
            }
        }
        sb.append('"');
    }

    /** An object with members in the order given: {@code object("version", 1, "state", "APPLIED")}. */
    public static Map<String, Object> object(Object... keysAndValues) {
        Map<String, Object> map = new java.util.LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }
}
