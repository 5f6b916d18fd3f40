package dev.permafrost.testkit;

import dev.permafrost.runtime.internal.DriverManagerDataSource;
import dev.permafrost.runtime.spi.MigrationIndex;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.opentest4j.AssertionFailedError;

/**
 * The database checks again on the servers a project declares ({@link MigrationChecks#serverUrls()}), each call
 * for a database in a schema (PostgreSQL), database (MariaDB, MySQL) or in-memory database (H2) of its own,
 * dropped afterwards; a failure names the server.
 */
final class Servers {

    /** The settings that name servers, by environment variable (or the same in lower case with dots, a system property). */
    static final List<String> SETTINGS = List.of("PERMAFROST_TEST_POSTGRESQL_URL", "PERMAFROST_TEST_MARIADB_URL",
            "PERMAFROST_TEST_MYSQL_URL", "PERMAFROST_TEST_H2_URL");

    private static final Pattern DATABASE_IN_URL = Pattern.compile("(jdbc:(?:mariadb|mysql)://[^/]+/)([^?;]*)(.*)");

    private Servers() {
    }

    /** The server URLs the settings give, in the order of {@link #SETTINGS}. */
    static List<String> fromSettings(Map<String, String> environment) {
        List<String> urls = new ArrayList<>();
        for (String setting : SETTINGS) {
            String property = System.getProperty(setting.toLowerCase(Locale.ROOT).replace('_', '.'));
            String value = property != null ? property : environment.get(setting);
            if (value != null && !value.isBlank()) {
                urls.add(value.trim());
            }
        }
        return urls;
    }

    /** Runs {@code check} on the default database, then on each declared server. */
    static void each(MigrationChecks checks, Consumer<MigrationChecks> check) {
        check.accept(checks);
        for (String url : checks.serverUrls()) {
            OnServer server = new OnServer(checks, url);
            try {
                check.accept(server);
            } catch (AssertionError e) {
                AssertionFailedError named = new AssertionFailedError("on " + server.label() + ": " + e.getMessage(),
                        e.getCause());
                named.setStackTrace(e.getStackTrace());
                throw named;
            } finally {
                server.dropAll();
            }
        }
    }

    /** The checks' settings, with a fresh database on one server at each {@link #dataSource()}. */
    private static final class OnServer implements MigrationChecks {
        private final MigrationChecks checks;
        private final String url;
        private final List<Runnable> drops = new ArrayList<>();

        OnServer(MigrationChecks checks, String url) {
            this.checks = checks;
            this.url = url;
        }

        String label() {
            String lower = url.toLowerCase(Locale.ROOT);
            return lower.startsWith("jdbc:postgresql:") ? "PostgreSQL" : lower.startsWith("jdbc:mariadb:") ? "MariaDB"
                    : lower.startsWith("jdbc:mysql:") ? "MySQL" : lower.startsWith("jdbc:h2:") ? "H2" : url;
        }

        @Override
        public DataSource dataSource() {
            String name = "pf_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
            String lower = url.toLowerCase(Locale.ROOT);
            if (lower.startsWith("jdbc:h2:")) {
                return new DriverManagerDataSource("jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1");
            }
            if (lower.startsWith("jdbc:postgresql:")) {
                execute("create schema " + name);
                drops.add(() -> execute("drop schema " + name + " cascade"));
                return new DriverManagerDataSource(url + (url.contains("?") ? "&" : "?") + "currentSchema=" + name);
            }
            Matcher m = DATABASE_IN_URL.matcher(url);
            if (m.matches()) {
                execute("create database " + name);
                drops.add(() -> execute("drop database " + name));
                return new DriverManagerDataSource(m.group(1) + name + m.group(3));
            }
            throw new AssertionError(url + " (from " + String.join(", ", SETTINGS) + ") is no PostgreSQL, MariaDB, MySQL"
                    + " or H2 URL; the checks make a fresh database there at every call, so they must know the server");
        }

        private void execute(String sql) {
            try (Connection connection = DriverManager.getConnection(url); Statement statement = connection.createStatement()) {
                statement.execute(sql);
            } catch (SQLException e) {
                throw new AssertionError("cannot prepare a fresh database on " + label() + " (" + sql + "): "
                        + e.getMessage(), e);
            }
        }

        void dropAll() {
            drops.forEach(Runnable::run);
            drops.clear();
        }

        @Override
        public List<String> serverUrls() {
            return List.of();
        }

        @Override
        public MigrationIndex migrations() {
            return checks.migrations();
        }

        @Override
        public Path schemaDir() {
            return checks.schemaDir();
        }

        @Override
        public Path migrationsDir() {
            return checks.migrationsDir();
        }

        @Override
        public List<Path> classpath() {
            return checks.classpath();
        }

        @Override
        public Set<String> ignoredTables() {
            return checks.ignoredTables();
        }

        @Override
        public Map<String, List<Map<String, Object>>> fixtures(int version, dev.permafrost.model.Schema schema) {
            return checks.fixtures(version, schema);
        }
    }
}
