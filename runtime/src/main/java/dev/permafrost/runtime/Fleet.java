package dev.permafrost.runtime;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;

/**
 * Migrates many databases with the same migrations (one per tenant: SQLite files, PostgreSQL schemas, MariaDB
 * databases) with bounded parallelism and one report:
 *
 * <pre>{@code
 * FleetReport report = Fleet.of(tenantUrls, url -> Migrator.configure(url)).parallelism(4).canary(1).migrate();
 * System.out.println(report);           // a table: target, before, after, state, ms, message
 * if (!report.ok()) System.exit(1);
 * }</pre>
 *
 * Each target is migrated as {@link Migrator#migrate()} does, each migration in its own transaction, so a target that
 * fails keeps what it had (its migrations before the failing one, never half of one where the database has
 * transactional DDL). With a canary of N, the first N targets are migrated one after the other first and the rest
 * only if they all succeeded; without {@link #continueOnError}, no new target is started after a failure (those are
 * {@code SKIPPED}).
 */
public final class Fleet {

    /** One database of the fleet, named for the report. */
    public record Target(String name, Migrator migrator) {
        public Target {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(migrator, "migrator");
        }
    }

    private final List<Target> targets;
    private int parallelism = 1;
    private int canary;
    private boolean continueOnError;

    private Fleet(List<Target> targets) {
        this.targets = List.copyOf(targets);
    }

    /** A fleet of these targets, migrated in this order (the first ones are the canaries). */
    public static Fleet of(List<Target> targets) {
        return new Fleet(targets);
    }

    /**
     * A fleet of JDBC URLs, each configured by {@code settings} ({@code url -> Migrator.configure(url)} for the
     * defaults), named in the report by the URL without its password.
     */
    public static Fleet of(Collection<String> urls, Function<String, Migrator.Builder> settings) {
        List<Target> targets = new ArrayList<>();
        for (String url : urls) {
            targets.add(new Target(dev.permafrost.runtime.internal.JdbcUrl.masked(url), settings.apply(url).build()));
        }
        return new Fleet(targets);
    }

    /** How many targets are migrated at once; 1 by default. */
    public Fleet parallelism(int parallelism) {
        if (parallelism < 1) {
            throw new IllegalArgumentException("parallelism must be at least 1");
        }
        this.parallelism = parallelism;
        return this;
    }

    /** Migrates the first {@code count} targets one by one first, and stops there if one of them fails. */
    public Fleet canary(int count) {
        if (count < 0) {
            throw new IllegalArgumentException("canary must be zero or positive");
        }
        this.canary = count;
        return this;
    }

    /** Whether the other targets are still migrated after one fails (off by default: no new target is started). */
    public Fleet continueOnError(boolean continueOnError) {
        this.continueOnError = continueOnError;
        return this;
    }

    /** Migrates every target (as above) and reports on each. */
    public FleetReport migrate() {
        return run((target, found) -> target.migrator().migrate(found));
    }

    /**
     * Runs {@code action} on every target instead of {@link Migrator#migrate()}, with the same parallelism, canary and
     * report: for integrations that migrate their own way (the Spring Boot starter's target version and strategy). The
     * action returns what it applied, or {@code null} to have the version read afterwards; it throws to fail its target.
     */
    public FleetReport migrate(Function<Target, MigrateResult> action) {
        Objects.requireNonNull(action, "action");
        return run((target, found) -> {
            found.accept(target.migrator().status().currentVersion());
            return action.apply(target);
        });
    }

    /** What a target is migrated with: it tells {@code found} the version before, as soon as it knows it. */
    private interface Action {
        MigrateResult apply(Target target, java.util.function.IntConsumer found);
    }

    private FleetReport run(Action action) {
        long start = System.nanoTime();
        FleetReport.Entry[] entries = new FleetReport.Entry[targets.size()];
        AtomicBoolean failed = new AtomicBoolean();
        int canaries = Math.min(canary, targets.size());
        for (int i = 0; i < canaries; i++) {
            entries[i] = failed.get() ? skipped(targets.get(i)) : migrate(targets.get(i), action, failed);
        }
        boolean canaryFailed = failed.get();
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(parallelism, Math.max(1, targets.size())), r -> {
            Thread thread = new Thread(r, "permafrost-fleet");
            thread.setDaemon(true);
            return thread;
        });
        try {
            List<Future<FleetReport.Entry>> running = new ArrayList<>();
            for (int i = canaries; i < targets.size(); i++) {
                Target target = targets.get(i);
                running.add(pool.submit(() -> canaryFailed || failed.get() && !continueOnError ? skipped(target)
                        : migrate(target, action, failed)));
            }
            for (int i = 0; i < running.size(); i++) {
                entries[canaries + i] = running.get(i).get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while migrating the fleet", e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
        return new FleetReport(List.of(entries), (System.nanoTime() - start) / 1_000_000);
    }

    private static FleetReport.Entry migrate(Target target, Action action, AtomicBoolean failed) {
        long start = System.nanoTime();
        int[] before = {-1};
        try {
            MigrateResult result = action.apply(target, version -> before[0] = version);
            if (result == null) {
                int after = target.migrator().status().currentVersion();
                return new FleetReport.Entry(target.name(), before[0], after, after == before[0]
                        ? FleetReport.State.UP_TO_DATE : FleetReport.State.MIGRATED, null, millisSince(start));
            }
            return new FleetReport.Entry(target.name(), result.fromVersion(), result.toVersion(),
                    result.applied().isEmpty() ? FleetReport.State.UP_TO_DATE : FleetReport.State.MIGRATED, null,
                    millisSince(start));
        } catch (RuntimeException e) {
            failed.set(true);
            int after = before[0];
            try {
                after = target.migrator().status().currentVersion();
            } catch (RuntimeException ignored) {
                // the version it reached is unknown; the failure says why
            }
            int found = before[0] >= 0 ? before[0] : after; // refused before it read the history: nothing changed
            String message = e instanceof PermafrostException p && p.messageCode() != null
                    ? p.messageCode() + " " + e.getMessage() : String.valueOf(e.getMessage());
            return new FleetReport.Entry(target.name(), found, after, FleetReport.State.FAILED, message,
                    millisSince(start));
        }
    }

    private static FleetReport.Entry skipped(Target target) {
        return new FleetReport.Entry(target.name(), -1, -1, FleetReport.State.SKIPPED, null, 0);
    }

    private static long millisSince(long start) {
        return (System.nanoTime() - start) / 1_000_000;
    }
}
