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

    /**
     * The schema after the newest migration, as the build that generated this index recorded it beside the index
     * (from the model it found equal to the newest frozen snapshot), or {@code null} when there is none; the runtime
     * then knows the schema only by replaying every stub. An index must return {@code null} rather than a schema it
     * cannot vouch for: the runtime checks it against the newest stub's {@code down} and {@code up} and replays when
     * they disagree, but takes it as it is for {@code validate()}.
     */
    default dev.permafrost.model.Schema newestSchema() {
        return null;
    }

    /**
     * The squashed baseline, or {@code null}: one migration that builds the schema at its version directly on a fresh
     * database, in place of migrations 1 to that version, which stay for databases between them (their rows are
     * recorded as they are, so the history is the same either way). Its {@code version} is the last one it replaces,
     * and {@link #load} loads it. Migrations it replaces may be {@link MigrationEntry#removed() removed}, the oldest
     * first; a database older than the oldest one kept cannot be migrated.
     */
    default MigrationEntry squashedBaseline() {
        return null;
    }

    /**
     * The SQL plans the processor rendered for migration {@code version} when it wrote its stub (the text of
     * {@code V0002.plans}, {@link dev.permafrost.snapshot.Plans}), or {@code null}: the runtime then renders the SQL
     * itself. The runtime takes a plan only while the stub's checksum is the one the plans record (ADR 0026).
     */
    default String plans(int version) {
        return null;
    }

    /** The plans of the {@link #squashedBaseline() squashed baseline}, as {@link #plans} gives a migration's. */
    default String squashedBaselinePlans() {
        return null;
    }

    /** The qualified names of the entity classes the migrations were generated from, for tools such as the test kit. */
    default List<String> entities() {
        return List.of();
    }
}
