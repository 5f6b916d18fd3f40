package dev.permafrost.cli;

import dev.permafrost.runtime.Fleet;
import dev.permafrost.runtime.FleetReport;
import dev.permafrost.runtime.MigrateResult;
import dev.permafrost.runtime.MigrationPlan;
import dev.permafrost.runtime.MigrationStatus;
import dev.permafrost.runtime.Migrator;
import dev.permafrost.runtime.PermafrostException;
import dev.permafrost.runtime.Validation;
import dev.permafrost.runtime.spi.MigrationIndex;
import java.io.PrintWriter;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** The commands, each a thin layer over one {@link Migrator} call. */
final class Commands {

    private Commands() {
    }

    /** A wrong command line found while running (a class path entry that does not exist): exit code 2. */
    static final class UsageError extends RuntimeException {
        UsageError(String message) {
            super(message);
        }
    }

    /** What every command takes: where the database is, where the migrations are, how to print. */
    static final class Connection extends Settings {
        @Option(names = "--url", required = true, paramLabel = "<jdbc-url>",
                description = "The database: jdbc:sqlite:app.db, jdbc:postgresql://host/db, jdbc:mariadb://..., jdbc:h2:...")
        String url;

        /** The migrator of these options, reporting to {@code progress}. */
        Migrator migrator(Progress progress) {
            return builder(url).logger(progress).build();
        }
    }

    /** What every command takes but the database: where the migrations are, how to connect and print. */
    static class Settings {
        @Option(names = "--user", description = "The user to connect as.")
        String user;

        @Option(names = "--password", arity = "0..1", interactive = true,
                description = "The password; without a value it is asked for. Prefer the environment variable"
                        + " PERMAFROST_PASSWORD, which nothing prints.")
        String password;

        @Option(names = {"--classpath", "-cp"}, split = "${sys:path.separator}", paramLabel = "<jar-or-dir>",
                description = "The application's jars or class directories that hold its migrations and their index"
                        + " (separated by '${sys:path.separator}', or the option repeated).")
        List<Path> classpath = new ArrayList<>();

        @Option(names = "--migrations-package", paramLabel = "<package>",
                description = "The package of the migrations, when the class path holds several indexes.")
        String migrationsPackage;

        @Option(names = "--allow-unknown-migrations",
                description = "Tolerate migrations in the database this build does not know (a newer build ran).")
        boolean allowUnknown;

        @Option(names = "--lock-timeout", paramLabel = "<seconds>", defaultValue = "300",
                description = "How long to wait for another instance that is migrating (default: ${DEFAULT-VALUE} s).")
        long lockTimeoutSeconds;

        @Option(names = "--schema", paramLabel = "<schema>",
                description = "Work in this schema (on MariaDB this database) instead of the connection's own.")
        String schema;

        @Option(names = "--no-lock-safe-ddl", negatable = false,
                description = "Run every migration in one transaction, without PostgreSQL's lock-safe steps.")
        boolean plainDdl;

        @Option(names = "--group-pending", negatable = false,
                description = "Apply the pending migrations in one transaction (SQLite, PostgreSQL): all or none.")
        boolean groupPending;

        @Option(names = "--statement-lock-timeout", paramLabel = "<ms>", defaultValue = "5000",
                description = "How long one DDL statement waits for a lock before it is retried (default: ${DEFAULT-VALUE} ms).")
        long statementLockTimeoutMillis;

        @Option(names = "--ignore-tables", split = ",", paramLabel = "<table>",
                description = "Tables Permafrost does not own, left out of drift checks.")
        List<String> ignoredTables = new ArrayList<>();

        @Option(names = "--json", description = "Print one JSON document instead of text.")
        boolean json;

        @Spec(Spec.Target.MIXEE)
        CommandLine.Model.CommandSpec spec;

        PrintWriter out() {
            return spec.commandLine().getOut();
        }

        PrintWriter err() {
            return spec.commandLine().getErr();
        }

