package dev.permafrost.bench;

import dev.permafrost.runtime.Migrator;
import org.flywaydb.core.Flyway;

/**
 * Applies every migration to an empty SQLite file in a fresh JVM and prints the time and the peak
 * memory: the cold, whole-start figure beside the JMH one.
 *
 * <p>Arguments: {@code permafrost <jdbc url>} or {@code flyway <jdbc url> <sql directory>}.
 */
public final class ApplyChild {

    private ApplyChild() {
    }

    public static void main(String[] args) {
        String url = args[1];
        long start = System.nanoTime();
        int applied;
        if (args[0].equals("permafrost")) {
            applied = Migrator.create(url).migrate().applied().size();
        } else {
            applied = Flyway.configure().dataSource(url, null, null).locations("filesystem:" + args[2]).load().migrate()
                    .migrationsExecuted;
        }
        System.out.printf("MS %.3f%n", (System.nanoTime() - start) / 1e6);
        System.out.println("APPLIED " + applied);
        Memory.print();
    }
}
