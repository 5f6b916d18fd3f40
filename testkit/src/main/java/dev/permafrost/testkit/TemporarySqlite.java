package dev.permafrost.testkit;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Fresh SQLite database files in their own temporary directories, deleted when the JVM exits. */
final class TemporarySqlite {

    private TemporarySqlite() {
    }

    /** The JDBC URL of a new, empty SQLite file with foreign keys enforced. */
    static String url() {
        try {
            Path dir = Files.createTempDirectory("permafrost-checks");
            dir.toFile().deleteOnExit();
            File file = dir.resolve("check.db").toFile();
            file.deleteOnExit();
            return "jdbc:sqlite:" + file + "?foreign_keys=true";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
