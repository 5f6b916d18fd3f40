package dev.permafrost.processor;

import dev.permafrost.snapshot.FrozenFiles;
import dev.permafrost.snapshot.SnapshotException;
import java.util.concurrent.Callable;
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

    private FrozenVerifier(Callable<Void> work) {
        this.task = new FutureTask<>(work);
    }

    /**
     * Starts verifying every snapshot of {@code frozen} that is not verified yet, then runs {@code then} (more work that
     * touches only files, done by the time {@link #await} returns; not run when a snapshot is not as frozen).
     */
    static FrozenVerifier start(FrozenFiles frozen, Runnable then) {
        return start(() -> {
            frozen.verifyAll();
            then.run();
            return null;
        });
    }

    /** Starts {@code work} (what {@link #start(FrozenFiles)} runs) on the verifier's thread. */
    static FrozenVerifier start(Callable<Void> work) {
        FrozenVerifier verifier = new FrozenVerifier(work);
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

    /**
     * Waits for the thread when {@code stop} (an {@link Abort} after a reported error, or a crash on javac's thread)
     * ended the compilation before {@link #await}: a problem found meanwhile is reported as {@link #awaitQuietly}
     * does, and a crash of the thread is added to {@code stop} as suppressed, never put in its place, so that the
     * compilation ends with what stopped it.
     */
    void awaitAfter(Throwable stop, Diagnostics diagnostics) {
        try {
            awaitQuietly(diagnostics);
        } catch (RuntimeException crash) {
            stop.addSuppressed(crash);
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
