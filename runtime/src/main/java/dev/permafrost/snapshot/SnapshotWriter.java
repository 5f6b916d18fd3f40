package dev.permafrost.snapshot;

import dev.permafrost.model.Index;
import dev.permafrost.model.Schema;
import dev.permafrost.model.Table;
import java.util.Map;

/**
 * Writes a snapshot as canonical DDL: a header of comments, then each table (sorted by name) followed
 * by its indexes and the sequences its columns take values from. Same snapshot, same bytes, on every machine: {@code \n} line endings, no timestamps.
 */
public final class SnapshotWriter {

    private SnapshotWriter() {
    }

    public static String write(Snapshot snapshot) {
        StringBuilder sb = new StringBuilder(4096);
        sb.append("-- Permafrost schema snapshot V").append(Snapshot.versionLabel(snapshot.version()))
                .append(": ").append(snapshot.description()).append('\n');
        sb.append("-- Generated from the entities and frozen: never edit this file. To change the schema, change\n");
        sb.append("-- the entities and compile; Permafrost writes the next snapshot and its migration.\n");
        sb.append("-- format: ").append(Snapshot.FORMAT).append('\n');
        if (snapshot.parentHash() != null) {
            sb.append("-- parent: V").append(Snapshot.versionLabel(snapshot.version() - 1))
                    .append(" sha256:").append(snapshot.parentHash()).append('\n');
        }
        for (Map.Entry<String, String> entity : snapshot.entities().entrySet()) {
            sb.append("-- entity ").append(entity.getKey()).append(": ").append(entity.getValue()).append('\n');
        }
        for (String converter : snapshot.converters()) {
            sb.append("-- converter: ").append(converter).append('\n');
        }
        sb.append(body(snapshot.schema()));
        return sb.toString();
    }

    /** The DDL part only: what two snapshots of equal schemas share byte for byte. */
    public static String body(Schema schema) {
        StringBuilder sb = new StringBuilder(4096);
        for (Table table : schema.tables()) {
            table(sb, table);
        }
        return sb.toString();
    }

    /** One table's part of {@link #body}, which is its tables' parts one after another, sorted by name. */
    public static String table(Table table) {
        StringBuilder sb = new StringBuilder(1024);
        table(sb, table);
        return sb.toString();
    }

    private static void table(StringBuilder sb, Table table) {
        sb.append('\n').append(table.createSql()).append(";\n");
        for (Index index : table.indexes()) {
            sb.append(index.sql(table.name())).append(";\n");
        }
        for (var column : table.columns()) {
            if (column.sequence() != null) {
                sb.append(column.sequence().sql(table.name(), column.name())).append(";\n");
            }
        }
        for (var column : table.columns()) {
            column.type().natives().forEach((database, type) -> sb.append(SnapshotReader.NATIVE_PREFIX)
                    .append(table.name()).append('.').append(column.name()).append(' ').append(database).append(": ")
                    .append(type).append('\n'));
        }
    }
}
