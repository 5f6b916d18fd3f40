package dev.permafrost.testkit;

/** Fresh SQLite database files in their own temporary directories, deleted with their journals when the JVM exits. */
final class TemporarySqlite {

    private TemporarySqlite() {
    }

    /** The JDBC URL of a new, empty SQLite file with foreign keys enforced. */
    static String url() {
        return "jdbc:sqlite:" + Scratch.directory("permafrost-checks").resolve("check.db") + "?foreign_keys=true";
    }
}
