package dev.permafrost.runtime;

import java.nio.file.Path;

/** The URLs of test SQLite files; {@link dev.permafrost.testing.Db} runs statements and queries on them. */
public final class Sqlite {

    private Sqlite() {
    }

    public static String url(Path dir) {
        return "jdbc:sqlite:" + dir.resolve("test.db");
    }

    public static String urlWithForeignKeys(Path dir) {
        return url(dir) + "?foreign_keys=true";
    }
}
