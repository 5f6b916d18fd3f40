package dev.permafrost.runtime.spi;

import dev.permafrost.runtime.ErrorCode;
import dev.permafrost.runtime.PermafrostException;
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
            throw new PermafrostException(ErrorCode.NO_MIGRATIONS, "several modules on the class path have migrations: "
                    + found + ". Choose one with Migrator.configure(..).migrations(MigrationIndex.inPackage(\""
                    + found.get(0).getClass().getPackageName() + "\")).");
        }
        return found.get(0);
    }

    /** The index of the migrations in {@code migrationsPackage}. */
    static MigrationIndex inPackage(String migrationsPackage) {
        List<MigrationIndex> found = all();
        return found.stream().filter(i -> i.getClass().getPackageName().equals(migrationsPackage)).findFirst()
                .orElseThrow(() -> new PermafrostException(ErrorCode.NO_MIGRATIONS, "no migrations in package "
                        + migrationsPackage + " on the class path; the packages with migrations are "
                        + found.stream().map(i -> i.getClass().getPackageName()).toList()));
    }

    private static List<MigrationIndex> all() {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        if (loader == null) {
            loader = IndexLookup.class.getClassLoader();
        }
        List<MigrationIndex> found = new ArrayList<>();
        ServiceLoader.load(MigrationIndex.class, loader).forEach(found::add);
        if (found.isEmpty()) {
            throw new PermafrostException(ErrorCode.NO_MIGRATIONS, "no Permafrost migrations on the class path: the"
                    + " annotation processor generates their index when it compiles the entities. Add"
                    + " dev.permafrost:permafrost-processor to the compiler's annotationProcessorPaths and rebuild.");
        }
        return found;
    }
}
