package dev.permafrost.dialect.sqlite;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A new SQLite database built beside the file it is to become and moved into place once built (ADR 0029). A
 * database file that does not exist yet is migrated in {@code <file>.permafrost-new}, with
 * {@code synchronous=OFF} and the rollback journal in memory: every statement and history row of every migration
 * runs as it would in place, each migration still in its own transaction that rolls back on failure, but no
 * commit waits for the disk. Then the file is written to disk once and linked to its name, which fails if
 * anything made that name meanwhile: nobody ever opens a half-built database, and a process stopped part way
 * leaves only the {@code .permafrost-new} file.
 */
public final class SqliteNewFile {

    /** What the built file is called until it is moved into place, after the database file's name. */
    public static final String SUFFIX = ".permafrost-new";
    private static final String PREFIX = "jdbc:sqlite:";
    /** The settings the building connections take instead of the URL's own. */
    private static final List<String> BUILDING = List.of("journal_mode=MEMORY", "synchronous=OFF");

    private final Path file;
    private final Path building;
    private final String buildingUrl;

    private SqliteNewFile(Path file, String query) {
        this.file = file;
        this.building = file.resolveSibling(file.getFileName() + SUFFIX);
        List<String> parameters = new ArrayList<>();
        for (String parameter : query.isEmpty() ? new String[0] : query.split("&")) {
            String name = parameter.split("=", 2)[0].toLowerCase(Locale.ROOT);
            if (!parameter.isEmpty() && !name.equals("journal_mode") && !name.equals("synchronous")) {
                parameters.add(parameter);
            }
        }
        parameters.addAll(BUILDING);
        this.buildingUrl = PREFIX + building + "?" + String.join("&", parameters);
    }

    /**
     * The new file that {@code url} names, or {@code null} when it is not a new file: not an SQLite URL of a plain
     * path ({@code file:} URIs and in-memory databases are left as they are), a file (or link, journal or
     * write-ahead log) that exists, or a directory that does not.
     */
    public static SqliteNewFile of(String url) {
        SqliteNewFile place = beside(url);
        return place != null && place.isNew() ? place : null;
    }

    /**
     * The database file that {@code url} names and its building file beside it, whether or not they exist; {@code null}
     * when {@code url} is not an SQLite URL of a plain path.
     */
    public static SqliteNewFile beside(String url) {
        if (url == null || !url.regionMatches(true, 0, PREFIX, 0, PREFIX.length())) {
            return null;
        }
        String rest = url.substring(PREFIX.length());
        int question = rest.indexOf('?');
        String location = question < 0 ? rest : rest.substring(0, question);
        if (location.isEmpty() || location.startsWith(":") || location.regionMatches(true, 0, "file:", 0, 5)) {
            return null;
        }
        Path file;
        try {
            file = Path.of(location).toAbsolutePath();
        } catch (InvalidPathException e) {
            return null;
        }
        if (file.getParent() == null || file.getFileName() == null) {
            return null;
        }
        return new SqliteNewFile(file, question < 0 ? "" : rest.substring(question + 1));
    }

    /**
     * Whether the database is new: its file (or link, journal or write-ahead log) does not exist, and its directory
     * does. The file is asked first, one look-up on an ordinary start.
     */
    public boolean isNew() {
        if (!Files.notExists(file, LinkOption.NOFOLLOW_LINKS) || !Files.isDirectory(file.getParent())) {
            return false;
        }
        for (String suffix : new String[] {"-journal", "-wal", "-shm"}) {
            if (!Files.notExists(file.resolveSibling(file.getFileName() + suffix), LinkOption.NOFOLLOW_LINKS)) {
                return false;
            }
        }
        return true;
    }

    /**
     * When the database file exists, deletes a building file beside it and says whether there was one: left by a
     * process stopped between giving the built file its name and deleting the building name, or by a builder another
     * start overtook (which then finds its file gone and migrates in place). No building file can ever be moved onto
     * an existing database.
     */
    public boolean discardLeftover() {
        try {
            return Files.exists(file, LinkOption.NOFOLLOW_LINKS) && Files.deleteIfExists(building);
        } catch (IOException e) {
            return false; // left for a later start
        }
    }

    /** The database file it becomes. */
    public Path file() {
        return file;
    }

    /** The file it is built in. */
    public Path building() {
        return building;
    }

    /** The URL it is built through: the given one's parameters, on the building file, without waiting for the disk. */
    public String buildingUrl() {
        return buildingUrl;
    }

    /**
     * Creates the building file; {@code false} when it exists (another process builds the same database, or one
     * stopped while building it): the database is then migrated in place.
     */
    public boolean reserve() {
        try {
            Files.createFile(building);
            return true;
        } catch (IOException | UnsupportedOperationException e) {
            return false;
        }
    }

    /**
     * Writes the built file to disk and gives it the database's name; {@code false} (the built file deleted) when
     * something made that name meanwhile, another process deleted the built file after it did, or the file system
     * cannot link it there: the database is then migrated in place, where whoever made it left it.
     *
     * @throws IOException when the built file cannot be written to disk (it is deleted)
     */
    public boolean publish() throws IOException {
        try (FileChannel channel = FileChannel.open(building, StandardOpenOption.WRITE)) {
            channel.force(true);
        } catch (NoSuchFileException e) {
            return false; // deleted by a process that migrated the database in place meanwhile
        } catch (IOException e) {
            discard();
            throw e;
        }
        try {
            Files.createLink(file, building);
        } catch (IOException | UnsupportedOperationException e) {
            discard();
            return false;
        }
        Files.deleteIfExists(building); // a start that found the database in place may have deleted it already
        syncDirectory();
        return true;
    }

    /**
     * After a failed migration: moves what committed before it into place ({@link #publish}), as it would have stayed
     * there in place, or deletes the building file when nothing was written to it (the failure came first).
     */
    public void keepWhatCommitted() throws IOException {
        if (Files.size(building) > 0) {
            publish();
        } else {
            discard();
        }
    }

    /** Deletes the building file, if it is still there. */
    public void discard() {
        try {
            Files.deleteIfExists(building);
        } catch (IOException ignored) {
            // left for the next run, which then migrates in place
        }
    }

    /** Writes the directory's entries to disk, where the file system allows it (not on Windows). */
    private void syncDirectory() {
        try (FileChannel channel = FileChannel.open(file.getParent(), StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException | UnsupportedOperationException ignored) {
            // the file is in place; only its name's durability is left to the file system
        }
    }
}
