package dev.permafrost.runtime;

import static dev.permafrost.runtime.Ddl.column;
import static dev.permafrost.runtime.Ddl.foreignKey;
import static dev.permafrost.runtime.Ddl.table;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.permafrost.model.ColumnType;
import dev.permafrost.testing.Db;
import dev.permafrost.testing.TestDatabase;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * On PostgreSQL, an index, a foreign key and a check added to a table with rows take the form that lets writers go
 * on: observed from other sessions while the steps run (the locks the migration holds, an insert that is not held
 * up), a process killed in the middle of a concurrent build that continues at the next start, and a lock held by a
 * long transaction waited out with a bounded {@code lock_timeout} instead of queueing every writer behind it.
 */
class LockSafePostgresTest {

    @TempDir
    Path dir;

    /** V0001: two tables, one index on a new table (plain form). */
    public static final class Tables implements Migration {
        @Override
        public void up(Operations op) {
            op.createTable(table("parent").column(column("id", ColumnType.BIGINT).notNull())
                    .column(column("name", Ddl.varchar(50))).primaryKey("pk_parent", "id").index("ix_parent_name", "name"));
            op.createTable(table("child").column(column("id", ColumnType.BIGINT).notNull())
                    .column(column("parent_id", ColumnType.BIGINT)).column(column("qty", ColumnType.INTEGER))
                    .primaryKey("pk_child", "id"));
        }

        @Override
        public void down(Operations op) {
            op.dropTable("child");
            op.dropTable("parent");
        }
    }

    /** V0002: an index, a foreign key, a check, a unique key and a not-null column on the tables with rows. */
    public static final class Keys implements Migration {
        @Override
        public void up(Operations op) {
            op.createIndex("child", "ix_child_parent_id", "parent_id");
            op.addForeignKey("child", foreignKey("fk_child_parent", "parent_id").references("parent", "id"));
            op.addCheck("child", "ck_child_qty", "qty >= 0");
            op.addUnique("parent", "uq_parent_name", "name");
            op.alterColumn("child", column("qty", ColumnType.INTEGER).notNull());
        }

        @Override
        public void down(Operations op) {
            op.alterColumn("child", column("qty", ColumnType.INTEGER));
            op.dropUnique("parent", "uq_parent_name");
            op.dropCheck("child", "ck_child_qty");
            op.dropForeignKey("child", "fk_child_parent");
            op.dropIndex("child", "ix_child_parent_id");
        }
    }

    /** V0002 as a stub that asks for one transaction. */
    @OneTransaction
    public static final class KeysInOneTransaction implements Migration {
        private final Keys keys = new Keys();

        @Override
        public void up(Operations op) {
            keys.up(op);
        }

        @Override
        public void down(Operations op) {
            keys.down(op);
        }
    }

    private static TestIndex index() {
        return TestIndex.of(new Tables(), new Keys());
    }

    private static Migrator migrator(String url) {
        return Migrator.configure(url).migrations(index()).build();
    }

    /** V0001 applied, {@code rows} children under 1000 parents. */
    private static void populated(String url, int rows) throws Exception {
        migrator(url).migrateTo(1);
        Db.execute(url, "insert into parent select g, 'p' || g from generate_series(1, 1000) g",
                "insert into child select g, 1 + g % 1000, g % 7 from generate_series(1, " + rows + ") g",
                "analyze child");
    }

    @Test
    void thePlanShowsTheLockSafeFormForTheTableWithRowsAndThePlainOneForNewTables() throws Exception {
        try (TestDatabase.Fresh db = TestDatabase.POSTGRES.create(dir)) {
            List<String> baseline = migrator(db.url()).plan(1).steps().get(0).statements();
            assertTrue(baseline.contains("create index ix_parent_name on parent(name)"), baseline.toString());
            migrator(db.url()).migrateTo(1);
            List<String> keys = migrator(db.url()).plan().steps().get(0).statements();
            assertEquals(List.of(
                    "-- create index ix_child_parent_id on child without blocking writers: outside the migration's"
                            + " transaction, each on its own",
                    "create index concurrently if not exists ix_child_parent_id on child(parent_id)",
                    "alter table child add constraint fk_child_parent foreign key (parent_id) references parent (id)"
                            + " on delete no action on update no action not valid",
                    "-- add foreign key fk_child_parent to child without blocking writers: outside the migration's"
                            + " transaction, each on its own",
                    "alter table child validate constraint fk_child_parent",
                    "alter table child add constraint ck_child_qty check (qty >= 0) not valid",
                    "-- add check ck_child_qty to child without blocking writers: outside the migration's transaction,"
                            + " each on its own",
                    "alter table child validate constraint ck_child_qty",
                    "-- add unique constraint uq_parent_name to parent without blocking writers: outside the migration's"
                            + " transaction, each on its own",
                    "create unique index concurrently if not exists uq_parent_name on parent(name)",
                    "alter table parent add constraint uq_parent_name unique using index uq_parent_name",
                    "alter table child add constraint pf_nn_child_qty check (qty is not null) not valid",
                    "-- alter column child.qty to integer not null without blocking writers: outside the migration's"
                            + " transaction, each on its own",
                    "alter table child validate constraint pf_nn_child_qty",
                    "alter table child alter qty set not null",
                    "alter table child drop constraint if exists pf_nn_child_qty"), keys);
            List<String> plain = Migrator.configure(db.url()).migrations(index()).lockSafeDdl(false).build().plan()
                    .steps().get(0).statements();
            assertEquals("create index ix_child_parent_id on child(parent_id)", plain.get(0), plain.toString());
        }
    }

