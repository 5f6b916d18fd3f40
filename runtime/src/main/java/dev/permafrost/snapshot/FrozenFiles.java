package dev.permafrost.snapshot;

import dev.permafrost.message.Message;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The frozen snapshots of a schema directory, verified against their manifest: nothing edited, missing
 * or extra, and every snapshot naming its parent's hash. Snapshots are parsed only when asked for.
 */
public final class FrozenFiles {

    /**
     * Where a module keeps its frozen files when no directory is configured, relative to the module: outside the
     * resources, so that the build does not package them (the runtime never reads a snapshot: ADR 0023).
     */
    public static final String DEFAULT_DIR = "src/main/permafrost";

    /** The default before {@link #DEFAULT_DIR}, inside the resources; a module that keeps its files there goes on. */
    public static final String EARLIER_DEFAULT_DIR = "src/main/resources/db/permafrost";

    private static final Pattern SNAPSHOT_FILE = Pattern.compile("V(\\d+)\\.sql");
    private static final Pattern PARENT = Pattern.compile("(?m)^-- parent: V(\\d+) sha256:([0-9a-f]{64})$");

    private final Path dir;
    private final Manifest manifest;
    private final Map<Integer, String> texts;

    private FrozenFiles(Path dir, Manifest manifest, Map<Integer, String> texts) {
        this.dir = dir;
        this.manifest = manifest;
        this.texts = texts;
    }

    /**
     * The schema directory of {@code module} when none is configured: {@link #EARLIER_DEFAULT_DIR} if its manifest is
     * there (a module that began before the default moved), else {@link #DEFAULT_DIR}.
     *
     * @throws SnapshotException when both hold a manifest, which would leave two histories
     */
    public static Path defaultDir(Path module) {
        Path current = module.resolve(DEFAULT_DIR);
        Path earlier = module.resolve(EARLIER_DEFAULT_DIR);
        boolean inEarlier = Files.exists(earlier.resolve(Manifest.FILE));
        if (inEarlier && Files.exists(current.resolve(Manifest.FILE))) {
            throw new SnapshotException(Message.FROZEN_FILE, Manifest.FILE, 0, "is in both " + earlier + " and " + current
                    + ": a module keeps one history. Keep the one version control had first, move its files with git mv"
                    + " if you want them in " + DEFAULT_DIR + " (outside the packaged resources), and delete the other");
        }
        return inEarlier ? earlier : current;
    }

