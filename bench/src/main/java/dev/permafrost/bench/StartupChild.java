package dev.permafrost.bench;

import dev.permafrost.runtime.MigrateResult;
import dev.permafrost.runtime.Migrator;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import org.flywaydb.core.Flyway;

/**
 * One application start on a database that is already up to date, in a fresh JVM: the driver opens one
 * connection first (as an application's pool would), then the library's first migrate() is timed.
 *
 * <p>Arguments: {@code permafrost <jdbc url>} or {@code flyway <jdbc url> <sql directory>}.
 */
public final class StartupChild {

    private StartupChild() {
    }

    public static void main(String[] args) throws Exception {
        String url = args[1];
        try (Connection connection = DriverManager.getConnection(url); Statement statement = connection.createStatement()) {
            statement.execute("select 1");
        }
        long start = System.nanoTime();
        int executed;
        if (args[0].equals("permafrost")) {
            MigrateResult result = Migrator.create(url).migrate();
            executed = result.applied().size();
        } else {
            executed = Flyway.configure().dataSource(url, null, null).locations("filesystem:" + args[2]).load().migrate()
                    .migrationsExecuted;
        }
        double ms = (System.nanoTime() - start) / 1e6;
        if (executed != 0) {
            throw new IllegalStateException(args[0] + " applied " + executed + " migrations; the database was not up to date");
        }
        System.out.printf("MS %.3f%n", ms);
    }
}
