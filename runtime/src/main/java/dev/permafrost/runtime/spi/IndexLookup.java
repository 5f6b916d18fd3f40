package dev.permafrost.runtime.spi;

import dev.permafrost.message.Message;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;

/** Finds the generated migration index through {@link ServiceLoader}: no class path scanning. */
final class IndexLookup {

    private IndexLookup() {
    }

    /** The one index on the class path. */
    static MigrationIndex find() {
        List<MigrationIndex> found = all();
        if (found.size() > 1) {
            throw Message.SEVERAL_INDEXES.exception(found, found.get(0).getClass().getPackageName());
        }
        return found.get(0);
    }

    /** The index of the migrations in {@code migrationsPackage}. */
    static MigrationIndex inPackage(String migrationsPackage) {
        List<MigrationIndex> found = all();
        return found.stream().filter(i -> i.getClass().getPackageName().equals(migrationsPackage)).findFirst()
                .orElseThrow(() -> Message.NO_INDEX_IN_PACKAGE.exception(migrationsPackage,
                        found.stream().map(i -> i.getClass().getPackageName()).toList()));
    }

    private static List<MigrationIndex> all() {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        if (loader == null) {
            loader = IndexLookup.class.getClassLoader();
        }
        List<MigrationIndex> found = new ArrayList<>();
        ServiceLoader.load(MigrationIndex.class, loader).forEach(found::add);
        if (found.isEmpty()) {
            throw Message.NO_INDEX.exception();
        }
        return found;
    }
}
