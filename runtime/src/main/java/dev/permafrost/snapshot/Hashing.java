package dev.permafrost.snapshot;

import dev.permafrost.model.Names;

/**
 * Hashes of frozen files that survive a checkout on another platform: a byte-order mark and
 * {@code \r\n} or {@code \r} line endings do not change them.
 */
public final class Hashing {

    private Hashing() {
    }

    /** The text with a leading byte-order mark removed and every line ending made {@code \n}. */
    public static String normalize(String text) {
        String withoutBom = text.startsWith("\uFEFF") ? text.substring(1) : text;
        return withoutBom.replace("\r\n", "\n").replace('\r', '\n');
    }

    /** The lower-case hex SHA-256 of the normalized text. */
    public static String sha256(String text) {
        return Names.sha256Hex(normalize(text));
    }
}