        /** Runs {@code action} with the application's class path as the context class loader. */
        int run(Action action) {
            ClassLoader previous = Thread.currentThread().getContextClassLoader();
            try (URLClassLoader loader = new URLClassLoader(urls(), Commands.class.getClassLoader())) {
                Thread.currentThread().setContextClassLoader(loader);
                return action.run(this);
            } catch (PermafrostException e) {
                if (json) {
                    out().println(e.toJson());
                } else {
                    err().println("permafrost: " + (e.messageCode() == null ? "" : "[" + e.messageCode() + "] ")
                            + e.getMessage());
                    if (classpath.isEmpty() && e.code() == dev.permafrost.runtime.ErrorCode.NO_MIGRATIONS) {
                        err().println("permafrost: no --classpath was given: name the application's jar or its classes"
                                + " directory, which hold the migrations and their index");
                    }
                }
                out().flush();
                err().flush();
                return Main.FAILED;
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            } finally {
                Thread.currentThread().setContextClassLoader(previous);
            }
        }

        private URL[] urls() {
            List<URL> urls = new ArrayList<>();
            for (Path entry : classpath) {
                if (!Files.exists(entry)) {
                    throw new UsageError("--classpath entry " + entry + " does not exist");
                }
                try {
                    urls.add(entry.toUri().toURL());
                } catch (MalformedURLException e) {
                    throw new UsageError("--classpath entry " + entry + " is not a path: " + e.getMessage());
                }
            }
            return urls.toArray(URL[]::new);
        }

        /** The settings of a migrator of {@code url} with these options. */
        Migrator.Builder builder(String url) {
            String secret = password != null ? password : System.getenv("PERMAFROST_PASSWORD");
            MigrationIndex index = migrationsPackage == null ? MigrationIndex.find()
                    : MigrationIndex.inPackage(migrationsPackage);
            Migrator.Builder builder = Migrator.configure(url, user, secret).migrations(index)
                    .allowUnknownMigrations(allowUnknown).lockTimeout(Duration.ofSeconds(lockTimeoutSeconds))
                    .ignoreTables(ignoredTables.toArray(String[]::new)).lockSafeDdl(!plainDdl).groupPending(groupPending)
                    .statementLockTimeout(Duration.ofMillis(Math.max(1, statementLockTimeoutMillis)));
            if (schema != null) {
                builder.schema(schema);
            }
            return builder;
        }

        Progress progress() {
            return new Progress(!json && terminal(), err());
        }

        /** Whether a person watches: a console that is a terminal (Java 22+ has a console even when redirected). */
        private static boolean terminal() {
            java.io.Console console = System.console();
            if (console == null) {
                return false;
            }
            try {
                return (Boolean) java.io.Console.class.getMethod("isTerminal").invoke(console);
            } catch (ReflectiveOperationException e) {
                return true; // Java 21: a console exists only for a terminal
            }
        }
    }

    @FunctionalInterface
    interface Action {
        int run(Settings settings);
    }

    /** Prints {@code text} or {@code json} as asked. */
    private static void print(Settings c, String text, String json) {
        c.out().println(c.json ? json : text);
        c.out().flush();
    }

    @Command(name = "status", description = "Every known and applied migration and its state.")
    static final class Status implements Callable<Integer> {
        @Mixin
        Connection connection;

        @Override
        public Integer call() {
            return connection.run(c -> {
                MigrationStatus status = connection.migrator(c.progress()).status();
                print(c, status.toString(), status.toJson());
                return 0;
            });
        }
    }

    @Command(name = "migrate", description = "Applies pending migrations (or, with --to below the current version,"
            + " reverts the newer ones).")
    static final class Migrate implements Callable<Integer> {
        @Mixin
        Connection connection;

        @Option(names = "--to", paramLabel = "<version>", description = "The version to bring the database to.")
        Integer to;

        @Override
        public Integer call() {
            return connection.run(c -> {
                Progress progress = c.progress();
                Migrator migrator = connection.migrator(progress);
                if (progress.shown()) {
                    progress.expect(steps(migrator.status(), to));
                }
                MigrateResult result = to == null ? migrator.migrate() : migrator.migrateTo(to);
                print(c, result.toString(), result.toJson());
                return 0;
            });
        }
    }

    /**
     * How many migrations {@code migrate [--to]} will apply or revert, from the history alone (a plan would render
     * every statement just to be counted).
     */
    static int steps(MigrationStatus status, Integer to) {
        int target = to == null ? Integer.MAX_VALUE : to;
        return (int) (target < status.currentVersion()
                ? status.applied().stream().filter(m -> m.version() > target).count()
                : status.pending().stream().filter(m -> m.version() <= target).count());
    }

