package dev.permafrost.snapshot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** A squash in the manifest: written after the entries, read back exactly, and any edit refused. */
class ManifestSquashTest {

    private static final String SHA = "a".repeat(64);
    private static final String T1 = "t1:" + "b".repeat(61);

    private static Manifest manifest() {
        return new Manifest("com.acme.migrations", List.of(new Manifest.Entry(1, SHA, "V0001_Baseline"),
                new Manifest.Entry(2, SHA, "V0002_SeedRoles"), new Manifest.Entry(3, SHA, "V0003_AddEmail")));
    }

    @Test
    void aManifestWithoutSquashStaysFormatOne() {
        assertTrue(manifest().write().contains("\nformat 1\n"), manifest().write());
        assertEquals(manifest(), Manifest.read(manifest().write()));
    }

    @Test
    void aSquashIsWrittenAsFormatTwoAndReadBack() {
        Manifest squashed = manifest().with(new Manifest.Squash(2, Manifest.Squash.className(2), List.of(
                new Manifest.Replaced(1, T1, SHA, false), new Manifest.Replaced(2, T1, SHA, true))));
        String text = squashed.write();
        assertTrue(text.contains("format 2\npackage com.acme.migrations\nV0001.sql " + SHA + " V0001_Baseline\n"), text);
        assertTrue(text.contains("V0003.sql " + SHA + " V0003_AddEmail\nsquash V0002 B0002_Baseline\nreplaced V0001 " + T1
                + " " + SHA + "\nreplaced V0002 " + T1 + " " + SHA + " data\ntotal "), text);
        assertEquals(squashed, Manifest.read(text));
        assertEquals(squashed.with(new Manifest.Entry(4, SHA, "V0004_X")).squash(), squashed.squash());
    }

    @Test
    void anEditedOrIncompleteSquashIsRefused() {
        String text = manifest().with(new Manifest.Squash(2, "B0002_Baseline", List.of(
                new Manifest.Replaced(1, T1, SHA, false), new Manifest.Replaced(2, T1, SHA, false)))).write();
        SnapshotException edited = assertThrows(SnapshotException.class,
                () -> Manifest.read(text.replace(" " + SHA + "\ntotal", " " + SHA + " data\ntotal")));
        assertTrue(edited.getMessage().contains("was edited"), edited.getMessage());
        SnapshotException skipped = assertThrows(SnapshotException.class,
                () -> Manifest.read(text.replace("replaced V0001", "replaced V0003")));
        assertTrue(skipped.getMessage().contains("is not the next replaced migration of the squash"), skipped.getMessage());
        SnapshotException newer = assertThrows(SnapshotException.class,
                () -> Manifest.read(text.replace("format 2", "format 3")));
        assertTrue(newer.getMessage().contains("written by a newer Permafrost (manifest format 3, this one reads up to 2)"),
                newer.getMessage());
    }
}
