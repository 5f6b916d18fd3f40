package dev.permafrost.runtime;

import static dev.permafrost.runtime.Ddl.column;
import static dev.permafrost.runtime.Ddl.table;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.permafrost.model.ColumnType;
import dev.permafrost.testing.Db;
import dev.permafrost.testing.TestDatabase;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A fleet of tenant databases, one of them broken on purpose (it already has a table the baseline creates): every
 * other target reaches the newest version, the broken one is reported with its error and keeps nothing of the
 * migration that failed, and a second run finds the others up to date.
 */
class FleetTest {

    @TempDir
    Path dir;

    public static final class Items implements Migration {
        @Override
        public void up(Operations op) {
            op.createTable(table("items").column(column("id", ColumnType.BIGINT).notNull())
                    .column(column("name", Ddl.varchar(40))).primaryKey("pk_items", "id"));
        }

        @Override
        public void down(Operations op) {
            op.dropTable("items");
        }
    }

    public static final class Price implements Migration {
        @Override
        public void up(Operations op) {
            op.addColumn("items", column("price", ColumnType.INTEGER));
        }

        @Override
        public void down(Operations op) {
            op.dropColumn("items", "price");
        }
    }

    private static Migrator.Builder settings(String url) {
        return Migrator.configure(url).migrations(TestIndex.of(new Items(), new Price()));
    }

    @Test
    void twoHundredSqliteFilesOneBroken() throws Exception {
        List<String> urls = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            urls.add("jdbc:sqlite:" + dir.resolve("tenant-" + i + ".db"));
        }
        Db.execute(urls.get(137), "create table items (id integer)");
        FleetReport first = Fleet.of(urls, FleetTest::settings).parallelism(4).continueOnError(true).migrate();
        checkOneBroken(first, urls, 137);
        assertEquals(List.of("id"), Db.columns(urls.get(137), "items"), "the broken tenant kept what it had");

