package dev.permafrost.spring;

/**
 * Replaces what the starter does with each instance at start-up (by default {@link PermafrostInstance#migrate()}:
 * migrate up to the target version, then validate if asked). For example, validate only in production:
 *
 * <pre>{@code
 * @Bean
 * PermafrostMigrationStrategy validateOnly() {
 *     return instance -> instance.migrator().validate().orThrow();
 * }
 * }</pre>
 */
@FunctionalInterface
public interface PermafrostMigrationStrategy {

    /** Brings {@code instance}'s database to where the application needs it, or throws to stop start-up. */
    void migrate(PermafrostInstance instance);
}