    /** A migration that fails after the others of a run. */
    public static final class Fails implements Migration {
        @Override
        public void up(Operations op) {
            op.sql("insert into no_such_table values (1)");
        }

        @Override
        public void down(Operations op) {
        }
    }

    @Test
    void aNewDatabaseIsBuiltInThePlainFormSoThatItsMigrationsCanBeOneTransaction() throws Exception {
        try (TestDatabase.Fresh db = TestDatabase.POSTGRES.create(dir)) {
            List<String> keys = migrator(db.url()).plan().steps().get(1).statements();
            assertEquals("create index ix_child_parent_id on child(parent_id)", keys.get(0), keys.toString());
            assertTrue(keys.stream().noneMatch(s -> s.startsWith("--") || s.contains("concurrently")
                    || s.contains("not valid")), keys.toString());

            PermafrostException failed = assertThrows(PermafrostException.class, () -> Migrator.configure(db.url())
                    .migrations(TestIndex.of(new Tables(), new Keys(), new Fails())).groupPending(true).build().migrate());
            assertTrue(failed.getMessage().contains("no_such_table"), failed.getMessage());
            assertEquals(List.of("0"), Db.rows(db.url(), "select count(*) from pg_class c join pg_namespace n"
                    + " on n.oid = c.relnamespace where n.nspname = current_schema() and c.relname in ('parent', 'child')"),
                    "grouped, the failure takes the tables of V0001 and the keys of V0002 back with it");

            MigrateResult built = Migrator.configure(db.url()).migrations(index()).groupPending(true).build().migrate();
            assertEquals(2, built.toVersion());
            assertEquals(List.of("1 applied 3", "2 applied 5"), Db.rows(db.url(), "select version || ' ' || state || ' '"
                    + " || statements from permafrost_history order by version"));
            List<String> later = Migrator.configure(db.url()).migrations(TestIndex.of(new Tables(), new Keys(),
                    new KeysAgain())).build().plan().steps().get(0).statements();
            assertTrue(later.contains("create index concurrently if not exists ix_child_qty on child(qty)"),
                    "a run from a version above 0 takes the lock-safe form again: " + later);
        }
    }

    /** V0003: another index on a table V0001 made. */
    public static final class KeysAgain implements Migration {
        @Override
        public void up(Operations op) {
            op.createIndex("child", "ix_child_qty", "qty");
        }

        @Override
        public void down(Operations op) {
            op.dropIndex("child", "ix_child_qty");
        }
    }

    @Test
    void aStubMarkedOneTransactionTakesThePlainFormInOneTransaction() throws Exception {
        try (TestDatabase.Fresh db = TestDatabase.POSTGRES.create(dir)) {
            Migrator migrator = Migrator.configure(db.url()).migrations(TestIndex.of(new Tables(),
                    new KeysInOneTransaction())).build();
            migrator.migrateTo(1);
            List<String> plan = migrator.plan().steps().get(0).statements();
            assertEquals("create index ix_child_parent_id on child(parent_id)", plan.get(0), plan.toString());
            assertTrue(plan.stream().noneMatch(s -> s.startsWith("--") || s.contains("concurrently")
                    || s.contains("not valid")), plan.toString());
            assertEquals(2, migrator.migrate().toVersion());
            assertEquals(List.of("applied 5"), Db.rows(db.url(), "select state || ' ' || statements from"
                    + " permafrost_history where version = 2"));
        }
    }

