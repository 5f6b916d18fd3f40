package dev.permafrost.processor;

import dev.permafrost.snapshot.FrozenFiles;
import dev.permafrost.snapshot.SnapshotException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;

/**
 * The frozen snapshots verified on a thread of their own while the entities are read: a build into a fresh output has
 * no record of what was verified before and hashes every snapshot (14 MB at 21 versions of a 1,000-table model, a
 * third of a second in a JVM that javac has only just started). Nothing is written before {@link #await} has said
 * they are all as frozen; the thread touches only the files, never javac.
 */
final class FrozenVerifier {

    private final FutureTask<Void> task;
    private boolean awaited;

    private FrozenVerifier(FrozenFiles frozen) {
        this.task = new FutureTask<>(() -> {
            frozen.verifyAll();
            return null;
        });
    }

    /** Starts verifying every snapshot of {@code frozen} that is not verified yet. */
    static FrozenVerifier start(FrozenFiles frozen) {
        FrozenVerifier verifier = new FrozenVerifier(frozen);
        Thread thread = new Thread(verifier.task, "permafrost-verify-frozen-files");
        thread.setDaemon(true);
        thread.start();
        return verifier;
    }

    /** Waits until every snapshot is verified; reports the first problem and throws {@link Abort} when there is one. */
    void await(Diagnostics diagnostics) {
        SnapshotException problem = finish();
        if (problem != null) {
            diagnostics.reportText(null, problem.code(), problem.getMessage());
            throw Abort.reported();
        }
    }

    /**
     * Waits for the thread when {@link #await} was not reached (a compilation that stopped early), reporting a problem
     * only when nothing else was reported: a compilation that stops at an entity's error is not told twice.
     */
    void awaitQuietly(Diagnostics diagnostics) {
        if (awaited) {
            return;
        }
        SnapshotException problem = finish();
        if (problem != null && diagnostics.errors() == 0) {
            diagnostics.reportText(null, problem.code(), problem.getMessage());
        }
    }

    private SnapshotException finish() {
        awaited = true;
        try {
            task.get();
            return null;
        } catch (ExecutionException e) {
            if (e.getCause() instanceof SnapshotException problem) {
                return problem;
            }
            if (e.getCause() instanceof RuntimeException crash) {
                throw crash;
            }
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while verifying the frozen snapshots", e);
        }
    }
}
