package dev.permafrost.runtime.spi;

/**
 * One migration as the generated index lists it.
 *
 * @param version its version, from 1
 * @param description what it does, for people
 * @param checksum the checksum databases record when they apply it, fixed at compile time: of the stub's code,
 *     blind to formatting and comments ({@code t1:} and 61 hex digits)
 * @param className the binary name of its class; {@code null} for a migration squashed into a baseline whose stub was
 *     then deleted ({@link MigrationIndex#squashedBaseline()}): its checksum is still checked against the history
 * @param sourceChecksum the SHA-256 of the stub's whole source, which databases migrated by Permafrost before
 *     the {@code t1:} scheme recorded; {@code null} when there is none to accept
 */
public record MigrationEntry(int version, String description, String checksum, String className, String sourceChecksum) {

    public MigrationEntry {
        if (version < 1) {
            throw new IllegalArgumentException("version " + version + " < 1");
        }
        if (checksum == null || checksum.isEmpty()) {
            throw new IllegalArgumentException("migration " + version + " has no checksum");
        }
    }

    /** An entry with one checksum and no earlier scheme to accept. */
    public MigrationEntry(int version, String description, String checksum, String className) {
        this(version, description, checksum, className, null);
    }

    /** Whether this migration's stub was deleted after a squash: databases older than it cannot be migrated. */
    public boolean removed() {
        return className == null;
    }

    /** Whether a checksum a database recorded for this version is this migration's, in either scheme. */
    public boolean matches(String recorded) {
        return checksum.equals(recorded) || (sourceChecksum != null && sourceChecksum.equals(recorded));
    }
}
