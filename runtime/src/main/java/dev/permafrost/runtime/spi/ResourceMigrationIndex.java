package dev.permafrost.runtime.spi;

import dev.permafrost.message.Message;
import dev.permafrost.runtime.Migration;
import dev.permafrost.runtime.PermafrostException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The base of a module's index class ({@code <migrationsPackage>.PermafrostIndex}, registered for
 * {@link java.util.ServiceLoader}). The list lives in a resource beside that class, regenerated at every
 * build: one line per migration ({@code version TAB checksum TAB source checksum TAB class TAB description})
 * one per entity ({@code entity TAB class TAB table}), one for the newest schema, written beside it
 * ({@code schema TAB version TAB sha256}, {@link #newestSchema()}), and after a squash one for its baseline
 * ({@code squash TAB version TAB checksum TAB class TAB description}, {@link #squashedBaseline()}; a migration whose
 * stub was deleted after it has an empty class), read once on first use. The class itself holds no data, so it is
 * written into the source tree once and compiled like any other source: a compile of an unchanged model
 * generates no source file and costs javac no extra processing round.
 */
public abstract class ResourceMigrationIndex implements MigrationIndex {

    /** The resource name, beside the index class. */
    public static final String RESOURCE = "permafrost-index.txt";

    private volatile List<MigrationEntry> migrations;
    private volatile List<String> entities;
    /** The {@code schema} line: the checkpoint's version and SHA-256, or {@code null} when the index has none. */
    private volatile String[] checkpoint;
    private volatile MigrationEntry baseline;
    private volatile boolean checkpointRead;
    private volatile dev.permafrost.model.Schema newestSchema;

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

    @Override
    public MigrationEntry squashedBaseline() {
        if (migrations == null) {
            read();
        }
        return baseline;
    }

    /** Parses the resource by hand (no regex, no reader stack): every start reads it, cold. */
    private synchronized void read() {
        if (migrations != null) {
            return;
        }
        String text;
        try (InputStream in = getClass().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw Message.INDEX_LIST_MISSING.exception(getClass().getName(), RESOURCE);
            }
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw Message.INDEX_UNREADABLE.exception(e, getClass().getName(), e.getMessage());
        }
        List<MigrationEntry> entries = new ArrayList<>();
        List<String> classes = new ArrayList<>();
        int start = 0;
        while (start < text.length()) {
            int end = text.indexOf('\n', start);
            if (end < 0) {
                end = text.length();
            }
            if (end > start && text.charAt(start) != '#') {
                if (text.startsWith("schema\t", start)) {
                    String[] parts = text.substring(start, end).split("\t");
                    if (parts.length != 3) {
                        throw unreadable(text.substring(start, end));
                    }
                    checkpoint = new String[] {parts[1], parts[2]};
                } else if (text.startsWith("squash\t", start)) {
                    String[] parts = text.substring(start, end).split("\t", -1);
                    if (parts.length != 5 || parts[3].isEmpty()) {
                        throw unreadable(text.substring(start, end));
                    }
                    try {
                        baseline = new MigrationEntry(Integer.parseInt(parts[1]), parts[4], parts[2], parts[3], null);
                    } catch (IllegalArgumentException e) {
                        throw unreadable(text.substring(start, end));
                    }
                } else if (text.startsWith("entity\t", start)) {
                    int table = text.indexOf('\t', start + 7);
                    classes.add(text.substring(start + 7, table < 0 || table > end ? end : table));
                } else {
                    int a = text.indexOf('\t', start);
                    int b = a < 0 ? -1 : text.indexOf('\t', a + 1);
                    int c = b < 0 ? -1 : text.indexOf('\t', b + 1);
                    int d = c < 0 ? -1 : text.indexOf('\t', c + 1);
                    if (a < 0 || b < 0 || c < 0 || d < 0 || d > end) {
                        throw unreadable(text.substring(start, end));
                    }
                    try {
                        entries.add(new MigrationEntry(Integer.parseInt(text, start, a, 10), text.substring(d + 1, end),
                                text.substring(a + 1, b), c + 1 == d ? null : text.substring(c + 1, d),
                                text.substring(b + 1, c)));
                    } catch (IllegalArgumentException e) {
                        throw unreadable(text.substring(start, end));
                    }
                }
            }
            start = end + 1;
        }
        entities = List.copyOf(classes);
        migrations = List.copyOf(entries);
    }

    /**
     * The schema the build wrote beside the list ({@link dev.permafrost.snapshot.SchemaCheckpoint#RESOURCE}), when its
     * SHA-256 and version are the ones the list records for the newest migration; {@code null} otherwise (no
     * checkpoint, an older or newer format, a file left by another build), and the runtime replays the stubs.
     */
    @Override
    public dev.permafrost.model.Schema newestSchema() {
        if (!checkpointRead) {
            synchronized (this) {
                if (!checkpointRead) {
                    newestSchema = readCheckpoint();
                    checkpointRead = true;
                }
            }
        }
        return newestSchema;
    }

    private dev.permafrost.model.Schema readCheckpoint() {
        List<MigrationEntry> all = migrations();
        String[] recorded = checkpoint;
        if (recorded == null || all.isEmpty() || !recorded[0].equals(String.valueOf(all.size()))) {
            return null;
        }
        try (InputStream in = getClass().getResourceAsStream(dev.permafrost.snapshot.SchemaCheckpoint.RESOURCE)) {
            if (in == null) {
                return null;
            }
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            if (!dev.permafrost.model.Names.sha256Hex(text).equals(recorded[1])) {
                return null;
            }
            dev.permafrost.snapshot.SchemaCheckpoint.Read read = dev.permafrost.snapshot.SchemaCheckpoint.read(text);
            return read.version() == all.size() ? read.schema() : null;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /**
     * The plans file of {@code version} beside the list ({@code V0002.plans}), which the processor copies there for the
     * newest migrations; {@code null} when there is none.
     */
    @Override
    public String plans(int version) {
        return resource(dev.permafrost.snapshot.Plans.fileName(version));
    }

    @Override
    public String squashedBaselinePlans() {
        MigrationEntry squashed = squashedBaseline();
        return squashed == null ? null : resource(dev.permafrost.snapshot.Plans.baselineFileName(squashed.version()));
    }

    private String resource(String name) {
        try (InputStream in = getClass().getResourceAsStream(name)) {
            return in == null ? null : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return null;
        }
    }

    private PermafrostException unreadable(String line) {
        return Message.INDEX_LINE_UNREADABLE.exception(getClass().getName(), line);
    }

    @Override
    public Migration load(MigrationEntry entry) {
        Class<?> type;
        try {
            type = Class.forName(entry.className(), true, getClass().getClassLoader());
        } catch (ClassNotFoundException | NoClassDefFoundError e) {
            throw Message.MIGRATION_CLASS_MISSING.exception(e, entry.version(), entry.description(), getClass().getName(),
                    entry.className(), entry.className().replace('.', '/'));
        } catch (LinkageError e) {
            throw Message.MIGRATION_CLASS_UNLOADABLE.exception(e, entry.className(), e);
        }
        if (!Migration.class.isAssignableFrom(type)) {
            throw Message.NOT_A_MIGRATION.exception(entry.className(), entry.version(), getClass().getName(),
                    Migration.class.getName());
        }
        try {
            return (Migration) type.getDeclaredConstructor().newInstance();
        } catch (ReflectiveOperationException e) {
            throw Message.MIGRATION_NOT_CREATABLE.exception(e, entry.className(), getClass().getName(), e);
        }
    }

    @Override
    public String toString() {
        return getClass().getName();
    }
}
