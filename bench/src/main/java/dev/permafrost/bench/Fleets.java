package dev.permafrost.bench;

import dev.permafrost.runtime.Fleet;
import dev.permafrost.runtime.FleetReport;
import dev.permafrost.runtime.Migrator;
import dev.permafrost.runtime.spi.MigrationIndex;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.flywaydb.core.Flyway;

/**
 * Migrating a fleet of tenant databases from empty to the newest version: Permafrost's {@link Fleet} against a loop
 * of Flyway migrations given the same number of threads (Flyway has no fleet of its own; a user runs one per tenant
 * in a loop, or in an executor), on SQLite files and on PostgreSQL schemas of the local server.
 */
final class Fleets {

    static final int THREADS = 4;

    private Fleets() {
    }

    /**
     * Milliseconds for Permafrost's fleet, for the Flyway loop and for the raw-JDBC floor (the same statements, no
     * history), on {@code targets} fresh SQLite files each.
     */
    static double[] sqlite(Path work, Workload workload, int targets, int round, boolean grouped) throws Exception {
        MigrationIndex index = workload.index();
        double[] ms = new double[SIDES.size()];
        for (int side : order(round)) {
            List<String> urls = new ArrayList<>();
            for (int i = 0; i < targets; i++) {
                urls.add("jdbc:sqlite:" + work.resolve("fleet-" + SIDES.get(side) + "-" + (grouped ? "g" : "s") + round
                        + "-" + i + ".db"));
            }
            ms[side] = switch (side) {
                case 0 -> permafrost(urls, index, grouped);
                case 1 -> flyway(urls, null, "filesystem:" + workload.flyway, grouped);
                default -> raw(urls, workload.flyway, grouped);
            };
        }
        return ms;
    }

    /** The sides of a fleet benchmark, in the order of the figures returned: Permafrost, the Flyway loop, the floor. */
    private static final List<String> SIDES = List.of("pf", "fw", "raw");

    /**
     * The order the sides run in, turned by one each round: each side runs first, second and third once in three
     * rounds, so that none always meets the JVM cold, or the server just after another side's work.
     */
    private static int[] order(int round) {
        int[] order = new int[SIDES.size()];
        for (int k = 0; k < order.length; k++) {
            order[k] = (round + k) % order.length;
        }
        return order;
    }

    /** The same on {@code targets} fresh schemas of the local PostgreSQL each; Flyway runs the plain PostgreSQL SQL. */
    static double[] postgres(Path work, Workload workload, int targets, int round, boolean grouped) throws Exception {
        MigrationIndex index = workload.index();
        Path sql = flywaySql(work, index);
        double[] ms = new double[SIDES.size()];
        // Each side meets the same server: only its own schemas exist while it runs, and the catalogs are vacuumed
        // after it. (Until 2026-12-07 all 600 schemas were made first and the sides ran in a fixed order, each after
        // the one before had filled 200 schemas with 17 tables: Permafrost always met the smallest catalog, the floor
        // the largest.)
        for (int side : order(round)) {
            List<String> schemas = new ArrayList<>();
            List<String> urls = new ArrayList<>();
            try (Connection c = DriverManager.getConnection(LockStalls.SERVER); Statement s = c.createStatement()) {
                for (int i = 0; i < targets; i++) {
                    String schema = "bench_fleet_" + SIDES.get(side) + "_" + round + "_" + i;
                    s.execute("drop schema if exists " + schema + " cascade");
                    s.execute("create schema " + schema);
                    schemas.add(schema);
                    urls.add(LockStalls.SERVER + "&currentSchema=" + schema);
                }
            }
            try {
                ms[side] = switch (side) {
                    case 0 -> permafrost(urls, index, grouped);
                    case 1 -> flyway(urls, schemas, "filesystem:" + sql, grouped);
                    default -> raw(urls, sql, grouped);
                };
            } finally {
                dropAndVacuum(schemas);
            }
        }
        return ms;
    }

    /**
     * Drops {@code schemas} and vacuums the catalogs: 200 schemas of 17 tables leave hundreds of thousands of dead
     * catalog rows that autovacuum does not keep up with, and the next side would meet a slower server than this one.
     */
    private static void dropAndVacuum(List<String> schemas) throws Exception {
        try (Connection c = DriverManager.getConnection(LockStalls.SERVER); Statement s = c.createStatement()) {
            for (String schema : schemas) {
                s.execute("drop schema if exists " + schema + " cascade");
            }
            s.execute("vacuum pg_catalog.pg_attribute, pg_catalog.pg_class, pg_catalog.pg_type, pg_catalog.pg_depend,"
                    + " pg_catalog.pg_constraint, pg_catalog.pg_index, pg_catalog.pg_attrdef, pg_catalog.pg_namespace,"
                    + " pg_catalog.pg_sequence, pg_catalog.pg_shdepend");
        }
    }

