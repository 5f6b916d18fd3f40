package dev.permafrost.runtime.internal;

import dev.permafrost.message.Message;
import dev.permafrost.model.Schema;
import dev.permafrost.runtime.Migration;
import dev.permafrost.runtime.PermafrostException;
import dev.permafrost.runtime.spi.MigrationEntry;
import dev.permafrost.runtime.spi.MigrationIndex;
import java.util.ArrayList;
import java.util.List;

/**
 * The application's migrations, loaded only when needed, and the schema at each version: the empty
 * schema with every {@code up} replayed in memory.
 */
public final class Migrations {

    private final MigrationIndex index;
    private final List<MigrationEntry> entries;
    private final List<Schema> schemas = new ArrayList<>(List.of(Schema.empty()));

    public Migrations(MigrationIndex index) {
        this.index = index;
        this.entries = index.migrations();
        for (int i = 0; i < entries.size(); i++) {
            if (entries.get(i).version() != i + 1) {
                throw Message.INDEX_OUT_OF_ORDER.exception(index, entries.size(), entries.get(i).version(), i + 1);
            }
        }
    }

    public List<MigrationEntry> entries() {
        return entries;
    }

    public int latest() {
        return entries.size();
    }

    public MigrationEntry entry(int version) {
        return entries.get(version - 1);
    }

    public Migration load(int version) {
        return index.load(entry(version));
    }

    /**
     * Whether migration {@code version} may take the lock-safe form: the settings allow it and the stub does not ask
     * for one transaction ({@link dev.permafrost.runtime.OneTransaction}).
     */
    public boolean lockSafe(int version, boolean allowed) {
        return allowed && !load(version).getClass().isAnnotationPresent(dev.permafrost.runtime.OneTransaction.class);
    }

    /** The schema once migrations 1..version are applied. */
    public Schema schemaAt(int version) {
        while (schemas.size() <= version) {
            int next = schemas.size();
            schemas.add(up(next).after());
        }
        return schemas.get(version);
    }

    /** What {@code up} of {@code version} records, starting from the schema at {@code version - 1}. */
    public Recorder.Recording up(int version) {
        Schema before = schemaAt(version - 1);
        try {
            return Recorder.up(load(version), before);
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw invalid(version, "up", e);
        }
    }

    /** What {@code down} of {@code version} records, starting from the schema at {@code version}. */
    public Recorder.Recording down(int version) {
        Schema before = schemaAt(version);
        try {
            return Recorder.down(load(version), before);
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw invalid(version, "down", e);
        }
    }

    private PermafrostException invalid(int version, String direction, RuntimeException e) {
        MigrationEntry entry = entry(version);
        return Message.MIGRATION_INVALID.exception(e, version, entry.description(), direction, e.getMessage(),
                entry.className());
    }
}
