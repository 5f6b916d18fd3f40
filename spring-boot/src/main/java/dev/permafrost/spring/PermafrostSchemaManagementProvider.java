package dev.permafrost.spring;

import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.jdbc.SchemaManagement;
import org.springframework.boot.jdbc.SchemaManagementProvider;

/**
 * Tells Boot's Hibernate configuration that Permafrost manages a data source's schema, so that its default
 * {@code spring.jpa.hibernate.ddl-auto} on an embedded database is {@code none} instead of {@code create-drop}, as
 * it is for Flyway.
 */
class PermafrostSchemaManagementProvider implements SchemaManagementProvider {

    private final ObjectProvider<PermafrostMigrators> migrators;

    PermafrostSchemaManagementProvider(ObjectProvider<PermafrostMigrators> migrators) {
        this.migrators = migrators;
    }

    @Override
    public SchemaManagement getSchemaManagement(DataSource dataSource) {
        PermafrostMigrators all = migrators.getIfAvailable();
        return all != null && all.manages(dataSource) ? SchemaManagement.MANAGED : SchemaManagement.UNMANAGED;
    }
}
