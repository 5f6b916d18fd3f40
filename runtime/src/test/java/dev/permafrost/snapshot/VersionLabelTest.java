package dev.permafrost.snapshot;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Version labels are written without a Formatter, exactly as {@code String.format("%04d")} writes them. */
class VersionLabelTest {

    @Test
    void everyLabelIsTheFormattersOwn() {
        for (int version = -1200; version <= 123_456; version++) {
            assertEquals(String.format("%04d", version), Snapshot.versionLabel(version));
        }
        assertEquals("V0007.sql", Snapshot.fileName(7));
        assertEquals("V12345", Snapshot.label(12345));
        assertEquals(String.format("%04d", Integer.MAX_VALUE), Snapshot.versionLabel(Integer.MAX_VALUE));
        assertEquals(String.format("%04d", Integer.MIN_VALUE), Snapshot.versionLabel(Integer.MIN_VALUE));
    }
}