    @Test
    void writersGoOnWhileTheIndexIsBuiltAndTheKeysAreValidated() throws Exception {
        try (TestDatabase.Fresh db = TestDatabase.POSTGRES.create(dir)) {
            populated(db.url(), 1_000_000);
            java.util.concurrent.atomic.AtomicLong worst = new java.util.concurrent.atomic.AtomicLong();
            java.util.concurrent.atomic.AtomicInteger writes = new java.util.concurrent.atomic.AtomicInteger();
            CompletableFuture<MigrateResult> migrating = CompletableFuture.supplyAsync(() -> migrator(db.url()).migrate());
            // Inserts and updates for as long as the migration runs, each allowed to wait 500 ms for a lock: a step
            // that blocked writers fails one of them.
            CompletableFuture<Void> writing = CompletableFuture.runAsync(() -> {
                try (Connection c = DriverManager.getConnection(db.url()); Statement w = c.createStatement()) {
                    w.execute("set lock_timeout = '500ms'");
                    int id = 5_000_000;
                    while (!migrating.isDone()) {
                        long start = System.nanoTime();
                        w.executeUpdate("insert into child values (" + id + ", 1, 1)");
                        w.executeUpdate("update child set qty = qty + 1 where id = " + (id++ - 4_000_000));
                        worst.accumulateAndGet((System.nanoTime() - start) / 1_000_000, Math::max);
                        writes.incrementAndGet();
                    }
                } catch (java.sql.SQLException e) {
                    String doing;
                    try {
                        doing = Db.rows(db.url(), "select query from pg_stat_activity where state = 'active' and pid <>"
                                + " pg_backend_pid() and query not like 'insert%' and query not like 'update%'").toString();
                    } catch (java.sql.SQLException again) {
                        doing = again.toString();
                    }
                    throw new IllegalStateException("a writer was blocked during the migration, which ran " + doing, e);
                }
            }, java.util.concurrent.Executors.newSingleThreadExecutor()); // not the common pool: it may have one thread
            try (Connection watcher = DriverManager.getConnection(db.url());
                 Connection writer = DriverManager.getConnection(db.url())) {
                int pid = awaitQuery(watcher, "create index concurrently%", migrating);
                List<String> held = Db.rows(db.url(), "select mode from pg_locks l join pg_class c on c.oid = l.relation"
                        + " where l.pid = " + pid + " and c.relname = 'child' and l.granted");
                assertTrue(held.contains("ShareUpdateExclusiveLock"), held.toString());
                assertFalse(held.contains("ShareLock") || held.contains("AccessExclusiveLock"), held.toString());
                try (Statement insert = writer.createStatement()) {
                    insert.execute("set lock_timeout = '500ms'");
                    long start = System.nanoTime();
                    insert.executeUpdate("insert into child values (2000001, 1, 1)");
                    long millis = (System.nanoTime() - start) / 1_000_000;
                    assertTrue(millis < 500, "an insert during the concurrent build took " + millis + " ms");
                }
            }
            MigrateResult result = migrating.get(2, TimeUnit.MINUTES);
            writing.get(1, TimeUnit.MINUTES);
            assertEquals(2, result.toVersion());
            assertTrue(writes.get() > 10, "the writer ran throughout: " + writes.get() + " writes");
            assertTrue(worst.get() < 500, "a write during the migration took " + worst.get() + " ms");
            assertEquals(List.of("t"), Db.rows(db.url(), "select i.indisvalid from pg_index i join pg_class c"
                    + " on c.oid = i.indexrelid where c.relname = 'ix_child_parent_id'"));
            assertEquals(List.of("t", "t", "t"), Db.rows(db.url(), "select convalidated from pg_constraint where conname"
                    + " in ('fk_child_parent', 'ck_child_qty', 'uq_parent_name') order by conname"));
            assertEquals(List.of("t"), Db.rows(db.url(), "select attnotnull from pg_attribute where attrelid ="
                    + " 'child'::regclass and attname = 'qty'"));
            assertEquals(List.of(), Db.rows(db.url(), "select conname from pg_constraint where conname like 'pf_nn_%'"),
                    "the helper check is gone");
            assertTrue(migrator(db.url()).validate().valid());
        }
    }

    @Test
    void aProcessKilledDuringTheConcurrentBuildContinuesAtTheNextStart() throws Exception {
        try (TestDatabase.Fresh db = TestDatabase.POSTGRES.create(dir)) {
            populated(db.url(), 1_000_000);
            CompletableFuture<MigrateResult> migrating = CompletableFuture.supplyAsync(() -> migrator(db.url()).migrate());
            try (Connection watcher = DriverManager.getConnection(db.url())) {
                int pid = awaitQuery(watcher, "create index concurrently%", migrating);
                Db.execute(db.url(), "select pg_terminate_backend(" + pid + ")");
            }
            Exception killed = assertThrows(Exception.class, () -> migrating.get(1, TimeUnit.MINUTES));
            assertTrue(killed.getCause() instanceof PermafrostException, killed.toString());
            assertEquals(List.of("applying 0"), Db.rows(db.url(), "select state || ' ' || statements from"
                    + " permafrost_history where version = 2"));
            Validation stopped = migrator(db.url()).validate();
            assertEquals(List.of("V0002 stopped part way; its lock-safe steps run outside one transaction, and the next"
                    + " migrate() continues where it stopped"), stopped.problems());

            MigrateResult resumed = migrator(db.url()).migrate();
            assertEquals(1, resumed.fromVersion());
            assertEquals(2, resumed.toVersion());
            assertEquals(List.of("t"), Db.rows(db.url(), "select i.indisvalid from pg_index i join pg_class c"
                    + " on c.oid = i.indexrelid where c.relname = 'ix_child_parent_id'"), "one valid index, no leftover");
            assertEquals(List.of("applied 11"), Db.rows(db.url(), "select state || ' ' || statements from"
                    + " permafrost_history where version = 2"));
            assertTrue(migrator(db.url()).validate().valid());
            migrator(db.url()).migrateTo(1);
            assertEquals(List.of(), Db.rows(db.url(), "select conname from pg_constraint where conname in"
                    + " ('fk_child_parent', 'ck_child_qty')"), "down ran");
        }
    }

