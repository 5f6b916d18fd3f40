package dev.permafrost.spring;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.core.Ordered;

/**
 * Migrates every instance when the context creates it. Boot's database-initialization ordering (this type is
 * registered as a database initializer) creates it before the beans that use the database: the JPA
 * {@code EntityManagerFactory}, {@code JdbcTemplate}, {@code JdbcClient}, jOOQ's {@code DSLContext} and beans
 * marked {@code @DependsOnDatabaseInitialization}.
 */
public class PermafrostMigrationInitializer implements InitializingBean, Ordered {

    private final PermafrostMigrators migrators;
    private final PermafrostMigrationStrategy strategy;
    private int order;

    /** @param strategy what to do with each instance, or {@code null} for {@link PermafrostInstance#migrate()} */
    public PermafrostMigrationInitializer(PermafrostMigrators migrators, PermafrostMigrationStrategy strategy) {
        this.migrators = migrators;
        this.strategy = strategy != null ? strategy : PermafrostInstance::migrate;
    }

    @Override
    public void afterPropertiesSet() {
        for (PermafrostInstance instance : migrators.instances()) {
            try {
                strategy.migrate(instance);
            } catch (RuntimeException e) {
                throw new PermafrostMigrationException(instance.name(), e);
            }
        }
    }

    @Override
    public int getOrder() {
        return order;
    }

    public void setOrder(int order) {
        this.order = order;
    }
}
