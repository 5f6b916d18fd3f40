package dev.permafrost.bench;

import dev.permafrost.runtime.Migrator;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import org.flywaydb.core.Flyway;

/**
 * One application start in a fresh JVM (a deploy with something pending, or an up-to-date start): the driver opens
 * one connection first (as a pool would), then the library's first call is timed. Prints {@code MS} and
 * {@code APPLIED}; the caller checks how many were applied.
 *
 * <p>Arguments: {@code permafrost <jdbc url>}, {@code flyway <jdbc url> <sql directory>} (apply what is pending), or
 * {@code validate <jdbc url>} (Permafrost's {@code validate()}).
 */
public final class DeployChild {

    private DeployChild() {
    }

    public static void main(String[] args) throws Exception {
        String url = args[1];
        try (Connection connection = DriverManager.getConnection(url); Statement statement = connection.createStatement()) {
            statement.execute("select 1");
        }
        long start = System.nanoTime();
        int applied = 0;
        switch (args[0]) {
            case "permafrost" -> applied = Migrator.create(url).migrate().applied().size();
            case "flyway" -> applied = Flyway.configure().dataSource(url, null, null).locations("filesystem:" + args[2])
                    .load().migrate().migrationsExecuted;
            case "validate" -> {
                var validation = Migrator.create(url).validate();
                if (!validation.valid()) {
                    throw new IllegalStateException("validate() found problems: " + validation);
                }
            }
            default -> throw new IllegalArgumentException(args[0]);
        }
        System.out.printf("MS %.3f%n", (System.nanoTime() - start) / 1e6);
        System.out.println("APPLIED " + applied);
    }
}
