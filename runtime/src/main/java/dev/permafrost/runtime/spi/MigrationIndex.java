package dev.permafrost.runtime.spi;

import dev.permafrost.runtime.Migration;
import java.util.List;

/**
 * The migrations of one module, in version order. The processor generates an implementation,
 * registered for {@link java.util.ServiceLoader}, so the runtime finds migrations without scanning
 * the class path and loads a migration's class only when it has to run it.
 */
public interface MigrationIndex {

    /** The migrations, by ascending version. */
    List<MigrationEntry> migrations();

    /** A new instance of the migration {@code entry} names. */
    Migration load(MigrationEntry entry);

    /** The qualified names of the entity classes the migrations were generated from, for tools such as the test kit. */
    default java.util.List<String> entities() {
        return java.util.List.of();
    }
}
