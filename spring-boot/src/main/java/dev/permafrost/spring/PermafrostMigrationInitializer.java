package dev.permafrost.spring;

import dev.permafrost.runtime.Fleet;
import dev.permafrost.runtime.FleetReport;
import java.util.LinkedHashMap;
import java.util.Map;
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
        for (PermafrostMigrators.Group group : migrators.groups()) {
            if (group.fleet() == null) {
                for (PermafrostInstance instance : group.members()) {
                    try {
                        strategy.migrate(instance);
                    } catch (RuntimeException e) {
                        throw new PermafrostMigrationException(instance.name(), e);
                    }
                }
            } else {
                migrateFleet(group);
            }
        }
    }

    /**
     * The tenant schemas of one instance as a {@link Fleet}, each through the strategy; start-up fails when one fails,
     * after the others ran as {@code permafrost.fleet.*} says, with the fleet's report as the reason.
     */
    private void migrateFleet(PermafrostMigrators.Group group) {
        Map<String, PermafrostInstance> byName = new LinkedHashMap<>();
        group.members().forEach(member -> byName.put(member.name(), member));
        FleetReport report = Fleet.of(group.members().stream().map(m -> new Fleet.Target(m.name(), m.migrator())).toList())
                .parallelism(group.fleet().getParallelism()).canary(group.fleet().getCanary())
                .continueOnError(group.fleet().isContinueOnError())
                .migrate(target -> {
                    strategy.migrate(byName.get(target.name()));
                    return null;
                });
        LOG.log(System.Logger.Level.INFO, "{0}: tenant schemas migrated\n{1}", group.name(), report);
        if (!report.ok()) {
            String failed = report.entries().stream().filter(e -> e.state() == FleetReport.State.FAILED).findFirst()
                    .map(e -> e.name() + ": " + e.message()).orElse("");
            throw new PermafrostMigrationException(group.name(), new FleetFailedException(report,
                    report.count(FleetReport.State.FAILED) + " of " + report.entries().size() + " tenant schemas failed"
                            + " (first " + failed + "), " + report.count(FleetReport.State.SKIPPED) + " skipped:\n"
                            + report));
        }
    }

    private static final System.Logger LOG = System.getLogger("dev.permafrost.spring");

    /** Some tenant schemas of a fleet failed; the report says which and why. */
    static final class FleetFailedException extends IllegalStateException {

        private final transient FleetReport report;

        FleetFailedException(FleetReport report, String message) {
            super(message);
            this.report = report;
        }

        FleetReport report() {
            return report;
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
