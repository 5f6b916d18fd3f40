package dev.permafrost.runtime.spi;

import dev.permafrost.runtime.Migration;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * The index the processor generates: the resource {@value #RESOURCE} of a module, one line naming the
 * migrations' package, one per migration ({@code version TAB checksum TAB class TAB description}) and one
 * per entity ({@code entity TAB class}). It is a resource and not a generated class so that compiling an
 * unchanged model writes no source file and costs javac no extra processing round; the runtime finds it
 * with one class loader lookup, without scanning the class path, and loads a migration's class only when
 * it has to run it.
 */
public final class ResourceMigrationIndex implements MigrationIndex {

    /** Where the processor writes the index in a module's class output. */
    public static final String RESOURCE = "META-INF/permafrost/index.txt";

    private final String location;
    private final ClassLoader loader;
    private final String migrationsPackage;
    private final List<MigrationEntry> migrations;
    private final List<String> entities;

    private ResourceMigrationIndex(String location, ClassLoader loader, String migrationsPackage,
                                   List<MigrationEntry> migrations, List<String> entities) {
        this.location = location;
        this.loader = loader;
        this.migrationsPackage = migrationsPackage;
        this.migrations = migrations;
        this.entities = entities;
    }

    /** Every index {@code loader} sees, one per module with migrations, in class path order. */
    public static List<ResourceMigrationIndex> all(ClassLoader loader) {
        Objects.requireNonNull(loader, "loader");
        List<ResourceMigrationIndex> found = new ArrayList<>();
        try {
            for (URL url : Collections.list(loader.getResources(RESOURCE))) {
                found.add(read(url, loader));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the Permafrost migration indexes (" + RESOURCE + ")", e);
        }
        return List.copyOf(found);
    }

    /** The index at {@code url}; its migration classes are loaded through {@code loader}. */
    public static ResourceMigrationIndex read(URL url, ClassLoader loader) {
        try (InputStream in = url.openStream()) {
            return parse(url.toString(), new String(in.readAllBytes(), StandardCharsets.UTF_8), loader);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the migration index " + url, e);
        }
    }

    /** Parses by hand (no regex, no reader stack): every start reads the index, cold. */
    static ResourceMigrationIndex parse(String location, String text, ClassLoader loader) {
        List<MigrationEntry> entries = new ArrayList<>();
        List<String> classes = new ArrayList<>();
        String pkg = null;
        int start = 0;
        while (start < text.length()) {
            int end = text.indexOf('\n', start);
            if (end < 0) {
                end = text.length();
            }
            if (end > start && text.charAt(start) != '#') {
                if (text.startsWith("entity\t", start)) {
                    classes.add(text.substring(start + 7, end));
                } else if (text.startsWith("package\t", start)) {
                    pkg = text.substring(start + 8, end);
                } else {
                    int a = text.indexOf('\t', start);
                    int b = a < 0 ? -1 : text.indexOf('\t', a + 1);
                    int c = b < 0 ? -1 : text.indexOf('\t', b + 1);
                    if (a < 0 || b < 0 || c < 0 || c > end) {
                        throw unreadable(location, text.substring(start, end));
                    }
                    try {
                        entries.add(new MigrationEntry(Integer.parseInt(text, start, a, 10), text.substring(c + 1, end),
                                text.substring(a + 1, b), text.substring(b + 1, c)));
                    } catch (IllegalArgumentException e) {
                        throw unreadable(location, text.substring(start, end));
                    }
                }
            }
            start = end + 1;
        }
        if (pkg == null) {
            throw new IllegalStateException("the migration index " + location + " names no package; it was written by"
                    + " another version of Permafrost's processor: rebuild the module");
        }
        return new ResourceMigrationIndex(location, loader, pkg, List.copyOf(entries), List.copyOf(classes));
    }

    private static IllegalStateException unreadable(String location, String line) {
        return new IllegalStateException("the migration index " + location + " has a line it cannot read: " + line
                + "; rebuild the module");
    }

    /** The package the module's migration stubs are in. */
    public String migrationsPackage() {
        return migrationsPackage;
    }

    @Override
    public List<MigrationEntry> migrations() {
        return migrations;
    }

    @Override
    public List<String> entities() {
        return entities;
    }

    @Override
    public Migration load(MigrationEntry entry) {
        try {
            Class<?> type = Class.forName(entry.className(), true, loader);
            return (Migration) type.getDeclaredConstructor().newInstance();
        } catch (ReflectiveOperationException | ClassCastException | LinkageError e) {
            throw new IllegalStateException("cannot create migration " + entry.className() + " listed in " + location
                    + ": it needs a public no-argument constructor and must implement Migration", e);
        }
    }

    @Override
    public String toString() {
        return "the migrations of " + migrationsPackage;
    }
}
