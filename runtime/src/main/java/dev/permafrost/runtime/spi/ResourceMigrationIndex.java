package dev.permafrost.runtime.spi;

import dev.permafrost.runtime.ErrorCode;
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
 * and one per entity ({@code entity TAB class TAB table}), read once on first use. The class itself holds no data, so it is
 * written into the source tree once and compiled like any other source: a compile of an unchanged model
 * generates no source file and costs javac no extra processing round.
 */
public abstract class ResourceMigrationIndex implements MigrationIndex {

    /** The resource name, beside the index class. */
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

    /** Parses the resource by hand (no regex, no reader stack): every start reads it, cold. */
    private synchronized void read() {
        if (migrations != null) {
            return;
        }
        String text;
        try (InputStream in = getClass().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new PermafrostException(ErrorCode.NO_MIGRATIONS, "the migration index " + getClass().getName()
                        + " has no " + RESOURCE + " beside it: the annotation processor writes it into the class output"
                        + " at every build, so this build ran without the processor or its output was copied only in"
                        + " part. Rebuild the module with dev.permafrost:permafrost-processor in the compiler's"
                        + " annotationProcessorPaths (mvn clean package)");
            }
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new PermafrostException(ErrorCode.NO_MIGRATIONS, "cannot read the migration index of "
                    + getClass().getName() + ": " + e.getMessage(), e);
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
                if (text.startsWith("entity\t", start)) {
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
                                text.substring(a + 1, b), text.substring(c + 1, d), text.substring(b + 1, c)));
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

    private PermafrostException unreadable(String line) {
        return new PermafrostException(ErrorCode.NO_MIGRATIONS, "the migration index " + getClass().getName()
                + " has a line it cannot read: " + line + "; rebuild the module (mvn clean package)");
    }

    @Override
    public Migration load(MigrationEntry entry) {
        Class<?> type;
        try {
            type = Class.forName(entry.className(), true, getClass().getClassLoader());
        } catch (ClassNotFoundException | NoClassDefFoundError e) {
            throw new PermafrostException(ErrorCode.NO_MIGRATIONS, String.format("migration V%04d (%s) is listed in %s,"
                    + " but its class %s is not on the class path: the build that wrote the index did not compile it"
                    + " (a partial or interrupted build), or the jar was assembled without it. Rebuild the module"
                    + " (mvn clean package) and make sure %s.java is committed.", entry.version(), entry.description(),
                    getClass().getName(), entry.className(), entry.className().replace('.', '/')), e);
        } catch (LinkageError e) {
            throw new PermafrostException(ErrorCode.NO_MIGRATIONS, String.format("migration class %s cannot be loaded:"
                    + " %s. Rebuild the module with the JDK the application runs on or an older one.",
                    entry.className(), e), e);
        }
        if (!Migration.class.isAssignableFrom(type)) {
            throw new PermafrostException(ErrorCode.INVALID_MIGRATION, String.format("%s, listed as migration V%04d in"
                    + " %s, does not implement %s; restore it from version control.", entry.className(),
                    entry.version(), getClass().getName(), Migration.class.getName()));
        }
        try {
            return (Migration) type.getDeclaredConstructor().newInstance();
        } catch (ReflectiveOperationException e) {
            throw new PermafrostException(ErrorCode.INVALID_MIGRATION, "cannot create migration " + entry.className()
                    + " listed in " + getClass().getName() + ": it needs a public no-argument constructor (" + e + ")",
                    e);
        }
    }

    @Override
    public String toString() {
        return getClass().getName();
    }
}
