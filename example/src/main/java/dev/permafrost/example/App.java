package dev.permafrost.example;

import dev.permafrost.runtime.MigrateResult;
import dev.permafrost.runtime.Migrator;
import java.nio.file.Path;

/**
 * The application's start: bring the embedded SQLite database to the newest frozen migration, then
 * print what happened and where every migration stands.
 */
public final class App {

    private App() {
    }

    public static void main(String[] args) {
        Path database = Path.of(args.length > 0 ? args[0] : "permafrost-example.db").toAbsolutePath();
        Migrator migrator = Migrator.create("jdbc:sqlite:" + database);
        MigrateResult result = migrator.migrate();
        System.out.println(result);
        System.out.println();
        System.out.print(migrator.status());
    }
}
