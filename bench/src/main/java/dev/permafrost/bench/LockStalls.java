package dev.permafrost.bench;

import static dev.permafrost.runtime.Ddl.INTEGER;
import static dev.permafrost.runtime.Ddl.BIGINT;
import static dev.permafrost.runtime.Ddl.column;
import static dev.permafrost.runtime.Ddl.foreignKey;
import static dev.permafrost.runtime.Ddl.table;
import static dev.permafrost.runtime.Ddl.varchar;

import dev.permafrost.runtime.Migration;
import dev.permafrost.runtime.Migrator;
import dev.permafrost.runtime.Operations;
import dev.permafrost.runtime.spi.MigrationEntry;
import dev.permafrost.runtime.spi.MigrationIndex;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * The longest stall of a writer on a populated PostgreSQL table while a migration changes it: Permafrost's lock-safe
 * form against the plain DDL Hibernate or a hand-written Flyway script runs (the same migration's SQL as
 * {@code lockSafeDdl(false)} plans it, run in one transaction without a lock timeout, as Flyway runs a script), on the
 * local server. A writer thread inserts and updates rows of the child table
 * continuously; the figure is its slowest statement between the migration's start and end.
 */
final class LockStalls {

    static final String SERVER = "jdbc:postgresql://127.0.0.1:5432/test?user=postgres";
    private static final String SCHEMA = "bench_lock_stalls";
    private static final String URL = SERVER + "&currentSchema=" + SCHEMA;

    /** A change measured, and its inverse. */
    record Change(Consumer<Operations> up, Consumer<Operations> down) {
    }

    /** The changes measured, by the name of their ratio. */
    static final Map<String, Change> CHANGES = new LinkedHashMap<>();

    static {
        CHANGES.put("add_index", new Change(op -> op.createIndex("child", "ix_child_parent_id", "parent_id"),
                op -> op.dropIndex("child", "ix_child_parent_id")));
        CHANGES.put("add_foreign_key", new Change(op -> op.addForeignKey("child",
                foreignKey("fk_child_parent", "parent_id").references("parent", "id")),
                op -> op.dropForeignKey("child", "fk_child_parent")));
        CHANGES.put("add_not_null_column_with_default", new Change(op -> op.addColumn("child",
                column("flag", INTEGER).notNull().defaultValue("0")), op -> op.dropColumn("child", "flag")));
        CHANGES.put("set_not_null", new Change(op -> op.alterColumn("child", column("qty", INTEGER).notNull()),
                op -> op.alterColumn("child", column("qty", INTEGER))));
    }

    /** How long the transaction of the "behind a long transaction" case holds its row lock, in ms. */
    static final int LONG_TRANSACTION_MS = 2000;

    /** What one measured change cost the writer, in ms, each way. */
    record Stall(String change, double safeMs, double naiveMs, double safeMigrationMs, double naiveMigrationMs) {
    }

    private LockStalls() {
    }

    /** Whether the local PostgreSQL answers. */
    static boolean available() {
        try (Connection c = DriverManager.getConnection(SERVER)) {
            return c.isValid(2);
        } catch (SQLException e) {
            return false;
        }
    }

    static List<Stall> measure(int rows, int repetitions) throws Exception {
        try (Connection c = DriverManager.getConnection(SERVER); Statement s = c.createStatement()) {
            s.execute("drop schema if exists " + SCHEMA + " cascade");
            s.execute("create schema " + SCHEMA);
        }
        List<Stall> stalls = new java.util.ArrayList<>();
        try {
            for (Map.Entry<String, Change> change : CHANGES.entrySet()) {
                MigrationIndex index = index(change.getValue());
                populate(index, rows);
                List<Double> safe = new java.util.ArrayList<>();
                List<Double> naive = new java.util.ArrayList<>();
                List<Double> safeRun = new java.util.ArrayList<>();
                List<Double> naiveRun = new java.util.ArrayList<>();
                for (int i = 0; i < repetitions; i++) {
                    double[] n = once(index, false);
                    naive.add(n[0]);
                    naiveRun.add(n[1]);
                    double[] p = once(index, true);
                    safe.add(p[0]);
                    safeRun.add(p[1]);
                }
                stalls.add(new Stall(change.getKey(), Stats.median(safe), Stats.median(naive), Stats.median(safeRun),
                        Stats.median(naiveRun)));
                if (change.getKey().equals("add_foreign_key")) {
                    double[] n = once(index, false, LONG_TRANSACTION_MS);
                    double[] p = once(index, true, LONG_TRANSACTION_MS);
                    stalls.add(new Stall("add_foreign_key_behind_a_long_transaction", p[0], n[0], p[1], n[1]));
                }
                try (Connection c = DriverManager.getConnection(URL); Statement s = c.createStatement()) {
                    s.execute("drop table child, parent, permafrost_history");
                }
            }
        } finally {
            try (Connection c = DriverManager.getConnection(SERVER); Statement s = c.createStatement()) {
                s.execute("drop schema if exists " + SCHEMA + " cascade");
            }
        }
        return stalls;
    }

    private static void populate(MigrationIndex index, int rows) throws SQLException {
        Migrator.configure(URL).migrations(index).build().migrateTo(1);
        try (Connection c = DriverManager.getConnection(URL); Statement s = c.createStatement()) {
            s.execute("insert into parent select g, 'p' || g from generate_series(1, 1000) g");
            s.execute("insert into child select g, 1 + g % 1000, g % 7 from generate_series(1, " + rows + ") g");
            s.execute("vacuum analyze child");
        }
    }

