package dev.permafrost.spring;

import dev.permafrost.runtime.Migrator;
import java.util.List;
import java.util.NoSuchElementException;
import javax.sql.DataSource;

/**
 * Every database the starter migrates at start-up, in the order it migrates them: one instance after the other, and
 * the tenant schemas of a fleet ({@code permafrost.schemas}) together, as a {@link dev.permafrost.runtime.Fleet}.
 */
public final class PermafrostMigrators {

    /**
     * What is migrated in one step: one instance, or the tenant schemas of one instance as a fleet.
     *
     * @param name the instance's name; its tenants are named {@code <name>/<schema>}
     * @param fleet how the members are migrated together, or {@code null} for one instance on its own
     */
    public record Group(String name, List<PermafrostInstance> members, PermafrostProperties.Fleet fleet) {

        public Group {
            members = List.copyOf(members);
        }

        /** One instance on its own. */
        public static Group of(PermafrostInstance instance) {
            return new Group(instance.name(), List.of(instance), null);
        }
    }

    private final List<Group> groups;
    private final List<PermafrostInstance> instances;

    /** Instances migrated one after the other. */
    public PermafrostMigrators(List<PermafrostInstance> instances) {
        this(instances.stream().map(Group::of).toArray(Group[]::new));
    }

    private PermafrostMigrators(Group[] groups) {
        this.groups = List.of(groups);
        this.instances = this.groups.stream().flatMap(g -> g.members().stream()).toList();
        long names = this.instances.stream().map(PermafrostInstance::name).distinct().count();
        if (names != this.instances.size()) {
            throw new IllegalArgumentException("two Permafrost instances share a name: " + names());
        }
    }

    /** Groups of instances, each migrated in one step. */
    public static PermafrostMigrators ofGroups(List<Group> groups) {
        return new PermafrostMigrators(groups.toArray(Group[]::new));
    }

    /** Every instance, the tenants of a fleet each on its own. */
    public List<PermafrostInstance> instances() {
        return instances;
    }

    /** What start-up migrates, step by step. */
    public List<Group> groups() {
        return groups;
    }

    /** The instance called {@code name}. */
    public PermafrostInstance get(String name) {
        return instances.stream().filter(i -> i.name().equals(name)).findFirst()
                .orElseThrow(() -> new NoSuchElementException("no Permafrost instance '" + name + "'; there are "
                        + names()));
    }

    /** The migrator of the instance called {@code name}. */
    public Migrator migrator(String name) {
        return get(name).migrator();
    }

    /** Whether one of the instances migrates {@code dataSource} (so that Hibernate must not create its schema). */
    public boolean manages(DataSource dataSource) {
        return instances.stream().anyMatch(i -> i.migrator().dataSource().equals(dataSource));
    }

    private List<String> names() {
        return instances.stream().map(PermafrostInstance::name).toList();
    }

    @Override
    public String toString() {
        return "PermafrostMigrators" + names();
    }
}
