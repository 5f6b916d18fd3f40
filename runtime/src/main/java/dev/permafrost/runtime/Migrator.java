package dev.permafrost.runtime;

import dev.permafrost.message.Message;
import dev.permafrost.runtime.internal.BaselineCommand;
import dev.permafrost.runtime.internal.Config;
import dev.permafrost.runtime.internal.DriverManagerDataSource;
import dev.permafrost.runtime.internal.JdbcUrl;
import dev.permafrost.runtime.internal.MigrateCommand;
import dev.permafrost.runtime.internal.PlanCommand;
import dev.permafrost.runtime.internal.RepairCommand;
import dev.permafrost.runtime.internal.StatusCommand;
import dev.permafrost.runtime.internal.ValidateCommand;
import dev.permafrost.runtime.spi.MigrationIndex;
import java.time.Duration;
import java.util.Set;
import javax.sql.DataSource;

/**
 * Brings a database to the newest version of the frozen migrations compiled into the application.
 *
 * <pre>{@code
 * MigrateResult result = Migrator.create("jdbc:sqlite:app.db").migrate();
 * }</pre>
 *
 * The dialect comes from the connection. Migrations are found through the index the annotation
 * processor generated; each runs in its own transaction together with its row in
 * {@code permafrost_history}.
 */
public final class Migrator {

    private final Config config;

    private Migrator(Config config) {
        this.config = config;
    }

    /** A migrator for {@code dataSource} with default settings. */
    public static Migrator create(DataSource dataSource) {
        return configure(dataSource).build();
    }

    /** A migrator for a JDBC URL, for example {@code jdbc:sqlite:app.db}. */
    public static Migrator create(String jdbcUrl) {
        return configure(jdbcUrl).build();
    }

    public static Builder configure(DataSource dataSource) {
        requireJava21();
        if (dataSource == null) {
            throw new IllegalArgumentException("dataSource == null");
        }
        return new Builder(dataSource);
    }

    /**
     * Settings for a migrator of a JDBC URL.
     *
     * @throws PermafrostException for an in-memory database that every new connection opens empty
     *     ({@code jdbc:sqlite::memory:}, {@code jdbc:h2:mem:x} without {@code DB_CLOSE_DELAY=-1}): migrating
     *     it would leave nothing for the application to use
     */
    public static Builder configure(String jdbcUrl) {
        return configure(jdbcUrl, null, null);
    }

    /**
     * Settings for a migrator of a JDBC URL whose database wants a user and password (both may be {@code null}),
     * kept out of the URL so that nothing prints them.
     *
     * @throws PermafrostException as {@link #configure(String)}
     */
    public static Builder configure(String jdbcUrl, String user, String password) {
        requireJava21();
        if (jdbcUrl == null || jdbcUrl.isBlank()) {
            throw new IllegalArgumentException("jdbcUrl is empty");
        }
        String vanishing = JdbcUrl.vanishingDatabase(jdbcUrl);
        if (vanishing != null) {
            throw Message.VANISHING_DATABASE.exception(JdbcUrl.masked(vanishing));
        }
        return new Builder(new DriverManagerDataSource(jdbcUrl, user, password));
    }

    /**
     * This class is compiled for Java 17 so that older compilers can read it (ADR 0010); what it calls needs
     * Java 21 (jOOQ 3.21), so an older JVM gets this message rather than a class-version error. It cannot load
     * the catalogue (compiled for 21), so it holds {@code PF623}'s text itself; a test keeps the two equal.
     */
    private static void requireJava21() {
        int feature = Runtime.version().feature();
        if (feature < 21) {
            throw new PermafrostException(ErrorCode.INVALID_REQUEST, "PF623", String.format(JAVA_TOO_OLD, feature,
                    System.getProperty("java.home")), null);
        }
    }

    /** {@code PF623}'s text: see {@link #requireJava21}. */
    static final String JAVA_TOO_OLD = "Permafrost's runtime needs Java 21 or newer (it runs on jOOQ 3.21), but this"
            + " application runs on Java %s (%s). Start it with a Java 21+ runtime.";

    /**
     * The data source this migrator connects through: the one it was configured with, or for a JDBC URL one that
     * opens a connection per use (for integrations that must know which database a migrator manages).
     */
    public DataSource dataSource() {
        return config.dataSource();
    }

    /** Applies every pending migration in version order and reports what it did. */
    public MigrateResult migrate() {
        return MigrateCommand.run(config);
    }

    /** {@link #migrate()}, telling {@code found} the version the database was at when it was read (for {@link Fleet}). */
    MigrateResult migrate(java.util.function.IntConsumer found) {
        return MigrateCommand.run(config, Integer.MAX_VALUE, found);
    }

    /**
     * Brings the database to {@code version}: applies pending migrations up to it, or runs the {@code down}
     * of every newer migration, newest first, each in its own transaction that also removes its history
     * row. {@code migrateTo(0)} reverts everything.
     */
    public MigrateResult migrateTo(int version) {
        return MigrateCommand.run(config, version);
    }

    /**
     * Checks the database without changing it: applied migrations against this build (changed, unknown,
     * stopped part way), and the live schema against the schema its applied version should have. Tables
     * passed to {@link Builder#ignoreTables} are left out.
     */
    public Validation validate() {
        return ValidateCommand.run(config);
    }

    /** The SQL {@link #migrate()} would run on this database, rendered for its dialect, without running it. */
    public MigrationPlan plan() {
        return PlanCommand.run(config, Integer.MAX_VALUE);
    }

    /** The SQL {@link #migrateTo(int)} would run on this database, up or down, without running it. */
    public MigrationPlan plan(int version) {
        return PlanCommand.run(config, version);
    }

