package dev.permafrost.processor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.permafrost.processor.write.StubDigests;
import dev.permafrost.runtime.spi.ResourceMigrationIndex;
import dev.permafrost.snapshot.Hashing;
import dev.permafrost.snapshot.Manifest;
import dev.permafrost.snapshot.StubChecksum;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The stubs read and checksummed beside javac's thread give what the index computes on it, or nothing. */
class StubDigestsTest {

    private static final String SOURCE = "package com.acme.migrations;\r\n\r\nimport b.B;\nimport a.A;\n"
            + "/** Added. */\npublic final class V0001_Baseline { String s = \"\"\"\n    text\n    \"\"\"; }\n";

    @TempDir
    Path dir;

    private final Manifest manifest = new Manifest("com.acme.migrations", List.of(
            new Manifest.Entry(1, "0".repeat(64), "V0001_Baseline"),
            new Manifest.Entry(2, "1".repeat(64), "V0002_AddColumn")));

    private Path stub(String className) {
        return dir.resolve("src/com/acme/migrations").resolve(className + ".java");
    }

    @Test
    void aStubIsDigestedAsTheIndexWouldAndAMissingOneIsLeftToIt() throws Exception {
        Files.createDirectories(stub("V0001_Baseline").getParent());
        Files.writeString(stub("V0001_Baseline"), SOURCE);
        StubDigests digests = new StubDigests();

        digests.compute(dir.resolve("src"), dir.resolve("classes"), manifest);

        StubDigests.Digest digest = digests.get(stub("V0001_Baseline"));
        assertEquals(new StubDigests.Digest(SOURCE, Hashing.sha256(SOURCE), StubChecksum.of(SOURCE)), digest);
        assertNull(digests.get(stub("V0002_AddColumn")), "missing: read, and reported, where the index is written");
    }

    @Test
    void nothingIsDigestedWhenTheClassOutputHasAnEarlierIndexToTakeTheChecksumsFrom() throws Exception {
        Files.createDirectories(stub("V0001_Baseline").getParent());
        Files.writeString(stub("V0001_Baseline"), SOURCE);
        Path index = dir.resolve("classes/com/acme/migrations").resolve(ResourceMigrationIndex.RESOURCE);
        Files.createDirectories(index.getParent());
        Files.writeString(index, "");
        StubDigests digests = new StubDigests();

        digests.compute(dir.resolve("src"), dir.resolve("classes"), manifest);

        assertNull(digests.get(stub("V0001_Baseline")));
    }
}
