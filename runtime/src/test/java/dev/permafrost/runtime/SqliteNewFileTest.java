package dev.permafrost.runtime;

import static dev.permafrost.runtime.Ddl.column;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.permafrost.dialect.sqlite.SqliteNewFile;
import dev.permafrost.model.ColumnType;
import dev.permafrost.testing.Db;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A new SQLite file is built beside its place and moved there once built (ADR 0029): nobody sees it half built, what
 * a failed migration leaves is what it would leave in place, and anything that made the file meanwhile wins.
 */
class SqliteNewFileTest {

    @TempDir
    Path dir;

    /** Adds a column and, in its data step, runs {@code during} (what the test wants to see or do meanwhile). */
    static final class Watched implements Migration {
        private final ThrowingRunnable during;

        Watched(ThrowingRunnable during) {
            this.during = during;
        }

        @Override
        public void up(Operations op) {
            op.addColumn("items", column("price", ColumnType.INTEGER));
            op.execute("look around", ctx -> during.run());
        }

        @Override
        public void down(Operations op) {
            op.dropColumn("items", "price");
        }
    }

    interface ThrowingRunnable {
        void run() throws Exception;
    }

    private Migrator migrator(String url, ThrowingRunnable during) {
        return Migrator.configure(url).migrations(TestIndex.of(new FleetTest.Items(), new Watched(during))).build();
    }

    private Path building(Path file) {
        return file.resolveSibling(file.getFileName() + SqliteNewFile.SUFFIX);
    }

    @Test
    void aNewFileIsBuiltBesideItsPlaceWithTheUrlsSettingsAndMovedThereWhenBuilt() throws Exception {
        Path file = dir.resolve("app.db");
        List<String> seen = new ArrayList<>();
        MigrateResult result = migrator("jdbc:sqlite:" + file + "?page_size=8192", () -> seen.add(Files.exists(file)
                + " " + Files.exists(building(file)))).migrate();
        assertEquals(List.of("false true"), seen, "while migrating, only the building file exists");
        assertTrue(Files.exists(file));
        assertFalse(Files.exists(building(file)));
        assertEquals(2, result.toVersion());
        assertEquals("SQLite jdbc:sqlite:" + file, result.database(), "named as the database, not the building file");
        assertEquals(List.of("1", "2"), Db.rows("jdbc:sqlite:" + file, "select version from permafrost_history order by 1"));
        assertEquals(List.of("8192"), Db.rows("jdbc:sqlite:" + file, "pragma page_size"), "the URL's settings were kept");
        assertEquals(List.of("delete"), Db.rows("jdbc:sqlite:" + file, "pragma journal_mode"),
                "the journal in memory was the building connections' setting only");
        assertEquals(2, migrator("jdbc:sqlite:" + file, () -> { }).validate().version());
    }

    @Test
    void aFailedMigrationLeavesTheFileWithWhatCommittedBeforeIt() throws Exception {
        Path file = dir.resolve("app.db");
        PermafrostException e = assertThrows(PermafrostException.class, () -> migrator("jdbc:sqlite:" + file, () -> {
            throw new IllegalStateException("no prices today");
        }).migrate());
        assertTrue(e.getMessage().contains("no prices today"), e.getMessage());
        assertFalse(e.getMessage().contains(SqliteNewFile.SUFFIX), e.getMessage());
        assertFalse(Files.exists(building(file)));
        assertEquals(List.of("1"), Db.rows("jdbc:sqlite:" + file, "select version from permafrost_history"));
        assertEquals(List.of("id", "name"), Db.columns("jdbc:sqlite:" + file, "items"), "V0002 rolled back");
    }

