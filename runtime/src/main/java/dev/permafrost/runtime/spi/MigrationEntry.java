package dev.permafrost.runtime.spi;

/**
 * One migration as the generated index lists it.
 *
 * @param version its version, from 1
 * @param description what it does, for people
 * @param checksum the SHA-256 of its source, fixed at compile time
 * @param className the binary name of its class
 */
public record MigrationEntry(int version, String description, String checksum, String className) {

    public MigrationEntry {
        if (version < 1) {
            throw new IllegalArgumentException("version " + version + " < 1");
        }
        if (checksum == null || checksum.isEmpty()) {
            throw new IllegalArgumentException("migration " + version + " has no checksum");
        }
    }
}
