package dev.permafrost.snapshot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.permafrost.model.Check;
import dev.permafrost.model.Column;
import dev.permafrost.model.ColumnType;
import dev.permafrost.model.Fixtures;
import dev.permafrost.model.Schema;
import dev.permafrost.model.Sequence;
import dev.permafrost.model.Table;
import java.util.List;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The newest schema the processor records beside the index reads back exactly, or not at all. */
class SchemaCheckpointTest {

    private static Schema awkward() {
        TreeMap<String, String> natives = new TreeMap<>();
        natives.put("postgresql", "numeric(10, 2)");
        natives.put("mariadb", "decimal(10,2) unsigned");
        Table odd = new Table("odd", List.of(
                new Column("id", ColumnType.BIGINT, false, null, false, new Sequence("odd_seq", 1, 50)),
                new Column("price", new ColumnType(ColumnType.Kind.DECIMAL, 0, 10, 2, natives), true, null, false, null),
                Column.of("note", ColumnType.TEXT).defaultValue("'a\ttab, a\nnewline, a \\ and \\N'"),
                Column.of("n", ColumnType.INTEGER).notNull().defaultValue("0")),
                null, List.of(), List.of(), List.of(), List.of(new Check("ck_odd_n", "n >= 0 and note <> '\\t'"))
        ).withPrimaryKey(new dev.permafrost.model.PrimaryKey("pk_odd", List.of("id")));
        return new Schema(List.of(odd));
    }

    @Test
    void everyPartOfTheModelReadsBackEqualAndTheBytesAreStable() {
        for (Schema schema : List.of(Fixtures.shop(), Fixtures.portableShop(), awkward(), Schema.empty())) {
            String text = SchemaCheckpoint.write(7, schema);
            SchemaCheckpoint.Read read = SchemaCheckpoint.read(text);
            assertEquals(7, read.version());
            assertEquals(schema, read.schema());
            assertEquals(text, SchemaCheckpoint.write(7, read.schema()), "the same schema, the same bytes");
        }
    }

    @ParameterizedTest
    @EnumSource(ColumnType.Kind.class)
    void eachLogicalTypeReadsBack(ColumnType.Kind kind) {
        ColumnType type = switch (kind) {
            case VARCHAR -> ColumnType.varchar(17);
            case DECIMAL -> ColumnType.decimal(12, 4);
            default -> ColumnType.simple(kind);
        };
        Schema schema = new Schema(List.of(Table.of("t", List.of(Column.of("a", type), Column.of("b", type).notNull()))));
        assertEquals(schema, SchemaCheckpoint.read(SchemaCheckpoint.write(1, schema)).schema());
    }

    @Test
    void anythingElseIsRefusedSoThatTheRuntimeReplays() {
        String text = SchemaCheckpoint.write(3, Fixtures.shop());
        assertThrows(IllegalArgumentException.class, () -> SchemaCheckpoint.read(text.replace("permafrost-schema 1",
                "permafrost-schema 2")));
        assertThrows(IllegalArgumentException.class, () -> SchemaCheckpoint.read(text.substring(0, text.length() / 2)));
        assertThrows(IllegalArgumentException.class, () -> SchemaCheckpoint.read(text.replace("\nend\n", "\n")));
        assertThrows(IllegalArgumentException.class, () -> SchemaCheckpoint.read(text.replace("\ncolumn\t", "\ncolumm\t")));
        assertThrows(IllegalArgumentException.class, () -> SchemaCheckpoint.read(text.replace("\tBIGINT\t", "\tHUGEINT\t")));
        assertThrows(IllegalArgumentException.class, () -> SchemaCheckpoint.read(text + "table\tlate\n"));
    }
}
