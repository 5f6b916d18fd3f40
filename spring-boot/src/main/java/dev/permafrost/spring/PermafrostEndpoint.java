package dev.permafrost.spring;

import dev.permafrost.runtime.MigrationInfo;
import dev.permafrost.runtime.MigrationStatus;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.context.ApplicationContext;

/**
 * {@code /actuator/permafrost}: per application context and instance, the database's version and each migration's
 * version, description, state, checksum, applied-at and duration (the JSON mirror of {@code Migrator.status()}),
 * shaped like Boot's {@code /actuator/flyway}.
 */
@Endpoint(id = "permafrost")
public class PermafrostEndpoint {

    private final ApplicationContext context;

    public PermafrostEndpoint(ApplicationContext context) {
        this.context = context;
    }

    @ReadOperation
    public PermafrostReport migrations() {
        Map<String, ContextMigrators> contexts = new LinkedHashMap<>();
        for (ApplicationContext at = context; at != null; at = at.getParent()) {
            Map<String, MigratorDescriptor> migrators = new LinkedHashMap<>();
            for (PermafrostMigrators all : at.getBeansOfType(PermafrostMigrators.class, false, false).values()) {
                for (PermafrostInstance instance : all.instances()) {
                    migrators.put(instance.name(), MigratorDescriptor.of(instance.migrator().status()));
                }
            }
            contexts.put(at.getId(), new ContextMigrators(migrators,
                    at.getParent() == null ? null : at.getParent().getId()));
        }
        return new PermafrostReport(contexts);
    }

    /** Every context's instances. */
    public record PermafrostReport(Map<String, ContextMigrators> contexts) {
    }

    /** One context's instances, by name. */
    public record ContextMigrators(Map<String, MigratorDescriptor> migrators, String parentId) {
    }

    /** One database: which, at what version, and every migration's standing. */
    public record MigratorDescriptor(String database, int currentVersion, List<MigrationDescriptor> migrations) {

        static MigratorDescriptor of(MigrationStatus status) {
            return new MigratorDescriptor(status.database(), status.currentVersion(),
                    status.migrations().stream().map(MigrationDescriptor::of).toList());
        }
    }

    /**
     * One migration.
     *
     * @param appliedAt ISO-8601, or {@code null} when it has not run
     */
    public record MigrationDescriptor(int version, String description, String state, String checksum,
                                      String appliedAt, long executionMillis) {

        static MigrationDescriptor of(MigrationInfo info) {
            return new MigrationDescriptor(info.version(), info.description(), info.state().name(), info.checksum(),
                    info.appliedAt() == null ? null : info.appliedAt().toString(), info.executionMillis());
        }
    }
}
