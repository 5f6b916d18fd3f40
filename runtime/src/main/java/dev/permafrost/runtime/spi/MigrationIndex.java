package dev.permafrost.runtime.spi;

import dev.permafrost.runtime.Migration;
import java.util.List;

/**
 * The migrations of one module, in version order. The processor generates an implementation
 * ({@link ResourceMigrationIndex}), registered for {@link java.util.ServiceLoader}, so the runtime finds
 * migrations without scanning the class path and loads a migration's class only when it has to run it;
 * tests may implement it themselves.
 */
public interface MigrationIndex {

    /**
     * The generated index of the migrations in {@code migrationsPackage}, for an application whose class
     * path holds the migrations of several modules.
     */
    static MigrationIndex inPackage(String migrationsPackage) {
        return IndexLookup.inPackage(migrationsPackage);
    }

    /**
     * The one generated index on the class path (found with {@link java.util.ServiceLoader} through the context
     * class loader); with several, say which with {@link #inPackage}.
     */
    static MigrationIndex find() {
        return IndexLookup.find();
    }

    /** The migrations, by ascending version. */
    List<MigrationEntry> migrations();

    /** A new instance of the migration {@code entry} names. */
    Migration load(MigrationEntry entry);

    /** The qualified names of the entity classes the migrations were generated from, for tools such as the test kit. */
    default List<String> entities() {
        return List.of();
    }
}