    /**
     * Adopts a database built without Permafrost whose schema already equals snapshot {@code version}: verifies
     * that it does (refusing with every difference otherwise), then records migrations 1..version as applied.
     */
    public MigrationStatus baseline(int version) {
        return BaselineCommand.run(config, version);
    }

    /** Every known and applied migration and its state, without changing anything. */
    public MigrationStatus status() {
        return StatusCommand.run(config);
    }

    /**
     * Forgets migrations that stopped part way on a database that commits DDL at once (MariaDB, MySQL, H2),
     * after you have undone (or finished) by hand what they did. Returns how many it forgot. It also records the
     * checksums of migrations applied by a Permafrost older than the formatting-blind scheme anew, where their
     * source is unchanged.
     */
    public int repair() {
        return RepairCommand.run(config);
    }

    /** Settings of a {@link Migrator}. */
    public static final class Builder {

        private final DataSource dataSource;
        private MigrationIndex index;
        private boolean allowUnknownMigrations;
        private Duration lockTimeout = Duration.ofMinutes(5);
        private Set<String> ignoredTables = Set.of();
        private System.Logger logger;
        private boolean lockSafeDdl = true;
        private Duration statementLockTimeout = Duration.ofSeconds(5);
        private String schema;
        private boolean groupPending;

        private Builder(DataSource dataSource) {
            this.dataSource = dataSource;
        }

        /**
         * Uses these migrations instead of the one generated index on the class path: for example
         * {@code MigrationIndex.inPackage("com.acme.migrations")} when several modules have migrations.
         */
        public Builder migrations(MigrationIndex migrations) {
            this.index = migrations;
            return this;
        }

        /** Tolerates migrations in the database that this build does not know (a newer build ran). */
        public Builder allowUnknownMigrations(boolean allow) {
            this.allowUnknownMigrations = allow;
            return this;
        }

        /** How long to wait for another instance that is migrating the same database; 5 minutes by default. */
        public Builder lockTimeout(Duration timeout) {
            if (timeout == null || timeout.isNegative()) {
                throw new IllegalArgumentException("lockTimeout must be zero or positive");
            }
            this.lockTimeout = timeout;
            return this;
        }

        /**
         * Whether operations on tables that already exist take the database's lock-safe form (on by default): on
         * PostgreSQL indexes are built and dropped {@code concurrently}, and foreign keys and checks are added
         * {@code not valid} and validated in a step of their own, so that writers go on meanwhile. Those steps run
         * outside the migration's transaction; a migration that stops part way continues where it stopped at the
         * next start. Off: every migration runs in one transaction.
         */
        public Builder lockSafeDdl(boolean lockSafe) {
            this.lockSafeDdl = lockSafe;
            return this;
        }

        /**
         * How long one DDL statement waits for a lock (PostgreSQL's {@code lock_timeout}) before it gives up and is
         * tried again with backoff, for as long as {@link #lockTimeout}: a migration queued behind a long transaction
         * then never holds up the sessions that would queue behind it. 5 seconds by default.
         */
        public Builder statementLockTimeout(Duration timeout) {
            if (timeout == null || timeout.isNegative() || timeout.isZero()) {
                throw new IllegalArgumentException("statementLockTimeout must be positive");
            }
            this.statementLockTimeout = timeout;
            return this;
        }

        /**
         * Works in {@code schema} (on MariaDB a database) instead of the connection's current one: its own history
         * table, its own tables, its own lock; for one schema per tenant on one server (see {@link Fleet}). The
         * connection's schema is put back afterwards, so a pooled data source is left as it was. The schema must
         * exist; SQLite has none (one file per tenant).
         */
        public Builder schema(String schema) {
            if (schema == null || schema.isBlank()) {
                throw new IllegalArgumentException("schema is empty");
            }
            this.schema = schema;
            return this;
        }

        /**
         * Whether every pending migration is applied in one transaction, together with their history rows (off by
         * default: each in its own): all of them or none, and one commit instead of one per migration, for a fresh
         * database or a tenant of a {@link Fleet}. Only where DDL is transactional (SQLite, PostgreSQL); elsewhere, and
         * when a pending migration has lock-safe steps that run outside its transaction, each runs on its own as usual.
         * A failure rolls back the whole group: the database stays at the version it was at.
         */
        public Builder groupPending(boolean group) {
            this.groupPending = group;
            return this;
        }

        /** Tables Permafrost does not own (another library's), left out of drift checks. */
        public Builder ignoreTables(String... tables) {
            this.ignoredTables = java.util.Arrays.stream(tables).map(t -> t.toLowerCase(java.util.Locale.ROOT))
                    .collect(java.util.stream.Collectors.toUnmodifiableSet());
            return this;
        }

        /**
         * Where the migrator reports what it did (each migration applied or reverted, "up to date"); by default
         * {@code System.getLogger("dev.permafrost.runtime")}, which goes wherever the application's logging does.
         */
        public Builder logger(System.Logger log) {
            if (log == null) {
                throw new IllegalArgumentException("logger == null");
            }
            this.logger = log;
            return this;
        }

        /**
         * @throws PermafrostException {@code PF626} when the class path holds a jOOQ older than 3.21 (Spring Boot's
         *     dependency management chooses 3.19 unless told otherwise)
         */
        public Migrator build() {
            dev.permafrost.runtime.internal.JooqVersion.require();
            return new Migrator(new Config(dataSource, index, allowUnknownMigrations, lockTimeout, ignoredTables, logger,
                    lockSafeDdl, statementLockTimeout, schema, groupPending));
        }
    }
}
