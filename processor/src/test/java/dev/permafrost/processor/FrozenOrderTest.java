package dev.permafrost.processor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.permafrost.diff.Op;
import dev.permafrost.diff.Replay;
import dev.permafrost.model.Column;
import dev.permafrost.model.ColumnType;
import dev.permafrost.model.Index;
import dev.permafrost.model.PrimaryKey;
import dev.permafrost.model.Schema;
import dev.permafrost.model.Table;
import dev.permafrost.processor.diff.FrozenOrder;
import dev.permafrost.snapshot.SnapshotWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A column a migration added comes last in the snapshots, wherever its field is: an unchanged model, its columns put in
 * the snapshot's order, has the snapshot's DDL byte for byte (so an unchanged build does not parse the snapshot), and a
 * changed one does not.
 */
class FrozenOrderTest {

    private static final Table ITEMS = Table.of("items", List.of(Column.of("id", ColumnType.BIGINT).notNull(),
            Column.of("name", ColumnType.varchar(40)), Column.of("price", ColumnType.decimal(10, 2))));

    /** The model after a field was added between {@code name} and {@code price}, and the snapshot the migration froze. */
    private static final Schema MODEL = new Schema(List.of(Table.of("items", List.of(ITEMS.columns().get(0),
            ITEMS.columns().get(1), Column.of("synced_at", ColumnType.TIMESTAMP_TZ), ITEMS.columns().get(2))),
            Table.of("tags", List.of(Column.of("name", ColumnType.TEXT)))));
    private static final Schema FROZEN = Replay.apply(new Schema(List.of(ITEMS, MODEL.tables().get(1))),
            List.of(new Op.AddColumn("items", Column.of("synced_at", ColumnType.TIMESTAMP_TZ))));

    @Test
    void anUnchangedModelInTheSnapshotsOrderIsTheSnapshotByteForByte() {
        String body = SnapshotWriter.body(FROZEN);
        assertNotEquals(body, SnapshotWriter.body(MODEL), "the added column is last in the snapshot, third in the model");
        Schema ordered = FrozenOrder.matching(MODEL, body);
        assertEquals(body, SnapshotWriter.body(ordered));
        assertEquals(FROZEN, ordered);
        assertSame(MODEL.tables().get(1), ordered.tables().get(1), "a table already in order is kept");
        assertSame(FROZEN, FrozenOrder.matching(FROZEN, body), "a model in the snapshot's order is kept as it is");
    }

    @Test
    void aTableWithIndexesSequencesAndNativeTypesIsMatchedWithAllItsLinesAndReorderedAmongThem() {
        Table accounts = Table.of("accounts", List.of(Column.of("id", ColumnType.BIGINT).notNull()
                        .sequence("accounts_seq", 1, 50), Column.of("ip", ColumnType.varchar(45)).nativeType("postgresql", "inet"),
                Column.of("email", ColumnType.varchar(200))))
                .withPrimaryKey(new PrimaryKey("pk_accounts", List.of("id")))
                .withIndexes(List.of(new Index("ix_accounts_email", List.of("email"), true)));
        Table moved = accounts.withColumns(List.of(accounts.columns().get(0), accounts.columns().get(2),
                accounts.columns().get(1)));
        Schema frozen = new Schema(List.of(accounts, ITEMS));
        Schema model = new Schema(List.of(moved, ITEMS));
        String body = SnapshotWriter.body(frozen);
        assertEquals(frozen, FrozenOrder.matching(model, body), "the columns taken in the snapshot's order");
        assertSame(ITEMS, FrozenOrder.matching(model, body).tables().get(1));

        Schema otherIndex = new Schema(List.of(moved.withIndexes(List.of(new Index("ix_accounts_email", List.of("email"),
                false))), ITEMS));
        assertNull(FrozenOrder.matching(otherIndex, body), "an index that is no longer unique");
        Schema otherSequence = new Schema(List.of(moved.withColumns(List.of(accounts.columns().get(0)
                .sequence("accounts_seq", 1, 10), accounts.columns().get(2), accounts.columns().get(1))), ITEMS));
        assertNull(FrozenOrder.matching(otherSequence, body), "another increment");
        Schema otherNative = new Schema(List.of(moved.withColumns(List.of(accounts.columns().get(0),
                accounts.columns().get(2), Column.of("ip", ColumnType.varchar(45)))), ITEMS));
        assertNull(FrozenOrder.matching(otherNative, body), "the native type dropped");
    }

    @Test
    void aChangedColumnANewColumnAnotherTableOrAnyOtherChangeDoesNotMatch() {
        String body = SnapshotWriter.body(FROZEN);
        Schema wider = MODEL.mapTables(t -> t.name().equals("items") ? t.withColumns(List.of(t.columns().get(0),
                Column.of("name", ColumnType.varchar(80)), t.columns().get(2), t.columns().get(3))) : t);
        assertNull(FrozenOrder.matching(wider, body));

        Schema more = MODEL.with(MODEL.tables().get(0).withColumns(List.of(ITEMS.columns().get(0), ITEMS.columns().get(1),
                Column.of("synced_at", ColumnType.TIMESTAMP_TZ), ITEMS.columns().get(2), Column.of("note", ColumnType.TEXT))));
        assertNull(FrozenOrder.matching(more, body));

        Schema fewer = MODEL.with(MODEL.tables().get(0).withColumns(List.of(ITEMS.columns().get(0), ITEMS.columns().get(2),
                Column.of("synced_at", ColumnType.TIMESTAMP_TZ))));
        assertNull(FrozenOrder.matching(fewer, body), "a dropped column is a change");

        Schema renamedTable = new Schema(List.of(MODEL.tables().get(0).withName("goods"), MODEL.tables().get(1)));
        assertNull(FrozenOrder.matching(renamedTable, body));

        Schema anotherTable = MODEL.with(Table.of("notes", List.of(Column.of("body", ColumnType.TEXT))));
        assertNull(FrozenOrder.matching(anotherTable, body), "a new table");
        assertNull(FrozenOrder.matching(new Schema(List.of(MODEL.tables().get(0))), body), "a dropped table");
        assertNull(FrozenOrder.matching(MODEL, body + "\n"), "text after the last table");
        assertNull(FrozenOrder.matching(Schema.empty(), body));
        assertSame(Schema.empty(), FrozenOrder.matching(Schema.empty(), ""));
    }
}
