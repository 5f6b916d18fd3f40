package dev.permafrost.snapshot;

import dev.permafrost.model.Names;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
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
        Tokenizer tokens = new Tokenizer(Hashing.normalize(source));
        List<List<String>> imports = new ArrayList<>();
        List<String> declaration = null; // the import declaration being read, without its ';'
        StringBuilder rest = new StringBuilder(source.length() / 2);
        while (tokens.next()) {
            if (declaration != null) {
                if (tokens.is(";")) {
                    imports.add(declaration);
                    declaration = null;
                } else {
                    declaration.add(tokens.text());
                }
            } else if (tokens.is("import")) {
                declaration = new ArrayList<>(List.of("import"));
            } else {
                tokens.appendTo(rest);
            }
        }
        if (declaration != null) {
            imports.add(declaration);
        }
        imports.sort((a, b) -> String.join(" ", a).compareTo(String.join(" ", b)));
        StringBuilder canonicalImports = new StringBuilder();
        imports.forEach(d -> d.forEach(t -> canonicalImports.append(t).append('\n')));
        MessageDigest sha256 = Names.sha256();
        sha256.update(canonicalImports.toString().getBytes(StandardCharsets.UTF_8));
        sha256.update(rest.toString().getBytes(StandardCharsets.UTF_8));
        return SCHEME + HexFormat.of().formatHex(sha256.digest()).substring(0, 64 - SCHEME.length());
    }

    /**
     * The tokens of Java source: identifiers, keywords and numbers as runs of word characters, string and
     * character literals whole, text blocks by their value, every other character on its own.
     */
    public static List<String> tokens(String source) {
        List<String> tokens = new ArrayList<>();
        Tokenizer tokenizer = new Tokenizer(source);
        while (tokenizer.next()) {
            tokens.add(tokenizer.text());
        }
        return tokens;
    }

    /**
     * Reads {@link #tokens} one at a time without making a string of each: the checksum of a 1,000-table baseline
     * (1.1 MB of source) is taken on every build into a fresh output, in a JVM javac has only just started.
     */
    private static final class Tokenizer {

        /** Which ASCII characters are whitespace, and which Java identifier parts, as {@link Character} says. */
        private static final boolean[] WHITESPACE = new boolean[128];
        private static final boolean[] IDENTIFIER = new boolean[128];

        static {
            for (char c = 0; c < 128; c++) {
                WHITESPACE[c] = Character.isWhitespace(c);
                IDENTIFIER[c] = Character.isJavaIdentifierPart(c);
            }
        }

        private final String source;
        private final int n;
        private int i;
        /** The current token: {@code source[start, end)}, or {@link #value} when that is not {@code null}. */
        private int start;
        private int end;
        private String value;

        Tokenizer(String source) {
            this.source = source;
            this.n = source.length();
        }

        private static boolean whitespace(char c) {
            return c < 128 ? WHITESPACE[c] : Character.isWhitespace(c);
        }

        private static boolean identifier(char c) {
            return c < 128 ? IDENTIFIER[c] : Character.isJavaIdentifierPart(c);
        }

        /** Moves to the next token; {@code false} at the end. */
        boolean next() {
            value = null;
            while (i < n) {
                char c = source.charAt(i);
                if (whitespace(c)) {
                    i++;
                } else if (c == '/' && source.startsWith("//", i)) {
                    int lineEnd = source.indexOf('\n', i);
                    i = lineEnd < 0 ? n : lineEnd + 1;
                } else if (c == '/' && source.startsWith("/*", i)) {
                    int commentEnd = source.indexOf("*/", i + 2);
                    i = commentEnd < 0 ? n : commentEnd + 2;
                } else if (c == '"' && source.startsWith("\"\"\"", i)) {
                    int close = source.indexOf("\"\"\"", i + 3);
                    while (close > 0 && escaped(source, close)) {
                        close = source.indexOf("\"\"\"", close + 1);
                    }
                    close = close < 0 ? n : close;
                    String raw = source.substring(Math.min(source.indexOf('\n', i) + 1, close), close);
                    value = "\"\"\"" + textBlockValue(raw);
                    i = Math.min(n, close + 3);
                    return true;
                } else if (c == '"' || c == '\'') {
                    int close = i + 1;
                    while (close < n && source.charAt(close) != c) {
                        close += source.charAt(close) == '\\' ? 2 : 1;
                    }
                    return token(i, Math.min(n, close + 1));
                } else if (identifier(c)) {
                    int wordEnd = i;
                    while (wordEnd < n && identifier(source.charAt(wordEnd))) {
                        wordEnd++;
                    }
                    return token(i, wordEnd);
                } else {
                    return token(i, i + 1);
                }
            }
            return false;
        }

        private boolean token(int from, int to) {
            start = from;
            end = to;
            i = to;
            return true;
        }

        /** Whether the current token is {@code text}. */
        boolean is(String text) {
            return value == null ? end - start == text.length() && source.startsWith(text, start) : value.equals(text);
        }

        String text() {
            return value != null ? value : source.substring(start, end);
        }

        /** Appends the current token and a newline. */
        void appendTo(StringBuilder out) {
            if (value != null) {
                out.append(value);
            } else {
                out.append(source, start, end);
            }
            out.append('\n');
        }
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
