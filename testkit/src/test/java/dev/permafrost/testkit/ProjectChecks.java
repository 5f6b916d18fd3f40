package dev.permafrost.testkit;

import dev.permafrost.runtime.spi.MigrationIndex;
import java.nio.file.Path;
import java.util.List;

/**
 * The built-in checks pointed at a compiled {@link SampleProject} ({@link SampleProject#checks()}), for
 * test classes that change one more setting: the database, the ignored tables.
 */
interface ProjectChecks extends MigrationChecks {

    /** The project's checks, whose index, frozen files and class path these checks use. */
    MigrationChecks project();

    @Override
    default MigrationIndex migrations() {
        return project().migrations();
    }

    @Override
    default Path schemaDir() {
        return project().schemaDir();
    }

    @Override
    default Path migrationsDir() {
        return project().migrationsDir();
    }

    @Override
    default List<Path> classpath() {
        return project().classpath();
    }
}