    @Test
    void aLongTransactionIsWaitedOutWithoutQueueingWritersBehindTheMigration() throws Exception {
        try (TestDatabase.Fresh db = TestDatabase.POSTGRES.create(dir)) {
            populated(db.url(), 1000);
            try (Connection longTransaction = DriverManager.getConnection(db.url());
                 Connection writer = DriverManager.getConnection(db.url())) {
                longTransaction.setAutoCommit(false);
                try (Statement s = longTransaction.createStatement()) {
                    s.executeUpdate("update child set qty = qty where id = 1"); // holds ROW EXCLUSIVE on child
                }
                CompletableFuture<MigrateResult> migrating = CompletableFuture.supplyAsync(() -> Migrator
                        .configure(db.url()).migrations(index()).statementLockTimeout(Duration.ofMillis(200)).build()
                        .migrate());
                long worst = 0;
                long until = System.nanoTime() + 1_500_000_000L;
                int id = 3_000_000;
                try (Statement insert = writer.createStatement()) {
                    while (System.nanoTime() < until) {
                        long start = System.nanoTime();
                        insert.executeUpdate("insert into child values (" + id++ + ", 1, 1)");
                        worst = Math.max(worst, (System.nanoTime() - start) / 1_000_000);
                        Thread.sleep(20);
                    }
                }
                assertFalse(migrating.isDone(), "the migration waits for the long transaction");
                longTransaction.commit();
                assertEquals(2, migrating.get(1, TimeUnit.MINUTES).toVersion());
                assertTrue(worst < 1000, "a writer waited " + worst + " ms behind the migration's lock request"
                        + " (each attempt gives up after 200 ms)");
            }
        }
    }

    @Test
    void aLockNeverGrantedGivesUpWithPF712AndTheNextStartContinues() throws Exception {
        try (TestDatabase.Fresh db = TestDatabase.POSTGRES.create(dir)) {
            populated(db.url(), 1000);
            try (Connection longTransaction = DriverManager.getConnection(db.url())) {
                longTransaction.setAutoCommit(false);
                try (Statement s = longTransaction.createStatement()) {
                    s.executeUpdate("update child set qty = qty where id = 1");
                }
                PermafrostException e = assertThrows(PermafrostException.class, () -> Migrator.configure(db.url())
                        .migrations(index()).statementLockTimeout(Duration.ofMillis(100)).lockTimeout(Duration.ofSeconds(1))
                        .build().migrate());
                assertEquals("PF712", e.messageCode());
                assertTrue(e.getMessage().startsWith("migration V0002 could not take the lock its statement needs within"
                        + " 1 s of trying: "), e.getMessage());
                assertTrue(e.getMessage().contains("Each attempt gave up after 100 ms"), e.getMessage());
                longTransaction.commit();
            }
            assertEquals(2, migrator(db.url()).migrate().toVersion());
            assertTrue(migrator(db.url()).validate().valid());
        }
    }

    /** The pid of the session running a statement like {@code pattern}, waiting for it to start. */
    private static int awaitQuery(Connection watcher, String pattern, CompletableFuture<?> migrating) throws Exception {
        long until = System.nanoTime() + 60_000_000_000L;
        while (System.nanoTime() < until) {
            try (var statement = watcher.prepareStatement("select pid from pg_stat_activity where query like ?"
                    + " and state = 'active' and pid <> pg_backend_pid()")) {
                statement.setString(1, pattern);
                try (var rs = statement.executeQuery()) {
                    if (rs.next()) {
                        return rs.getInt(1);
                    }
                }
            }
            if (migrating.isDone()) {
                throw new AssertionError("the migration ended before a statement like '" + pattern + "' was seen: "
                        + migrating.join());
            }
            Thread.sleep(2);
        }
        throw new AssertionError("no statement like '" + pattern + "' started");
    }
}