    /**
     * Loads and verifies the schema directory; an absent or empty directory has no versions.
     *
     * @throws SnapshotException naming the file, and the line where it helps, of the first problem
     */
    public static FrozenFiles load(Path dir) {
        Map<Integer, Path> files = new TreeMap<>();
        if (Files.isDirectory(dir)) {
            try (Stream<Path> listing = Files.list(dir)) {
                for (Path file : listing.sorted().toList()) {
                    Matcher m = SNAPSHOT_FILE.matcher(file.getFileName().toString());
                    if (!m.matches()) {
                        continue;
                    }
                    int version = Snapshot.parseVersion(m.group(1));
                    if (version < 0) {
                        throw new SnapshotException(Message.FROZEN_FILE, file.getFileName().toString(), 0, "claims version " + m.group(1)
                                + ", which Permafrost never writes: it numbers versions 1, 2, 3 in the order they"
                                + " were written. Delete it, or restore the schema directory from version control");
                    }
                    Path other = files.put(version, file);
                    if (other != null) {
                        throw new SnapshotException(Message.FROZEN_FILE, file.getFileName().toString(), 0, "claims version " + version
                                + " like " + other.getFileName() + "; keep the one the manifest records and delete the"
                                + " other");
                    }
                }
            } catch (IOException e) {
                throw new SnapshotException(Message.FROZEN_FILE, dir.toString(), 0, "cannot be listed (" + e + "); check its permissions");
            }
        }
        Path manifestFile = dir.resolve(Manifest.FILE);
        if (!Files.exists(manifestFile)) {
            if (!files.isEmpty()) {
                throw new SnapshotException(Message.FROZEN_FILE, Manifest.FILE, 0, "is missing from " + dir + ", which holds "
                        + files.size() + " snapshot(s); restore it from version control");
            }
            return new FrozenFiles(dir, null, Map.of());
        }
        Manifest manifest = Manifest.read(read(manifestFile));
        Map<Integer, String> texts = new TreeMap<>();
        Map<Integer, String> hashes = new TreeMap<>();
        for (Manifest.Entry entry : manifest.entries()) {
            Path file = files.remove(entry.version());
            if (file == null) {
                throw new SnapshotException(Message.FROZEN_FILE, entry.file(), 0, "is recorded in " + Manifest.FILE + " but missing from "
                        + dir + "; restore it from version control");
            }
            String text = read(file);
            String hash = Hashing.sha256(text);
            if (!hash.equals(entry.sha256())) {
                throw new SnapshotException(Message.FROZEN_FILE, file.getFileName().toString(), 0, "changed after it was frozen (recorded"
                        + " sha256 " + entry.sha256() + ", now " + hash + "). Restore it from version control"
                        + " (git checkout -- " + file + "); to change the schema, change the entities and compile."
                        + " If two branches each wrote version " + entry.version() + ", keep one branch's snapshot,"
                        + " migration and manifest line, delete the other's, and compile: Permafrost writes the other"
                        + " change as the next version");
            }
            if (entry.version() > 1) {
                Matcher parent = PARENT.matcher(text);
                if (!parent.find() || Snapshot.parseVersion(parent.group(1)) != entry.version() - 1
                        || !parent.group(2).equals(hashes.get(entry.version() - 1))) {
                    throw new SnapshotException(Message.FROZEN_FILE, file.getFileName().toString(), 0, "does not name V"
                            + Snapshot.versionLabel(entry.version() - 1) + " with its hash as its parent: it was written"
                            + " on another branch. Delete it and its migration, and compile to write it again on top"
                            + " of this branch");
                }
            }
            texts.put(entry.version(), text);
            hashes.put(entry.version(), hash);
        }
        if (!files.isEmpty()) {
            Path extra = files.values().iterator().next();
            throw new SnapshotException(Message.FROZEN_FILE, extra.getFileName().toString(), 0, "is not recorded in " + Manifest.FILE
                    + ": it was added by hand, left by an interrupted compile, or came from a branch. Delete it (and its"
                    + " migration class) and compile: Permafrost writes the next version itself");
        }
        return new FrozenFiles(dir, manifest, texts);
    }

    /**
     * A frozen file's text.
     *
     * @throws SnapshotException when it is not UTF-8 (saved as UTF-16, say) or cannot be read, with the reason
     */
    public static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (java.nio.charset.CharacterCodingException e) {
            throw new SnapshotException(Message.FROZEN_FILE, file.getFileName().toString(), 0, "is not UTF-8 text" + (utf16(file)
                    ? " (it is UTF-16, as some editors save files)" : "") + ": restore it from version control, or save"
                    + " it as UTF-8 without changing its text");
        } catch (IOException e) {
            throw new SnapshotException(Message.FROZEN_FILE, file.getFileName().toString(), 0, "cannot be read (" + e + "); check its"
                    + " permissions, or restore it from version control");
        }
    }

    private static boolean utf16(Path file) {
        try (java.io.InputStream in = Files.newInputStream(file)) {
            byte[] start = in.readNBytes(64);
            if (start.length >= 2 && ((start[0] == (byte) 0xFE && start[1] == (byte) 0xFF)
                    || (start[0] == (byte) 0xFF && start[1] == (byte) 0xFE))) {
                return true;
            }
            int zeros = 0;
            for (byte b : start) {
                zeros += b == 0 ? 1 : 0;
            }
            return zeros * 3 > start.length;
        } catch (IOException e) {
            return false;
        }
    }

    public Path dir() {
        return dir;
    }

    /** The manifest, or {@code null} before the first version. */
    public Manifest manifest() {
        return manifest;
    }

    /** The newest version, or 0 when there is none. */
    public int newestVersion() {
        return texts.size();
    }

    public String text(int version) {
        String text = texts.get(version);
        if (text == null) {
            throw new IllegalArgumentException("there is no snapshot " + version);
        }
        return text;
    }

    public String hash(int version) {
        return Hashing.sha256(text(version));
    }

    /** The parsed snapshot of {@code version}. */
    public Snapshot snapshot(int version) {
        return SnapshotReader.read(Snapshot.fileName(version), text(version));
    }

    /** The DDL of {@code version}'s snapshot without its header, as {@link SnapshotWriter#body} writes it. */
    public String body(int version) {
        String text = Hashing.normalize(text(version));
        int start = text.indexOf("\ncreate ");
        if (start < 0) {
            return "";
        }
        return text.substring(start);
    }
}