    @Test
    void aFileMadeWhileItWasBuiltIsMigratedInPlaceAndTheBuiltOneDropped() throws Exception {
        Path file = dir.resolve("app.db");
        MigrateResult result = migrator("jdbc:sqlite:" + file, () -> {
            if (!Files.exists(file)) {
                Db.execute("jdbc:sqlite:" + file, "create table notes (id integer)");
            }
        }).migrate();
        assertEquals(2, result.toVersion());
        assertFalse(Files.exists(building(file)));
        assertEquals(List.of("items", "notes", "permafrost_history"), Db.tables("jdbc:sqlite:" + file),
                "the file someone else made was kept and migrated");
    }

    @Test
    void anExistingBuildingFileIsLeftToItsOwnerAndTheDatabaseMigratedInPlace() throws Exception {
        Path file = dir.resolve("app.db");
        Files.writeString(building(file), "another process's");
        List<Boolean> inPlace = new ArrayList<>();
        MigrateResult result = migrator("jdbc:sqlite:" + file, () -> inPlace.add(Files.exists(file))).migrate();
        assertEquals(List.of(true), inPlace);
        assertEquals(2, result.toVersion());
        assertFalse(Files.exists(building(file)), "once the database has its name the building file is litter");
    }

    @Test
    void aBuildingFileLeftBesideAnExistingDatabaseIsDeletedAtTheNextStart() throws Exception {
        Path file = dir.resolve("app.db");
        String url = "jdbc:sqlite:" + file;
        assertEquals(2, migrator(url, () -> { }).migrate().toVersion());
        // What a process killed between linking the built file to its name and deleting the building name leaves.
        Files.createLink(building(file), file);

        MigrateResult again = migrator(url, () -> { }).migrate();

        assertEquals(List.of(), again.applied(), "up to date");
        assertFalse(Files.exists(building(file)), "the leftover is deleted");
        assertEquals(List.of("1", "2"), Db.rows(url, "select version from permafrost_history order by 1"),
                "the database itself is untouched");
    }

    /** A table of its own, for a third migration after {@link Watched}. */
    static final class Notes implements Migration {
        @Override
        public void up(Operations op) {
            op.createTable(Ddl.table("notes").column(column("id", ColumnType.BIGINT).notNull()));
        }

        @Override
        public void down(Operations op) {
            op.dropTable("notes");
        }
    }

    @Test
    void aBuilderWhoseFileAnotherInstanceDeletedFinishesInPlaceWithoutAnError() throws Exception {
        Path file = dir.resolve("app.db");
        String url = "jdbc:sqlite:" + file;
        java.util.concurrent.CountDownLatch inside = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.CountDownLatch go = new java.util.concurrent.CountDownLatch(1);
        Migrator builder = Migrator.configure(url).migrations(TestIndex.of(new FleetTest.Items(), new Watched(() -> {
            if (!Files.exists(file)) {
                inside.countDown();
                go.await();
            }
        }), new Notes())).build();
        var first = java.util.concurrent.CompletableFuture.supplyAsync(builder::migrate);
        assertTrue(inside.await(30, java.util.concurrent.TimeUnit.SECONDS), "the builder reached V0002");
        MigrateResult inPlace = builder.migrate();
        assertEquals(3, inPlace.applied().size(), "the second instance migrated the file in place");
        assertFalse(Files.exists(building(file)), "and deleted the building file");
        go.countDown();
        MigrateResult built = first.get(30, java.util.concurrent.TimeUnit.SECONDS);
        assertEquals(3, built.toVersion());
        assertEquals(List.of(), built.applied(), "its file was gone: it found the database up to date in place");
        assertEquals(List.of("1", "2", "3"), Db.rows(url, "select version from permafrost_history order by 1"));
    }

