package dev.permafrost.snapshot;

import dev.permafrost.model.Names;
import java.util.ArrayList;
import java.util.List;

/**
 * The checksum of a migration stub's code, blind to formatting: the SHA-256 of its Java tokens with every
 * whitespace and comment left out, import declarations in sorted order, and text blocks by their value. A
 * formatter (Spotless, google-java-format, an IDE) or a new comment leaves it as it is; any change of code
 * changes it. Written {@value #SCHEME} and the first 61 hex digits of the SHA-256, 64 characters in all, as
 * the history table's {@code checksum} column holds; the prefix records the scheme with every checksum (ADR 0011).
 */
public final class StubChecksum {

    /** The prefix of checksums in this scheme; a checksum without it is the SHA-256 of the whole source. */
    public static final String SCHEME = "t1:";

    private StubChecksum() {
    }

    /** The checksum of {@code source} in this scheme. */
    public static String of(String source) {
        List<String> tokens = tokens(Hashing.normalize(source));
        List<List<String>> imports = new ArrayList<>();
        List<String> rest = new ArrayList<>();
        for (int i = 0; i < tokens.size(); i++) {
            if (tokens.get(i).equals("import")) {
                List<String> declaration = new ArrayList<>();
                while (i < tokens.size() && !tokens.get(i).equals(";")) {
                    declaration.add(tokens.get(i++));
                }
                imports.add(declaration);
            } else {
                rest.add(tokens.get(i));
            }
        }
        imports.sort((a, b) -> String.join(" ", a).compareTo(String.join(" ", b)));
        StringBuilder canonical = new StringBuilder();
        imports.forEach(declaration -> declaration.forEach(t -> canonical.append(t).append('\n')));
        rest.forEach(t -> canonical.append(t).append('\n'));
        return SCHEME + Names.sha256Hex(canonical.toString()).substring(0, 64 - SCHEME.length());
    }

    /**
     * The tokens of Java source: identifiers, keywords and numbers as runs of word characters, string and
     * character literals whole, text blocks by their value, every other character on its own.
     */
    public static List<String> tokens(String source) {
        List<String> tokens = new ArrayList<>();
        int i = 0;
        int n = source.length();
        while (i < n) {
            char c = source.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (source.startsWith("//", i)) {
                int end = source.indexOf('\n', i);
                i = end < 0 ? n : end + 1;
            } else if (source.startsWith("/*", i)) {
                int end = source.indexOf("*/", i + 2);
                i = end < 0 ? n : end + 2;
            } else if (source.startsWith("\"\"\"", i)) {
                int end = source.indexOf("\"\"\"", i + 3);
                while (end > 0 && escaped(source, end)) {
                    end = source.indexOf("\"\"\"", end + 1);
                }
                end = end < 0 ? n : end;
                String raw = source.substring(Math.min(source.indexOf('\n', i) + 1, end), end);
                tokens.add("\"\"\"" + textBlockValue(raw));
                i = Math.min(n, end + 3);
            } else if (c == '"' || c == '\'') {
                int end = i + 1;
                while (end < n && source.charAt(end) != c) {
                    end += source.charAt(end) == '\\' ? 2 : 1;
                }
                end = Math.min(n, end + 1);
                tokens.add(source.substring(i, end));
                i = end;
            } else if (Character.isJavaIdentifierPart(c)) {
                int end = i;
                while (end < n && Character.isJavaIdentifierPart(source.charAt(end))) {
                    end++;
                }
                tokens.add(source.substring(i, end));
                i = end;
            } else {
                tokens.add(String.valueOf(c));
                i++;
            }
        }
        return tokens;
    }

    private static boolean escaped(String source, int quote) {
        int backslashes = 0;
        for (int j = quote - 1; j >= 0 && source.charAt(j) == '\\'; j--) {
            backslashes++;
        }
        return backslashes % 2 == 1;
    }

    /** A text block's value: incidental indentation removed as the compiler removes it, escapes kept as written. */
    private static String textBlockValue(String raw) {
        try {
            return raw.stripIndent();
        } catch (RuntimeException e) {
            return raw;
        }
    }
}