    /** Applies V0002 with a writer running, then reverts it; returns the writer's worst stall and the migration's time. */
    private static double[] once(MigrationIndex index, boolean lockSafe) throws Exception {
        return once(index, lockSafe, 0);
    }

    /**
     * @param longTransactionMs if positive, another session holds a row lock of the child table in an open
     *     transaction for this long when the migration starts (a slow request, a report): the plain DDL queues behind
     *     it and every writer queues behind the DDL; the lock-safe form gives up each attempt after 50 ms and retries
     */
    private static double[] once(MigrationIndex index, boolean lockSafe, int longTransactionMs) throws Exception {
        Migrator migrator = Migrator.configure(URL).migrations(index)
                .statementLockTimeout(java.time.Duration.ofMillis(50)).build();
        AtomicBoolean running = new AtomicBoolean(true);
        AtomicLong from = new AtomicLong(Long.MAX_VALUE);
        AtomicLong to = new AtomicLong(Long.MAX_VALUE);
        AtomicLong worst = new AtomicLong();
        Thread writer = new Thread(() -> write(running, from, to, worst), "writer");
        writer.start();
        Thread.sleep(300);
        Thread holder = null;
        if (longTransactionMs > 0) {
            java.util.concurrent.CountDownLatch locked = new java.util.concurrent.CountDownLatch(1);
            holder = new Thread(() -> holdRowLock(longTransactionMs, locked), "long transaction");
            holder.start();
            locked.await();
        }
        long start = System.nanoTime();
        from.set(start);
        if (lockSafe) {
            migrator.migrateTo(2);
        } else {
            plainScript(index);
        }
        long end = System.nanoTime();
        to.set(end);
        Thread.sleep(200);
        running.set(false);
        writer.join();
        if (holder != null) {
            holder.join();
        }
        Migrator.configure(URL).migrations(index).build().migrateTo(1);
        return new double[] {worst.get() / 1e6, (end - start) / 1e6};
    }

    /**
     * The peer: the plain DDL (as {@code lockSafeDdl(false)} plans it, which is what Hibernate or a hand-written
     * Flyway script runs) in one transaction with no lock timeout, as Flyway runs a script; then V0002's history row,
     * so that Permafrost can revert it for the next round.
     */
    private static void plainScript(MigrationIndex index) throws SQLException {
        List<String> sql = Migrator.configure(URL).migrations(index).lockSafeDdl(false).build().plan(2).steps().get(0)
                .statements();
        try (Connection c = DriverManager.getConnection(URL); Statement s = c.createStatement()) {
            c.setAutoCommit(false);
            for (String statement : sql) {
                s.execute(statement);
            }
            s.executeUpdate("insert into permafrost_history (version, description, checksum, applied_at, execution_ms,"
                    + " state, statements) values (2, 'change', 'bench-2', '" + java.time.Instant.now() + "', 0,"
                    + " 'applied', " + sql.size() + ")");
            c.commit();
        }
    }

    private static void holdRowLock(int millis, java.util.concurrent.CountDownLatch locked) {
        try (Connection c = DriverManager.getConnection(URL); Statement s = c.createStatement()) {
            c.setAutoCommit(false);
            s.executeUpdate("update child set qty = qty where id = 999999");
            locked.countDown();
            Thread.sleep(millis);
            c.commit();
        } catch (SQLException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Inserts and updates until told to stop; the slowest statement pair that overlapped the migration (started
     * before it ended and ended after it started) is the stall.
     */
    private static void write(AtomicBoolean running, AtomicLong from, AtomicLong to, AtomicLong worst) {
        try (Connection c = DriverManager.getConnection(URL);
             PreparedStatement insert = c.prepareStatement("insert into child (id, parent_id, qty) values (?, ?, 1)");
             PreparedStatement update = c.prepareStatement("update child set qty = qty + 1 where id = ?")) {
            long id = 10_000_000L + ThreadLocalRandom.current().nextLong(1_000_000_000L);
            while (running.get()) {
                long start = System.nanoTime();
                insert.setLong(1, id++);
                insert.setLong(2, 1 + id % 1000);
                insert.executeUpdate();
                update.setLong(1, 1 + ThreadLocalRandom.current().nextLong(100_000));
                update.executeUpdate();
                long end = System.nanoTime();
                if (end >= from.get() && start <= to.get()) {
                    worst.accumulateAndGet(end - start, Math::max);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** V0001 the two tables, V0002 the change. */
    private static MigrationIndex index(Change change) {
        Migration tables = new Migration() {
            @Override
            public void up(Operations op) {
                op.createTable(table("parent").column(column("id", BIGINT).notNull())
                        .column(column("name", varchar(50))).primaryKey("pk_parent", "id"));
                op.createTable(table("child").column(column("id", BIGINT).notNull())
                        .column(column("parent_id", BIGINT)).column(column("qty", INTEGER)).primaryKey("pk_child", "id"));
            }

            @Override
            public void down(Operations op) {
                op.dropTable("child");
                op.dropTable("parent");
            }
        };
        Migration changed = new Migration() {
            @Override
            public void up(Operations op) {
                change.up().accept(op);
            }

            @Override
            public void down(Operations op) {
                change.down().accept(op);
            }
        };
        return new MigrationIndex() {
            @Override
            public List<MigrationEntry> migrations() {
                return List.of(new MigrationEntry(1, "tables", "bench-1", tables.getClass().getName()),
                        new MigrationEntry(2, "change", "bench-2", changed.getClass().getName()));
            }

            @Override
            public Migration load(MigrationEntry entry) {
                return entry.version() == 1 ? tables : changed;
            }
        };
    }
}