        FleetReport second = Fleet.of(urls, FleetTest::settings).parallelism(4).continueOnError(true).migrate();
        assertEquals(199, second.count(FleetReport.State.UP_TO_DATE), second.toString());
        assertEquals(1, second.count(FleetReport.State.FAILED));
    }

    @Test
    void twoHundredPostgresSchemasOneBroken() throws Exception {
        try (TestDatabase.Fresh db = TestDatabase.POSTGRES.create(dir)) {
            String base = db.url().substring(0, db.url().indexOf("&currentSchema="));
            String prefix = db.url().substring(db.url().indexOf("&currentSchema=") + "&currentSchema=".length());
            List<String> urls = new ArrayList<>();
            try (Connection c = DriverManager.getConnection(base); Statement s = c.createStatement()) {
                for (int i = 0; i < 200; i++) {
                    s.execute("create schema " + prefix + "_t" + i);
                    urls.add(base + "&currentSchema=" + prefix + "_t" + i);
                }
                s.execute("create table " + prefix + "_t42.items (id integer)");
            }
            try {
                FleetReport report = Fleet.of(urls, FleetTest::settings).parallelism(4).continueOnError(true).migrate();
                checkOneBroken(report, urls, 42);
                assertEquals(List.of(), Db.rows(urls.get(42), "select version from permafrost_history"),
                        "nothing of the failed baseline was recorded");
                assertEquals(List.of("1", "2"), Db.rows(urls.get(7), "select version from permafrost_history order by 1"));
            } finally {
                try (Connection c = DriverManager.getConnection(base); Statement s = c.createStatement()) {
                    for (int i = 0; i < 200; i++) {
                        s.execute("drop schema " + prefix + "_t" + i + " cascade");
                    }
                }
            }
        }
    }

    private static void checkOneBroken(FleetReport report, List<String> urls, int broken) {
        assertFalse(report.ok());
        assertEquals(199, report.count(FleetReport.State.MIGRATED), report.toString());
        assertEquals(1, report.count(FleetReport.State.FAILED), report.toString());
        for (int i = 0; i < urls.size(); i++) {
            FleetReport.Entry entry = report.entries().get(i);
            if (i == broken) {
                assertEquals(FleetReport.State.FAILED, entry.state());
                assertEquals(0, entry.before());
                assertEquals(0, entry.after());
                assertTrue(entry.message().startsWith("PF"), entry.message());
                assertTrue(entry.message().contains("items"), entry.message());
            } else {
                assertEquals(FleetReport.State.MIGRATED, entry.state(), entry.toString());
                assertEquals(0, entry.before());
                assertEquals(2, entry.after());
                assertNull(entry.message());
            }
        }
        String table = report.toString();
        assertTrue(table.startsWith("target"), table);
        assertTrue(table.endsWith("200 targets in " + report.millis() + " ms: 199 migrated, 0 up to date, 1 failed,"
                + " 0 skipped"), table);
        assertTrue(report.toJson().startsWith("{\"ok\":false,\"millis\":"), report.toJson());
    }

    @Test
    void aFailedCanaryStopsTheFleetAndWithoutContinueOnErrorNoNewTargetStarts() throws Exception {
        List<String> urls = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            urls.add("jdbc:sqlite:" + dir.resolve("c-" + i + ".db"));
        }
        Db.execute(urls.get(1), "create table items (id integer)");
        FleetReport canary = Fleet.of(urls, FleetTest::settings).canary(3).parallelism(2).migrate();
        assertEquals(List.of(FleetReport.State.MIGRATED, FleetReport.State.FAILED, FleetReport.State.SKIPPED),
                canary.entries().subList(0, 3).stream().map(FleetReport.Entry::state).toList(), canary.toString());
        assertEquals(8, canary.count(FleetReport.State.SKIPPED), canary.toString());
        assertEquals(List.of(), Db.tables(urls.get(5)), "a skipped target is not touched");

        FleetReport stop = Fleet.of(urls.subList(1, 10), FleetTest::settings).parallelism(1).migrate();
        assertEquals(FleetReport.State.FAILED, stop.entries().get(0).state());
        assertEquals(8, stop.count(FleetReport.State.SKIPPED), stop.toString());
    }

    /**
     * A target that fails part way is reported with the version it started from and the one it reached, as the
     * migration read them (the fleet reads no status of its own before migrating); one refused before its history was
     * read (not a database) reports no version.
     */
    @Test
    void aTargetThatFailsPartWayReportsWhereItStartedAndWhereItStopped() throws Exception {
        String partWay = "jdbc:sqlite:" + dir.resolve("part-way.db");
        settings(partWay).build().migrateTo(1);
        Db.execute(partWay, "insert into items (id, name) values (1, 'a')");
        List<String> urls = List.of(partWay, "jdbc:sqlite:" + dir.resolve("no-such-dir/x.db"));
        FleetReport report = Fleet.of(urls, url -> Migrator.configure(url).migrations(TestIndex.of(new Items(),
                new Price(), new Broken()))).continueOnError(true).migrate();

        FleetReport.Entry stopped = report.entries().get(0);
        assertEquals(FleetReport.State.FAILED, stopped.state(), report.toString());
        assertEquals(1, stopped.before(), report.toString());
        assertEquals(2, stopped.after(), report.toString());
        FleetReport.Entry unreachable = report.entries().get(1);
        assertEquals(FleetReport.State.FAILED, unreachable.state(), report.toString());
        assertEquals(-1, unreachable.before(), report.toString());
        assertEquals(-1, unreachable.after(), report.toString());
    }

    /** A migration whose {@code up} fails on the database. */
    public static final class Broken implements Migration {
        @Override
        public void up(Operations op) {
            op.sql("insert into items (id, name) values (1, 'duplicate key')");
        }

        @Override
        public void down(Operations op) {
        }
    }

    /** An integration's own way of migrating each target gets the same report; {@code null} has the version read. */
    @Test
    void eachTargetMayBeMigratedItsOwnWay() throws Exception {
        List<String> urls = List.of("jdbc:sqlite:" + dir.resolve("own-1.db"), "jdbc:sqlite:" + dir.resolve("own-2.db"));
        FleetReport toOne = Fleet.of(urls, FleetTest::settings).migrate(target -> {
            target.migrator().migrateTo(1);
            return null;
        });
        assertEquals(List.of(FleetReport.State.MIGRATED, FleetReport.State.MIGRATED),
                toOne.entries().stream().map(FleetReport.Entry::state).toList(), toOne.toString());
        assertEquals(List.of(1, 1), toOne.entries().stream().map(FleetReport.Entry::after).toList());
        FleetReport again = Fleet.of(urls, FleetTest::settings).migrate(target -> null);
        assertEquals(2, again.count(FleetReport.State.UP_TO_DATE), again.toString());
        FleetReport refused = Fleet.of(urls, FleetTest::settings).continueOnError(true).migrate(target -> {
            throw new IllegalStateException("not today");
        });
        assertEquals(2, refused.count(FleetReport.State.FAILED), refused.toString());
        assertEquals("not today", refused.entries().get(0).message());
    }

    static final java.util.concurrent.atomic.AtomicInteger RECORDED = new java.util.concurrent.atomic.AtomicInteger();
    static final java.util.concurrent.atomic.AtomicInteger SEEDED = new java.util.concurrent.atomic.AtomicInteger();

    /** Counts how often its up is recorded. */
    public static final class CountedPrice implements Migration {
        @Override
        public void up(Operations op) {
            RECORDED.incrementAndGet();
            op.addColumn("items", column("price", ColumnType.INTEGER));
        }

        @Override
        public void down(Operations op) {
            op.dropColumn("items", "price");
        }
    }

    /** A data step: recorded for each database, so that no step object runs on two at once. */
    public static final class Seed implements Migration {
        @Override
        public void up(Operations op) {
            SEEDED.incrementAndGet();
            op.execute("seed one item", ctx -> ctx.execute("insert into items (id, name, price) values (1, 'first', 3)"));
        }

        @Override
        public void down(Operations op) {
            op.sql("delete from items where id = 1");
        }
    }

    /** The databases of a fleet with one index share each stub's recording and plan; data steps are not shared. */
    @Test
    void theTargetsOfOneIndexRecordAndPlanEachStubOnce() throws Exception {
        RECORDED.set(0);
        SEEDED.set(0);
        TestIndex index = TestIndex.of(new Items(), new CountedPrice(), new Seed());
        List<String> urls = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            urls.add("jdbc:sqlite:" + dir.resolve("shared-" + i + ".db"));
        }
        FleetReport report = Fleet.of(urls, url -> Migrator.configure(url).migrations(index)).parallelism(3).migrate();
        assertEquals(10, report.count(FleetReport.State.MIGRATED), report.toString());
        assertEquals(1, RECORDED.get(), "V0002 recorded once for ten databases");
        assertEquals(10, SEEDED.get(), "V0003 holds a data step: recorded for each database");
        for (String url : urls) {
            assertEquals(List.of("1|first|3"), Db.rows(url, "select id, name, price from items"));
        }
        index.add(new Migration() {
            @Override
            public void up(Operations op) {
                op.addColumn("items", column("note", ColumnType.TEXT));
            }

            @Override
            public void down(Operations op) {
                op.dropColumn("items", "note");
            }
        }, "another");
        assertEquals(4, Migrator.configure(urls.get(0)).migrations(index).build().migrate().toVersion(),
                "an index that lists more migrations is not served from what was remembered");
    }
}
