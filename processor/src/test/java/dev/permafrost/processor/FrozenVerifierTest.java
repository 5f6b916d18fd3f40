package dev.permafrost.processor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.permafrost.message.Message;
import dev.permafrost.snapshot.SnapshotException;
import java.io.UncheckedIOException;
import org.junit.jupiter.api.Test;

/**
 * What a compilation ends with when the thread verifying the frozen snapshots fails while javac's thread is already
 * stopping: what stopped it, never the thread's crash in its place.
 */
class FrozenVerifierTest {

    private static final UncheckedIOException CRASH = new UncheckedIOException("V0003.sql", new java.io.IOException(
            "Input/output error"));

    private static FrozenVerifier crashing() {
        return FrozenVerifier.start(() -> {
            throw CRASH;
        });
    }

    @Test
    void aCrashOfTheThreadIsAddedToACrashOnJavacsThreadInsteadOfReplacingIt() {
        IllegalStateException stop = new IllegalStateException("reading entity com.acme.Item");
        Diagnostics diagnostics = Diagnostics.silent();

        crashing().awaitAfter(stop, diagnostics);

        assertArrayEquals(new Throwable[] {CRASH}, stop.getSuppressed());
        assertEquals(0, diagnostics.reported());
    }

    @Test
    void aCrashOfTheThreadAfterAReportedErrorLeavesTheErrorAsTheOnlyReport() {
        Diagnostics diagnostics = Diagnostics.silent();
        diagnostics.reportText(null, Message.FROZEN_FILE, "an entity's error, reported where it was found");

        crashing().awaitAfter(Abort.reported(), diagnostics);

        assertEquals(1, diagnostics.reported());
    }

    @Test
    void aSnapshotProblemFoundWhileJavacsThreadCrashedIsStillReported() {
        Diagnostics diagnostics = Diagnostics.silent();
        FrozenVerifier verifier = FrozenVerifier.start(() -> {
            throw new SnapshotException(Message.FROZEN_FILE, "V0001.sql", 0, "changed after it was frozen");
        });

        verifier.awaitAfter(new IllegalStateException("a crash on javac's thread"), diagnostics);

        assertEquals(1, diagnostics.errors());
    }

    @Test
    void aCrashOfTheThreadWhenNothingElseStoppedTheCompilationIsTheCrashReported() {
        RuntimeException thrown = assertThrows(RuntimeException.class, () -> crashing().await(Diagnostics.silent()));

        assertSame(CRASH, thrown);
    }
}