    /** @param grouped each tenant's pending migrations in one transaction ({@code groupPending}) */
    private static double permafrost(List<String> urls, MigrationIndex index, boolean grouped) {
        long start = System.nanoTime();
        FleetReport report = Fleet.of(urls, url -> Migrator.configure(url).migrations(index).groupPending(grouped))
                .parallelism(THREADS).migrate();
        double ms = (System.nanoTime() - start) / 1e6;
        if (!report.ok()) {
            throw new IllegalStateException(report.toString());
        }
        return ms;
    }

    /**
     * Flyway on each URL (in its schema, if given), {@link #THREADS} at a time; {@code grouped}: Flyway's own
     * {@code group(true)}, all pending migrations in one transaction.
     */
    private static double flyway(List<String> urls, List<String> schemas, String location, boolean grouped)
            throws Exception {
        List<java.util.concurrent.Callable<Void>> tasks = new ArrayList<>();
        for (int i = 0; i < urls.size(); i++) {
            String url = urls.get(i);
            String schema = schemas == null ? null : schemas.get(i);
            tasks.add(() -> {
                var configuration = Flyway.configure().dataSource(url, null, null).locations(location).group(grouped);
                if (schema != null) {
                    configuration.schemas(schema);
                }
                configuration.load().migrate();
                return null;
            });
        }
        return onThreads(tasks);
    }

    /** Milliseconds to run {@code tasks} {@link #THREADS} at a time. */
    private static double onThreads(List<java.util.concurrent.Callable<Void>> tasks) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        long start = System.nanoTime();
        try {
            List<Future<Void>> running = new ArrayList<>();
            for (var task : tasks) {
                running.add(pool.submit(task));
            }
            for (Future<Void> future : running) {
                future.get();
            }
        } finally {
            pool.shutdownNow();
        }
        return (System.nanoTime() - start) / 1e6;
    }

    /**
     * The floor: the same statements over plain JDBC, no history, a commit per version (or per tenant when
     * {@code grouped}), {@link #THREADS} tenants at a time.
     */
    private static double raw(List<String> urls, Path sql, boolean grouped) throws Exception {
        List<List<String>> versions = new ArrayList<>();
        try (var listing = Files.list(sql)) {
            for (Path file : listing.sorted(java.util.Comparator.comparingInt(p -> Integer.parseInt(
                    p.getFileName().toString().substring(1, p.getFileName().toString().indexOf("__"))))).toList()) {
                versions.add(java.util.Arrays.stream(Files.readString(file).split(";\n")).filter(x -> !x.isBlank())
                        .toList());
            }
        }
        List<java.util.concurrent.Callable<Void>> tasks = new ArrayList<>();
        for (String url : urls) {
            tasks.add(() -> {
                try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
                    c.setAutoCommit(false);
                    for (List<String> version : versions) {
                        for (String statement : version) {
                            s.execute(statement);
                        }
                        if (!grouped) {
                            c.commit();
                        }
                    }
                    c.commit();
                }
                return null;
            });
        }
        return onThreads(tasks);
    }

    /** The workload's plain PostgreSQL SQL (as a hand-written Flyway project would have it), one file per version. */
    private static Path flywaySql(Path work, MigrationIndex index) throws Exception {
        Path dir = work.resolve("fleet-flyway-pg");
        if (Files.exists(dir)) {
            return dir;
        }
        Files.createDirectories(dir);
        String schema = "bench_fleet_plan";
        try (Connection c = DriverManager.getConnection(LockStalls.SERVER); Statement s = c.createStatement()) {
            s.execute("drop schema if exists " + schema + " cascade");
            s.execute("create schema " + schema);
        }
        try {
            Workload.writeFlywaySql(Migrator.configure(LockStalls.SERVER + "&currentSchema=" + schema).migrations(index)
                    .lockSafeDdl(false).build().plan(), dir);
        } finally {
            try (Connection c = DriverManager.getConnection(LockStalls.SERVER); Statement s = c.createStatement()) {
                s.execute("drop schema if exists " + schema + " cascade");
            }
        }
        return dir;
    }
}