    @Test
    void aProcessKilledWhileBuildingLeavesNoDatabaseFileAndTheNextStartBuildsIt() throws Exception {
        Path file = dir.resolve("app.db");
        String url = "jdbc:sqlite:" + file;
        Process child = Child.start(url, "crash");
        BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream()));
        String line;
        while ((line = out.readLine()) != null && !line.equals("IN_MIGRATION")) {
            // start-up output
        }
        assertEquals("IN_MIGRATION", line, "the child reached V0002's data step");
        assertTrue(Files.size(building(file)) > 0, "V0001 committed in the building file");
        child.destroyForcibly();
        assertTrue(child.waitFor(30, TimeUnit.SECONDS));
        assertFalse(Files.exists(file), "nobody can open a half-built database");

        Process last = Child.start(url, "crash", "-Dslow.millis=0");
        String output = Child.finish(last, dir);
        assertEquals(0, last.exitValue(), output);
        assertTrue(output.contains("RESULT 2 2"), output);
        assertEquals(List.of("1", "2"), Db.rows(url, "select version from permafrost_history order by version"));
        assertFalse(Files.exists(building(file)));
    }

    @Test
    void aFleetOfNewFilesWithOneFailingLeavesEachAsInPlaceAndNoBuildingFile() throws Exception {
        List<String> urls = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            urls.add("jdbc:sqlite:" + dir.resolve("tenant-" + i + ".db"));
        }
        Migration failsOnTenant7 = new Migration() {
            @Override
            public void up(Operations op) {
                op.addColumn("items", column("price", ColumnType.INTEGER));
                op.execute("fail on tenant 7", ctx -> {
                    String file = ctx.fetchOne("select file from pragma_database_list where name = 'main'").get(0,
                            String.class);
                    if (file.contains("tenant-7.db")) {
                        throw new IllegalStateException("tenant 7 is broken");
                    }
                });
            }

            @Override
            public void down(Operations op) {
                op.dropColumn("items", "price");
            }
        };
        FleetReport report = Fleet.of(urls, url -> Migrator.configure(url).migrations(TestIndex.of(new FleetTest.Items(),
                failsOnTenant7))).parallelism(4).continueOnError(true).migrate();
        assertEquals(39, report.count(FleetReport.State.MIGRATED), report.toString());
        FleetReport.Entry broken = report.entries().get(7);
        assertEquals(FleetReport.State.FAILED, broken.state());
        assertEquals(0, broken.before());
        assertEquals(1, broken.after(), "V0001 committed before V0002 failed, as in place");
        assertTrue(broken.message().contains("tenant 7 is broken"), broken.message());
        assertFalse(broken.message().contains(SqliteNewFile.SUFFIX), broken.message());
        assertTrue(broken.name().endsWith("tenant-7.db"), broken.name());
        try (var listing = Files.list(dir)) {
            assertEquals(List.of(), listing.filter(f -> f.toString().endsWith(SqliteNewFile.SUFFIX)).toList());
        }
        assertEquals(List.of("1", "2"), Db.rows(urls.get(8), "select version from permafrost_history order by 1"));
    }

    @Test
    void onlyANewFileOfAPlainPathIsBuiltBeside() throws Exception {
        Path file = dir.resolve("app.db");
        assertEquals(file, SqliteNewFile.of("jdbc:sqlite:" + file).file());
        assertEquals("jdbc:sqlite:" + building(file) + "?page_size=8192&journal_mode=MEMORY&synchronous=OFF",
                SqliteNewFile.of("jdbc:sqlite:" + file + "?journal_mode=WAL&page_size=8192&Synchronous=FULL")
                        .buildingUrl());
        assertNull(SqliteNewFile.of("jdbc:sqlite:file:" + file), "a URI is left as it is");
        assertNull(SqliteNewFile.of("jdbc:sqlite::memory:"));
        assertNull(SqliteNewFile.of("jdbc:h2:" + file));
        assertNull(SqliteNewFile.of("jdbc:sqlite:" + dir.resolve("missing/app.db")), "no directory to build in");
        Files.writeString(dir.resolve("app.db-journal"), "");
        assertNull(SqliteNewFile.of("jdbc:sqlite:" + file), "a journal without its database is not a new file");
        Files.delete(dir.resolve("app.db-journal"));
        Files.createFile(file);
        assertNull(SqliteNewFile.of("jdbc:sqlite:" + file), "an empty file exists: someone opened it");
    }
}
