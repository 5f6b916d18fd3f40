package dev.permafrost.testkit;

import dev.permafrost.model.Schema;
import dev.permafrost.runtime.internal.DriverManagerDataSource;
import dev.permafrost.runtime.spi.MigrationIndex;
import java.io.File;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * The migration checks every project gets for free: implement this interface in a test class and JUnit 5
 * runs them against the module's migrations.
 *
 * <pre>{@code
 * class MigrationsTest implements MigrationChecks {}
 * }</pre>
 *
 * Each check uses a fresh SQLite database by default; override {@link #dataSource()} (or
 * {@link #jdbcUrl()}) to run them on PostgreSQL, H2 or another database, giving a fresh, empty database
 * or schema at every call. The checks that use a database run again on every server {@link #serverUrls()}
 * names (by default from {@code PERMAFROST_TEST_POSTGRESQL_URL}, {@code PERMAFROST_TEST_MARIADB_URL},
 * {@code PERMAFROST_TEST_MYSQL_URL}, {@code PERMAFROST_TEST_H2_URL}), so that a failure on one of the databases
 * the project runs on is not hidden by a green SQLite run. The other defaults (where the frozen files are, which tables to leave alone,
 * which rows to insert) can be overridden the same way.
 */
public interface MigrationChecks {

    // ---- settings ----

    /** The migrations under test; by default the generated index found with {@link java.util.ServiceLoader}. */
    default MigrationIndex migrations() {
        return MigrationIndex.find();
    }

    /** The JDBC URL of a fresh, empty database; by default a new SQLite file at each call. */
    default String jdbcUrl() {
        return TemporarySqlite.url();
    }

    /** A fresh, empty database; by default {@link #jdbcUrl()} through the driver manager. */
    default DataSource dataSource() {
        return new DriverManagerDataSource(jdbcUrl());
    }

    /**
     * Servers the database checks also run on, each check in a fresh schema (PostgreSQL), database (MariaDB,
     * MySQL) or in-memory database (H2) of its own; by default the URLs of the environment variables
     * {@code PERMAFROST_TEST_POSTGRESQL_URL}, {@code ..._MARIADB_URL}, {@code ..._MYSQL_URL}, {@code ..._H2_URL}
     * (or the system properties {@code permafrost.test.postgresql.url}, ...). The URL's user needs the right to
     * create and drop schemas or databases.
     */
    default List<String> serverUrls() {
        return Servers.fromSettings(System.getenv());
    }

    /**
     * The schema directory of the module under test (tests run in the module's directory): where the processor's
     * default puts it, {@code src/main/permafrost}, or {@code src/main/resources/db/permafrost} for a module that began
     * there.
     */
    default Path schemaDir() {
        return dev.permafrost.snapshot.FrozenFiles.defaultDir(Path.of(""));
    }

    /** The source root the migration stubs are in. */
    default Path migrationsDir() {
        return Path.of("src", "main", "java");
    }

    /** The class path the entity classes are compiled on, for the checks that run the processor. */
    default List<Path> classpath() {
        return Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator)).map(Path::of).toList();
    }

    /** Tables Permafrost does not own (another library's), left out of every schema comparison. */
    default Set<String> ignoredTables() {
        return Set.of();
    }

    /**
     * Rows to insert before migrating to {@code version}, by table, each row column → value, checked for
     * survival by {@link #dataSurvives()}. By default two generated rows per table; override it for tables
     * whose checks the generated values cannot satisfy. Identity columns ({@code @Identity}) are left to the
     * database: the default rows hold a placeholder there, which the check leaves out of the insert, and
     * foreign keys that point at such a row take the number the database gave it.
     */
    default Map<String, List<Map<String, Object>>> fixtures(int version, Schema schema) {
        return FixtureRows.generate(version, schema);
    }

    // ---- checks ----

    /** Versions 1..N with no gaps, no duplicates, no two migrations with one version, and a snapshot for each. */
    @Test
    default void oneLinearChain() {
        Checks.oneLinearChain(this);
    }

    /** From an empty database to the newest version, one migration at a time. */
    @Test
    default void upgradeFromEmpty() {
        Servers.each(this, Checks::upgradeFromEmpty);
    }

    /** After upgrading, the live schema equals the newest snapshot, and that equals the entities as compiled now. */
    @Test
    default void modelMatchesDdl() {
        Servers.each(this, Checks::modelMatchesDdl);
    }

    /** For every migration, up then down returns to the previous snapshot, and up again to the next. */
    @Test
    default void upDownConsistency() {
        Servers.each(this, Checks::upDownConsistency);
    }

    /** Down from the newest version to each older one, the live schema equals that version's: no trace is left. */
    @Test
    default void downgradeLeavesNoTrace() {
        Servers.each(this, Checks::downgradeLeavesNoTrace);
    }

    /** Rows inserted before each migration keep their values after up and after down, column by column. */
    @Test
    default void dataSurvives() {
        Servers.each(this, DataSurvivalCheck::dataSurvives);
    }

    /** Applying every stub's operations in memory, without a database, reproduces each frozen snapshot. */
    @Test
    default void replayEqualsSnapshot() {
        Checks.replayEqualsSnapshot(this);
    }

    /**
     * After a squash: the baseline builds its snapshot on a fresh database with the history of the migrations it
     * replaces, its {@code down()} undoes it, and every data step of a replaced migration was confirmed when the squash
     * was written. Passes when there is no squash.
     */
    @Test
    default void squashedBaselineBuildsItsSnapshot() {
        Checks.squashedBaseline(this);
        Servers.each(this, Checks::squashedBaselineOnDatabase);
    }

    /** Generating the newest snapshot again from the compiled entities gives the same bytes, every time. */
    @Test
    default void generationIsDeterministic() {
        DeterminismCheck.generationIsDeterministic(this);
    }
}
