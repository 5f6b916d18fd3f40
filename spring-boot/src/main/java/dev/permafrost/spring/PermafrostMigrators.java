package dev.permafrost.spring;

import dev.permafrost.runtime.Migrator;
import java.util.List;
import java.util.NoSuchElementException;
import javax.sql.DataSource;

/** Every database the starter migrates at start-up, in the order it migrates them. */
public final class PermafrostMigrators {

    private final List<PermafrostInstance> instances;

    public PermafrostMigrators(List<PermafrostInstance> instances) {
        this.instances = List.copyOf(instances);
        long names = this.instances.stream().map(PermafrostInstance::name).distinct().count();
        if (names != this.instances.size()) {
            throw new IllegalArgumentException("two Permafrost instances share a name: " + names());
        }
    }

    public List<PermafrostInstance> instances() {
        return instances;
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
