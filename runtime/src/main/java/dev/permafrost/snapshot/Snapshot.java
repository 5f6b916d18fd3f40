package dev.permafrost.snapshot;

import dev.permafrost.model.Schema;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * One frozen snapshot: the complete schema at a version, with what ties it into the chain.
 *
 * @param version the version, from 1
 * @param description what the migration to this version does, for people
 * @param parentHash the normalized SHA-256 of snapshot {@code version - 1}; {@code null} for version 1
 * @param entities table name → the entity class that maps it, for reading entities back from the class
 *     path when a compilation holds only some of them
 * @param schema the complete schema
 * @param converters the JPA converters applied automatically ({@code @Converter(autoApply = true)}) when it was
 *     written, sorted, for finding them again when a compilation does not hold them
 */
public record Snapshot(int version, String description, String parentHash, Map<String, String> entities, Schema schema,
                       java.util.List<String> converters) {

    /** The format this Permafrost writes; it reads this one and every older one. */
    public static final int FORMAT = 1;

    public Snapshot {
        if (version < 1) {
            throw new IllegalArgumentException("version " + version + " < 1");
        }
        if ((version == 1) != (parentHash == null)) {
            throw new IllegalArgumentException("version 1 has no parent, every later version has one");
        }
        if (description == null || description.isBlank() || description.contains("\n")) {
            throw new IllegalArgumentException("a snapshot needs a one-line description");
        }
        entities = Collections.unmodifiableSortedMap(new TreeMap<>(entities));
        converters = java.util.List.copyOf(new java.util.TreeSet<>(converters));
    }

    /** A snapshot of a schema that no automatic converter shaped. */
    public Snapshot(int version, String description, String parentHash, Map<String, String> entities, Schema schema) {
        this(version, description, parentHash, entities, schema, java.util.List.of());
    }

    /** {@code V0001.sql}: four digits at least, so that file listings sort by version. */
    public static String fileName(int version) {
        return "V" + versionLabel(version) + ".sql";
    }

    /**
     * The version a run of decimal digits names, or -1 when it is no version Permafrost could have written (0,
     * or beyond an {@code int}, such as {@code V99999999999.sql}).
     */
    public static int parseVersion(String digits) {
        try {
            long version = Long.parseLong(digits);
            return version >= 1 && version <= Integer.MAX_VALUE ? (int) version : -1;
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** {@code 0001}. */
    public static String versionLabel(int version) {
        if (version < 0) {
            return String.format("%04d", version);
        }
        // as String.format("%04d") writes it, without starting a Formatter for every file name
        String digits = Integer.toString(version);
        return digits.length() >= 4 ? digits : "0000".substring(digits.length()) + digits;
    }

    /** A version as people read it: {@code V0001}. */
    public static String label(int version) {
        return "V" + versionLabel(version);
    }
}
