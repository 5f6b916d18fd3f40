package dev.permafrost.spring;

import java.util.Set;
import org.springframework.boot.sql.init.dependency.AbstractBeansOfTypeDatabaseInitializerDetector;

/**
 * Tells Boot that {@link PermafrostMigrationInitializer} initializes the database, so that everything detected as
 * depending on database initialization is created after it. Order 1, as Flyway's: before {@code schema.sql} and
 * {@code data.sql} scripts.
 */
class PermafrostMigrationInitializerDetector extends AbstractBeansOfTypeDatabaseInitializerDetector {

    @Override
    protected Set<Class<?>> getDatabaseInitializerBeanTypes() {
        return Set.of(PermafrostMigrationInitializer.class);
    }

    @Override
    public int getOrder() {
        return 1;
    }
}
