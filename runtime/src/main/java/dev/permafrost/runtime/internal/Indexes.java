package dev.permafrost.runtime.internal;

import dev.permafrost.runtime.ErrorCode;
import dev.permafrost.runtime.PermafrostException;
import dev.permafrost.runtime.spi.MigrationIndex;
import dev.permafrost.runtime.spi.ResourceMigrationIndex;
import java.util.List;

/** Finds the generated migration index: one class loader lookup of a fixed resource, no class path scanning. */
public final class Indexes {

    private Indexes() {
    }

    /** The one index on the class path. */
    public static MigrationIndex find() {
        List<ResourceMigrationIndex> found = ResourceMigrationIndex.all(loader());
        if (found.isEmpty()) {
            throw none();
        }
        if (found.size() > 1) {
            throw new PermafrostException(ErrorCode.NO_MIGRATIONS, "several modules on the class path have migrations,"
                    + " in packages " + packages(found) + ". Choose one with Migrator.configure(..).migrations("
                    + "MigrationIndex.inPackage(\"" + found.get(0).migrationsPackage() + "\")).");
        }
        return found.get(0);
    }

    /** The index of the migrations in {@code migrationsPackage}. */
    public static MigrationIndex inPackage(String migrationsPackage) {
        List<ResourceMigrationIndex> found = ResourceMigrationIndex.all(loader());
        if (found.isEmpty()) {
            throw none();
        }
        return found.stream().filter(i -> i.migrationsPackage().equals(migrationsPackage)).findFirst()
                .orElseThrow(() -> new PermafrostException(ErrorCode.NO_MIGRATIONS, "no migrations in package "
                        + migrationsPackage + " on the class path; the packages with migrations are "
                        + packages(found)));
    }

    private static List<String> packages(List<ResourceMigrationIndex> found) {
        return found.stream().map(ResourceMigrationIndex::migrationsPackage).toList();
    }

    private static PermafrostException none() {
        return new PermafrostException(ErrorCode.NO_MIGRATIONS, "no Permafrost migrations on the class path (no "
                + ResourceMigrationIndex.RESOURCE + "): the annotation processor generates their index when it"
                + " compiles the entities. Add dev.permafrost:permafrost-processor to the compiler's"
                + " annotationProcessorPaths and rebuild.");
    }

    private static ClassLoader loader() {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        return loader != null ? loader : Indexes.class.getClassLoader();
    }
}
