package dev.permafrost.snapshot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.permafrost.model.Column;
import dev.permafrost.model.ColumnType;
import dev.permafrost.model.Fixtures;
import dev.permafrost.model.Schema;
import dev.permafrost.model.Table;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class SnapshotRoundTripTest {

    @Test
    void everyTypeKeyIndexForeignKeyAndCheckSurvivesWritingAndParsing() {
        Snapshot snapshot = new Snapshot(2, "add tests", "a".repeat(64),
                Map.of("products", "com.acme.Product", "tests", "com.acme.TestRun"), Fixtures.shop());
        String text = SnapshotWriter.write(snapshot);
        Snapshot read = SnapshotReader.read("V0002.sql", text);
        assertEquals(snapshot, read);
        assertEquals(text, SnapshotWriter.write(read), "writing what was read gives the same bytes");
    }

    @ParameterizedTest
    @EnumSource(ColumnType.Kind.class)
    void eachLogicalTypeRoundTrips(ColumnType.Kind kind) {
        ColumnType type = switch (kind) {
            case VARCHAR -> ColumnType.varchar(17);
            case DECIMAL -> ColumnType.decimal(12, 4);
            default -> ColumnType.simple(kind);
        };
        Schema schema = new Schema(List.of(Table.of("t", List.of(
                Column.of("a", type), Column.of("b", type).notNull()))));
        Snapshot snapshot = new Snapshot(1, "baseline", null, Map.of(), schema);
        assertEquals(schema, SnapshotReader.read("V0001.sql", SnapshotWriter.write(snapshot)).schema());
    }

    @Test
    void theFileIsReadableCanonicalDdl() {
        Snapshot snapshot = new Snapshot(1, "baseline", null, Map.of("tests", "com.acme.TestRun"),
                new Schema(List.of(Fixtures.tests())));
        assertEquals("""
                -- Permafrost schema snapshot V0001: baseline
                -- Generated from the entities and frozen: never edit this file. To change the schema, change
                -- the entities and compile; Permafrost writes the next snapshot and its migration.
                -- format: 1
                -- entity tests: com.acme.TestRun

                create table tests (
                    id bigint not null,
                    product_id bigint not null,
                    status varchar(20) not null default 'new',
                    constraint pk_tests primary key (id),
                    constraint fk_tests_product_id_products foreign key (product_id) references products (id) on delete cascade
                );
                create index ix_tests_product_id on tests (product_id);
                """, SnapshotWriter.write(snapshot));
    }

    @Test
    void crlfAndBomDoNotChangeTheHash() {
        String text = SnapshotWriter.write(new Snapshot(1, "baseline", null, Map.of(), Fixtures.shop()));
        String windows = "\uFEFF" + text.replace("\n", "\r\n");
        assertEquals(Hashing.sha256(text), Hashing.sha256(windows));
        assertEquals(Fixtures.shop(), SnapshotReader.read("V0001.sql", windows).schema());
    }

    @Test
    void aNewerFormatIsRefusedWithTheWayOut() {
        String text = SnapshotWriter.write(new Snapshot(1, "baseline", null, Map.of(), Fixtures.shop()))
                .replace("-- format: 1", "-- format: 9");
        SnapshotException e = assertThrows(SnapshotException.class, () -> SnapshotReader.read("V0001.sql", text));
        assertEquals(4, e.line());
        assertEquals("V0001.sql:4: written by a newer Permafrost (snapshot format 9, this one reads up to 1);"
                + " upgrade Permafrost in this build", e.getMessage());
    }

    @Test
    void unparsableDdlNamesFileAndLine() {
        String text = SnapshotWriter.write(new Snapshot(1, "baseline", null, Map.of(), new Schema(List.of(Fixtures.tests()))))
                .replace("status varchar(20)", "status varchar(20");
        SnapshotException e = assertThrows(SnapshotException.class, () -> SnapshotReader.read("V0001.sql", text));
        assertEquals("V0001.sql", e.file());
        assertEquals(9, e.line(), e.getMessage());
        assertTrue(e.getMessage().contains("cannot parse the DDL"), e.getMessage());
    }

    @Test
    void aForeignTypeIsRefusedAtItsLine() {
        String text = SnapshotWriter.write(new Snapshot(1, "baseline", null, Map.of(), new Schema(List.of(Fixtures.tests()))))
                .replace("status varchar(20)", "status tinyint");
        SnapshotException e = assertThrows(SnapshotException.class, () -> SnapshotReader.read("V0001.sql", text));
        assertEquals(9, e.line(), e.getMessage());
        assertEquals("V0001.sql:9: column tests.status has type tinyint, which is not a Permafrost logical type",
                e.getMessage());
    }
}
