package dev.permafrost.runtime;

import dev.permafrost.runtime.spi.MigrationEntry;
import dev.permafrost.runtime.spi.MigrationIndex;
import java.util.ArrayList;
import java.util.List;

/** An index of migration instances, for tests that run without the annotation processor. */
public final class TestIndex implements MigrationIndex {

    private dev.permafrost.model.Schema newestSchema;

    private final List<MigrationEntry> entries = new ArrayList<>();
    private final List<Migration> migrations = new ArrayList<>();
    private final java.util.Map<Integer, String> plans = new java.util.HashMap<>();

    public static TestIndex of(Migration... migrations) {
        TestIndex index = new TestIndex();
        for (Migration migration : migrations) {
            index.add(migration);
        }
        return index;
    }

    public TestIndex add(Migration migration) {
        return add(migration, "checksum-" + (migrations.size() + 1));
    }

    public TestIndex add(Migration migration, String checksum) {
        int version = migrations.size() + 1;
        migrations.add(migration);
        entries.add(new MigrationEntry(version, "migration " + version, checksum, migration.getClass().getName()));
        return this;
    }

    @Override
    public List<MigrationEntry> migrations() {
        return List.copyOf(entries);
    }

    /** Gives {@code text} as the plans the processor rendered for {@code version}. */
    public TestIndex plans(int version, String text) {
        plans.put(version, text);
        return this;
    }

    @Override
    public String plans(int version) {
        return plans.get(version);
    }

    /** Gives {@code schema} as the schema the build recorded after the newest migration (a schema checkpoint). */
    public TestIndex newestSchema(dev.permafrost.model.Schema schema) {
        this.newestSchema = schema;
        return this;
    }

    @Override
    public dev.permafrost.model.Schema newestSchema() {
        return newestSchema;
    }

    @Override
    public Migration load(MigrationEntry entry) {
        return migrations.get(entry.version() - 1);
    }
}
