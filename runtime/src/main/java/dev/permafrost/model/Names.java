package dev.permafrost.model;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Naming rules shared by everything that makes or reads a model: portable identifiers, the snake_case
 * convention and the deterministic names of constraints and indexes.
 */
public final class Names {

    /** The longest identifier every supported database accepts (PostgreSQL's limit). */
    public static final int MAX_LENGTH = 63;

    private Names() {
    }

    /** Whether {@code name} is a portable, lower-case identifier of at most {@value #MAX_LENGTH} characters. */
    public static boolean isIdentifier(String name) {
        if (name == null || name.isEmpty() || name.length() > MAX_LENGTH) {
            return false;
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (!(c >= 'a' && c <= 'z' || c == '_' || i > 0 && c >= '0' && c <= '9')) {
                return false;
            }
        }
        return true; // [a-z_][a-z0-9_]*, without a regex: every name of every entity passes here
    }

    /** Whether {@code name}, in any case, becomes a portable identifier once lower-cased: what users may write. */
    public static boolean isPortable(String name) {
        return name != null && isIdentifier(name.toLowerCase(java.util.Locale.ROOT));
    }

    static void requireIdentifier(String name, String what) {
        if (!isIdentifier(name)) {
            throw new IllegalArgumentException(what + " '" + name + "' is not a portable identifier"
                    + " ([a-z_][a-z0-9_]*, at most " + MAX_LENGTH + " characters)");
        }
    }

    static List<String> requireColumns(List<String> columns, String owner) {
        if (columns == null || columns.isEmpty()) {
            throw new IllegalArgumentException(owner + " has no columns");
        }
        List<String> copy = List.copyOf(columns);
        Set<String> seen = new HashSet<>();
        for (String column : copy) {
            requireIdentifier(column, "column of " + owner);
            if (!seen.add(column)) {
                throw new IllegalArgumentException(owner + " lists column " + column + " twice");
            }
        }
        return copy;
    }

    /**
     * The snake_case form of a Java name: {@code featuresSyncedAt} → {@code features_synced_at},
     * {@code HTTPServer} → {@code http_server}, {@code productID} → {@code product_id}.
     */
    public static String snakeCase(String javaName) {
        StringBuilder sb = new StringBuilder(javaName.length() + 8);
        for (int i = 0; i < javaName.length(); i++) {
            char c = javaName.charAt(i);
            if (Character.isUpperCase(c)) {
                boolean afterLowerOrDigit = i > 0
                        && (Character.isLowerCase(javaName.charAt(i - 1)) || Character.isDigit(javaName.charAt(i - 1)));
                boolean endsAcronym = i > 0 && Character.isUpperCase(javaName.charAt(i - 1))
                        && i + 1 < javaName.length() && Character.isLowerCase(javaName.charAt(i + 1));
                if ((afterLowerOrDigit || endsAcronym) && sb.charAt(sb.length() - 1) != '_') {
                    sb.append('_');
                }
                sb.append(Character.toLowerCase(c));
            } else {
                sb.append(c);
            }
        }
        return sb.toString().toLowerCase(Locale.ROOT);
    }

    /**
     * An identifier as canonical DDL writes it: as it is, or in double quotes when a supported database reserves
     * it ({@code "order"}), the same on every database.
     */
    public static String quoted(String name) {
        return ReservedWords.isReserved(name) ? "\"" + name + "\"" : name;
    }

    /** {@link #quoted} of each name, joined with {@code ", "}. */
    public static String quotedList(java.util.List<String> names) {
        return String.join(", ", names.stream().map(Names::quoted).toList());
    }

    public static String primaryKey(String table) {
        return shorten("pk_" + table);
    }

    public static String unique(String table, List<String> columns) {
        return shorten("uq_" + table + "_" + String.join("_", columns));
    }

    public static String index(String table, List<String> columns) {
        return shorten("ix_" + table + "_" + String.join("_", columns));
    }

    public static String foreignKey(String table, List<String> columns, String referencedTable) {
        return shorten("fk_" + table + "_" + String.join("_", columns) + "_" + referencedTable);
    }

    public static String check(String table, String name) {
        return shorten("ck_" + table + "_" + name);
    }

    /**
     * {@code name} itself when it fits {@value #MAX_LENGTH} characters, else its first 54 characters,
     * an underscore and 8 hex digits of its SHA-256: stable on every machine, unique in practice.
     */
    public static String shorten(String name) {
        if (name.length() <= MAX_LENGTH) {
            return name;
        }
        return name.substring(0, MAX_LENGTH - 9) + "_" + sha256Hex(name).substring(0, 8);
    }

    /** The lower-case hex SHA-256 of the UTF-8 bytes of {@code text}. */
    public static String sha256Hex(String text) {
        return sha256Hex(text.getBytes(StandardCharsets.UTF_8));
    }

    /** The lower-case hex SHA-256 of {@code bytes}. */
    public static String sha256Hex(byte[] bytes) {
        return HexFormat.of().formatHex(sha256().digest(bytes));
    }

    /**
     * A new SHA-256 digest, for a hash of several parts: a copy of one looked up once, since a build hashes a thousand
     * small texts and each look-up walks the installed security providers.
     */
    public static MessageDigest sha256() {
        try {
            return (MessageDigest) Sha256.PROTOTYPE.clone();
        } catch (CloneNotSupportedException e) {
            return Sha256.lookUp();
        }
    }

    /** The digest copied by {@link #sha256()}, looked up on first use. */
    private static final class Sha256 {
        static final MessageDigest PROTOTYPE = lookUp();

        static MessageDigest lookUp() {
            try {
                return MessageDigest.getInstance("SHA-256");
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("every Java platform has SHA-256", e);
            }
        }
    }
}
