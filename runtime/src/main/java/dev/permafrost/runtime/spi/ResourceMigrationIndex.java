package dev.permafrost.runtime.spi;

import dev.permafrost.runtime.Migration;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The base of generated indexes: the list lives in a resource beside the generated class, one line per
 * migration ({@code version TAB checksum TAB class TAB description}) and one per entity
 * ({@code entity TAB class}), read once on first use.
 */
public abstract class ResourceMigrationIndex implements MigrationIndex {

    /** The resource name, beside the generated class. */
    public static final String RESOURCE = "permafrost-index.txt";

    private volatile List<MigrationEntry> migrations;
    private volatile List<String> entities;

    protected ResourceMigrationIndex() {
    }

    @Override
    public List<MigrationEntry> migrations() {
        if (migrations == null) {
            read();
        }
        return migrations;
    }

    @Override
    public List<String> entities() {
        if (entities == null) {
            read();
        }
        return entities;
    }

    private synchronized void read() {
        try (InputStream in = getClass().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the migration index " + getClass().getName() + " has no "
                        + RESOURCE + " beside it; rebuild the module");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            List<MigrationEntry> entries = new ArrayList<>();
            List<String> classes = new ArrayList<>();
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.isEmpty() || line.startsWith("#")) {
                    continue;
                }
                if (line.startsWith("entity\t")) {
                    classes.add(line.substring(7));
                    continue;
                }
                String[] parts = line.split("\t", 4);
                entries.add(new MigrationEntry(Integer.parseInt(parts[0]), parts[3], parts[1], parts[2]));
            }
            entities = List.copyOf(classes);
            migrations = List.copyOf(entries);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the migration index of " + getClass().getName(), e);
        }
    }

    @Override
    public Migration load(MigrationEntry entry) {
        try {
            Class<?> type = Class.forName(entry.className(), true, getClass().getClassLoader());
            return (Migration) type.getDeclaredConstructor().newInstance();
        } catch (ReflectiveOperationException | ClassCastException e) {
            throw new IllegalStateException("cannot create migration " + entry.className()
                    + ": it needs a public no-argument constructor and must implement Migration", e);
        }
    }

    @Override
    public String toString() {
        return getClass().getName();
    }
}
