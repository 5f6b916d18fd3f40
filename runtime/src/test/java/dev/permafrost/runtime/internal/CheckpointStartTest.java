package dev.permafrost.runtime.internal;

import static dev.permafrost.runtime.Ddl.BIGINT;
import static dev.permafrost.runtime.Ddl.INTEGER;
import static dev.permafrost.runtime.Ddl.column;
import static dev.permafrost.runtime.Ddl.table;
import static dev.permafrost.runtime.Ddl.varchar;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.permafrost.diff.Differ;
import dev.permafrost.model.Schema;
import dev.permafrost.runtime.Migration;
import dev.permafrost.runtime.Operations;
import dev.permafrost.runtime.spi.MigrationEntry;
import dev.permafrost.runtime.spi.MigrationIndex;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The schema at the newest two versions comes from the one the build recorded, without loading any other stub, when
 * the newest stub's down and up agree with it; otherwise every stub is replayed, as before.
 */
class CheckpointStartTest {

    static final class Baseline implements Migration {
        @Override
        public void up(Operations op) {
            op.createTable(table("items").column(column("id", BIGINT).notNull()).column(column("name", varchar(40)))
                    .primaryKey("pk_items", "id"));
        }

        @Override
        public void down(Operations op) {
            op.dropTable("items");
        }
    }

    static final class AddStock implements Migration {
        @Override
        public void up(Operations op) {
            op.addColumn("items", column("stock", INTEGER));
        }

        @Override
        public void down(Operations op) {
            op.dropColumn("items", "stock");
        }
    }

    static final class IndexStock implements Migration {
        @Override
        public void up(Operations op) {
            op.createIndex("items", "ix_items_stock", "stock");
        }

        @Override
        public void down(Operations op) {
            op.dropIndex("items", "ix_items_stock");
        }
    }

    /** Its down forgets to drop the index its up creates. */
    static final class IndexStockWithoutDown implements Migration {
        @Override
        public void up(Operations op) {
            op.createIndex("items", "ix_items_stock", "stock");
        }

        @Override
        public void down(Operations op) {
        }
    }

    /** An index that records which stubs were loaded and returns a recorded newest schema. */
    static final class Index implements MigrationIndex {

        final List<Migration> stubs;
        final Schema recorded;
        final Set<Integer> loaded = new TreeSet<>();

        Index(Schema recorded, Migration... stubs) {
            this.stubs = List.of(stubs);
            this.recorded = recorded;
        }

        @Override
        public List<MigrationEntry> migrations() {
            List<MigrationEntry> entries = new ArrayList<>();
            for (int v = 1; v <= stubs.size(); v++) {
                entries.add(new MigrationEntry(v, "v" + v, "c" + v, stubs.get(v - 1).getClass().getName()));
            }
            return entries;
        }

        @Override
        public Migration load(MigrationEntry entry) {
            loaded.add(entry.version());
            return stubs.get(entry.version() - 1);
        }

        @Override
        public Schema newestSchema() {
            return recorded;
        }
    }

    private static Schema replayed(Migration... stubs) {
        return Migrations.replayed(new Index(null, stubs)).schemaAt(stubs.length);
    }

    @Test
    void theDeployOfTheNewestAndValidateLoadOnlyTheNewestStub() {
        Schema newest = replayed(new Baseline(), new AddStock(), new IndexStock());
        Index index = new Index(newest, new Baseline(), new AddStock(), new IndexStock());
        Migrations migrations = new Migrations(index);

        Schema before = migrations.up(3).before();
        assertTrue(Differ.equivalent(replayed(new Baseline(), new AddStock()), before), before.toString());
        assertTrue(Differ.equivalent(newest, migrations.schemaAt(3)));
        assertEquals(Set.of(3), index.loaded, "no other stub is loaded");
    }

    @Test
    void withoutARecordedSchemaEveryStubIsReplayed() {
        Index index = new Index(null, new Baseline(), new AddStock(), new IndexStock());
        new Migrations(index).up(3);
        assertEquals(Set.of(1, 2, 3), index.loaded);
    }

    @Test
    void aRecordedSchemaTheNewestStubDoesNotFitIsNotTaken() {
        // The recorded schema lacks the index the newest stub's down drops: down fails on it, so the stubs are replayed.
        Schema withoutIndex = replayed(new Baseline(), new AddStock());
        Index index = new Index(withoutIndex, new Baseline(), new AddStock(), new IndexStock());
        Migrations migrations = new Migrations(index);
        assertEquals(replayed(new Baseline(), new AddStock(), new IndexStock()), migrations.schemaAt(3));
        assertEquals(Set.of(1, 2, 3), index.loaded);
    }

    @Test
    void aDownThatDoesNotUndoTheUpMakesTheStubsReplay() {
        Schema newest = replayed(new Baseline(), new AddStock(), new IndexStockWithoutDown());
        Index index = new Index(newest, new Baseline(), new AddStock(), new IndexStockWithoutDown());
        Migrations migrations = new Migrations(index);
        assertEquals(replayed(new Baseline(), new AddStock()), migrations.up(3).before(),
                "the schema before V3 is the replayed one, not the recorded one with the index still in it");
        assertEquals(Set.of(1, 2, 3), index.loaded);
    }

    @Test
    void aDatabaseFurtherBehindIsReplayedFromTheStart() {
        Schema newest = replayed(new Baseline(), new AddStock(), new IndexStock());
        Index index = new Index(newest, new Baseline(), new AddStock(), new IndexStock());
        Migrations migrations = new Migrations(index);
        assertEquals(replayed(new Baseline()), migrations.up(2).before());
        migrations.up(3);
        assertEquals(Set.of(1, 2, 3), index.loaded, "replayed once it began, not mixed with the recorded schema");
    }

    @Test
    void theTestKitsReplayNeverTakesTheRecordedSchema() {
        Schema newest = replayed(new Baseline(), new AddStock(), new IndexStock());
        Index index = new Index(newest, new Baseline(), new AddStock(), new IndexStock());
        Migrations.replayed(index).schemaAt(3);
        assertEquals(Set.of(1, 2, 3), index.loaded);
    }
}
