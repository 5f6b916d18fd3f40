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
        List<String> pf = new ArrayList<>();
        List<String> fw = new ArrayList<>();
        List<String> raw = new ArrayList<>();
        for (int i = 0; i < targets; i++) {
            String mode = grouped ? "g" : "s";
            pf.add("jdbc:sqlite:" + work.resolve("fleet-pf-" + mode + round + "-" + i + ".db"));
            fw.add("jdbc:sqlite:" + work.resolve("fleet-fw-" + mode + round + "-" + i + ".db"));
            raw.add("jdbc:sqlite:" + work.resolve("fleet-raw-" + mode + round + "-" + i + ".db"));
        }
        double permafrost = permafrost(pf, index, grouped);
        double flyway = flyway(fw, null, "filesystem:" + workload.flyway, grouped);
        double floor = raw(raw, workload.flyway, grouped);
        return new double[] {permafrost, flyway, floor};
    }

    /** The same on {@code targets} fresh schemas of the local PostgreSQL each; Flyway runs the plain PostgreSQL SQL. */
    static double[] postgres(Path work, Workload workload, int targets, int round, boolean grouped) throws Exception {
        MigrationIndex index = workload.index();
        Path sql = flywaySql(work, index);
        List<String> pf = new ArrayList<>();
        List<String> fw = new ArrayList<>();
        List<String> raw = new ArrayList<>();
        List<String> schemas = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(LockStalls.SERVER); Statement s = c.createStatement()) {
            for (int i = 0; i < targets; i++) {
                for (String side : List.of("pf", "fw", "raw")) {
                    String schema = "bench_fleet_" + side + "_" + round + "_" + i;
                    s.execute("drop schema if exists " + schema + " cascade");
                    s.execute("create schema " + schema);
                    schemas.add(schema);
                    (side.equals("pf") ? pf : side.equals("fw") ? fw : raw).add(LockStalls.SERVER + "&currentSchema="
                            + schema);
                }
            }
        }
        try {
            double permafrost = permafrost(pf, index, grouped);
            double flyway = flyway(fw, fw.stream().map(u -> u.substring(u.indexOf("currentSchema=") + 14)).toList(),
                    "filesystem:" + sql, grouped);
            double floor = raw(raw, sql, grouped);
            return new double[] {permafrost, flyway, floor};
        } finally {
            try (Connection c = DriverManager.getConnection(LockStalls.SERVER); Statement s = c.createStatement()) {
                for (String schema : schemas) {
                    s.execute("drop schema if exists " + schema + " cascade");
                }
                // 600 schemas of 17 tables leave millions of dead catalog rows that autovacuum does not keep up with:
                // the next round's sides would meet a slower server than this one's.
                s.execute("vacuum pg_catalog.pg_attribute, pg_catalog.pg_class, pg_catalog.pg_type,"
                        + " pg_catalog.pg_depend, pg_catalog.pg_constraint, pg_catalog.pg_index, pg_catalog.pg_attrdef,"
                        + " pg_catalog.pg_namespace, pg_catalog.pg_sequence, pg_catalog.pg_shdepend");
            }
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