    @Command(name = "plan", description = "The SQL migrate would run, without running it.")
    static final class Plan implements Callable<Integer> {
        @Mixin
        Connection connection;

        @Option(names = "--to", paramLabel = "<version>", description = "The version to plan for.")
        Integer to;

        @Override
        public Integer call() {
            return connection.run(c -> {
                Migrator migrator = connection.migrator(c.progress());
                MigrationPlan plan = to == null ? migrator.plan() : migrator.plan(to);
                print(c, plan.toString(), plan.toJson());
                return 0;
            });
        }
    }

    @Command(name = "validate", description = "Checks applied migrations and the live schema; exit code 1 on any"
            + " finding.")
    static final class Validate implements Callable<Integer> {
        @Mixin
        Connection connection;

        @Override
        public Integer call() {
            return connection.run(c -> {
                Validation validation = connection.migrator(c.progress()).validate();
                print(c, validation.toString(), validation.toJson());
                return validation.valid() ? 0 : Main.FAILED;
            });
        }
    }

    @Command(name = "baseline", description = "Adopts a database built without Permafrost whose schema equals"
            + " snapshot <version>: records migrations 1..<version> as applied.")
    static final class Baseline implements Callable<Integer> {
        @Mixin
        Connection connection;

        @Parameters(index = "0", paramLabel = "<version>", description = "The snapshot the database already equals.")
        int version;

        @Override
        public Integer call() {
            return connection.run(c -> {
                MigrationStatus status = connection.migrator(c.progress()).baseline(version);
                print(c, status.toString(), status.toJson());
                return 0;
            });
        }
    }

    @Command(name = "repair", description = "Forgets migrations that stopped part way (after you undid or finished"
            + " them by hand) and records checksums anew where the scheme changed.")
    static final class Repair implements Callable<Integer> {
        @Mixin
        Connection connection;

        @Override
        public Integer call() {
            return connection.run(c -> {
                int repaired = connection.migrator(c.progress()).repair();
                print(c, "repaired " + repaired + " migration" + (repaired == 1 ? "" : "s"),
                        "{\"repaired\":" + repaired + "}");
                return 0;
            });
        }
    }

    @Command(name = "fleet", description = "Migrates many databases with the same migrations (one per tenant): the"
            + " JDBC URLs of --targets (one per line; # starts a comment) and of --url, with bounded parallelism;"
            + " exit code 1 if any failed.")
    static final class FleetCommand implements Callable<Integer> {
        @Mixin
        Settings settings;

        @Option(names = "--targets", paramLabel = "<file>", description = "A file of JDBC URLs, one per line.")
        Path targets;

        @Option(names = "--url", paramLabel = "<jdbc-url>", description = "A database of the fleet (repeatable).")
        List<String> urls = new ArrayList<>();

        @Option(names = "--parallelism", defaultValue = "4", paramLabel = "<n>",
                description = "How many databases are migrated at once (default: ${DEFAULT-VALUE}).")
        int parallelism;

        @Option(names = "--canary", defaultValue = "0", paramLabel = "<n>",
                description = "Migrate the first n one by one first, and stop if one fails.")
        int canary;

        @Option(names = "--continue-on-error",
                description = "Go on with the others after one fails (otherwise no new one is started).")
        boolean continueOnError;

        @Override
        public Integer call() throws java.io.IOException {
            List<String> all = new ArrayList<>();
            if (targets != null) {
                if (!Files.exists(targets)) {
                    throw new UsageError("--targets file " + targets + " does not exist");
                }
                for (String line : Files.readAllLines(targets)) {
                    String url = line.replaceFirst("#.*", "").strip();
                    if (!url.isEmpty()) {
                        all.add(url);
                    }
                }
            }
            all.addAll(urls);
            if (all.isEmpty()) {
                throw new UsageError("fleet needs databases: --targets <file> or --url <jdbc-url>");
            }
            if (parallelism < 1 || canary < 0) {
                throw new UsageError("--parallelism must be at least 1 and --canary zero or more");
            }
            return settings.run(c -> {
                FleetReport report = Fleet.of(all, url -> c.builder(url).logger(new Progress(false, c.err())))
                        .parallelism(parallelism).canary(canary).continueOnError(continueOnError).migrate();
                print(c, report.toString(), report.toJson());
                return report.ok() ? 0 : Main.FAILED;
            });
        }
    }
}
