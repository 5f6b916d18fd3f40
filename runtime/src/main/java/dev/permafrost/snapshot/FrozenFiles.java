package dev.permafrost.snapshot;

import dev.permafrost.message.Message;
import dev.permafrost.model.Names;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
    /** How much of a snapshot's start {@link #verifyAll} decodes to find its parent line (the fifth line). */
    private static final int HEADER_BYTES = 4096;

    private final Path dir;
    private final Manifest manifest;
    /** Every snapshot file, by version. */
    private final Map<Integer, Path> files;
    /** The texts read and verified so far, by version. */
    private final Map<Integer, String> texts = new TreeMap<>();
    /** The versions verified so far, or vouched for by {@link Trusted}; a text read is verified too. */
    private final Set<Integer> verified = new HashSet<>();

    private FrozenFiles(Path dir, Manifest manifest, Map<Integer, Path> files) {
        this.dir = dir;
        this.manifest = manifest;
        this.files = files;
    }

    /**
     * Which snapshot files a caller saw verified before and that have not changed since (by their size and time, as
     * git's index does): they are read only when their text is asked for, and verified then.
     */
    @FunctionalInterface
    public interface Trusted {

        Trusted NONE = (file, sha256) -> false;

        /** Whether {@code file} is, unchanged, the one verified to have the manifest's {@code sha256}. */
        boolean unchanged(Path file, String sha256);
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
        return load(dir, Trusted.NONE);
    }

    /**
     * {@link #load(Path)}, reading and hashing only the snapshots {@code trusted} does not vouch for.
     *
     * @throws SnapshotException naming the file, and the line where it helps, of the first problem
     */
    public static FrozenFiles load(Path dir, Trusted trusted) {
        FrozenFiles frozen = open(dir, trusted);
        for (int version = 1; version <= frozen.newestVersion(); version++) {
            if (!frozen.isVerified(version)) {
                frozen.text(version);
            }
        }
        return frozen;
    }

    /**
     * The schema directory with its manifest read and every snapshot it records present, none of them read yet:
     * {@link #verifyAll} verifies them (on another thread if the caller likes), {@link #text} each one it reads.
     *
     * @throws SnapshotException naming the file of the first problem with the listing or the manifest
     */
    public static FrozenFiles open(Path dir, Trusted trusted) {
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
        Map<Integer, Path> snapshots = new TreeMap<>();
        for (Manifest.Entry entry : manifest.entries()) {
            Path file = files.remove(entry.version());
            if (file == null) {
                throw new SnapshotException(Message.FROZEN_FILE, entry.file(), 0, "is recorded in " + Manifest.FILE + " but missing from "
                        + dir + "; restore it from version control");
            }
            snapshots.put(entry.version(), file);
        }
        if (!files.isEmpty()) {
            Path extra = files.values().iterator().next();
            throw new SnapshotException(Message.FROZEN_FILE, extra.getFileName().toString(), 0, "is not recorded in " + Manifest.FILE
                    + ": it was added by hand, left by an interrupted compile, or came from a branch. Delete it (and its"
                    + " migration class) and compile: Permafrost writes the next version itself");
        }
        FrozenFiles frozen = new FrozenFiles(dir, manifest, snapshots);
        for (Manifest.Entry entry : manifest.entries()) {
            if (trusted.unchanged(snapshots.get(entry.version()), entry.sha256())) {
                frozen.verified.add(entry.version());
            }
        }
        return frozen;
    }

    /**
     * Verifies every snapshot not verified yet, oldest first, keeping none of their texts: a snapshot whose bytes have
     * the recorded hash is read once and hashed as it is, without decoding it (14 MB at 21 versions of a 1,000-table
     * model). Safe to run on another thread while this object's other methods are called.
     *
     * @throws SnapshotException naming the file of the first problem
     */
    public void verifyAll() {
        for (Manifest.Entry entry : manifest == null ? List.<Manifest.Entry>of() : manifest.entries()) {
            if (isVerified(entry.version())) {
                continue;
            }
            verifiedBytes(manifest, entry, file(entry.version()), false);
            synchronized (this) {
                verified.add(entry.version());
            }
        }
    }

    /**
     * Reads {@code entry}'s {@code file} and verifies it as {@link #verified} does, hashing bytes with the recorded hash
     * as they are; returns its text, or with {@code whole} false only as much of it as names its parent (the rest is
     * not decoded).
     */
    private static String verifiedBytes(Manifest manifest, Manifest.Entry entry, Path file, boolean whole) {
        byte[] bytes = readBytes(file);
        if (!Names.sha256Hex(bytes).equals(entry.sha256())) {
            // says what is wrong, or finds that only line endings or a byte-order mark changed
            return verified(manifest, entry, file, decoded(file, bytes));
        }
        // the bytes are the frozen text's own, so it is UTF-8 with no byte-order mark or carriage return
        String header = whole ? null : new String(bytes, 0, Math.min(bytes.length, HEADER_BYTES), StandardCharsets.UTF_8);
        String text = header != null && PARENT.matcher(header).find() ? header : new String(bytes, StandardCharsets.UTF_8);
        checkParent(manifest, entry, file, text);
        return text;
    }

    private synchronized boolean isVerified(int version) {
        return verified.contains(version);
    }

    /** {@code text}, {@code entry}'s {@code file}'s, once it is shown to be the one frozen and to name its parent. */
    private static String verified(Manifest manifest, Manifest.Entry entry, Path file, String text) {
        String hash = Hashing.sha256(text);
        if (!hash.equals(entry.sha256())) {
            throw new SnapshotException(Message.FROZEN_FILE, file.getFileName().toString(), 0, "changed after it was frozen (recorded"
                    + " sha256 " + entry.sha256() + ", now " + hash + "). Restore it from version control"
                    + " (git checkout -- " + file + "); to change the schema, change the entities and compile."
                    + " If two branches each wrote version " + entry.version() + ", keep one branch's snapshot,"
                    + " migration and manifest line, delete the other's, and compile: Permafrost writes the other"
                    + " change as the next version");
        }
        checkParent(manifest, entry, file, text);
        return text;
    }

    /** Checks that {@code text}, snapshot {@code entry}'s (or its start), names its parent with the parent's hash. */
    private static void checkParent(Manifest manifest, Manifest.Entry entry, Path file, String text) {
        if (entry.version() > 1) {
            Matcher parent = PARENT.matcher(text);
            if (!parent.find() || Snapshot.parseVersion(parent.group(1)) != entry.version() - 1
                    || !parent.group(2).equals(manifest.entries().get(entry.version() - 2).sha256())) {
                throw new SnapshotException(Message.FROZEN_FILE, file.getFileName().toString(), 0, "does not name V"
                        + Snapshot.versionLabel(entry.version() - 1) + " with its hash as its parent: it was written"
                        + " on another branch. Delete it and its migration, and compile to write it again on top"
                        + " of this branch");
            }
        }
    }

    private static byte[] readBytes(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw unreadable(file, e);
        }
    }

    /** {@code bytes}, read from {@code file}, as UTF-8 text, refused as {@link #read} refuses it when they are not. */
    private static String decoded(Path file, byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(bytes)).toString();
        } catch (java.nio.charset.CharacterCodingException e) {
            throw notUtf8(file);
        }
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
            throw notUtf8(file);
        } catch (IOException e) {
            throw unreadable(file, e);
        }
    }

    private static SnapshotException notUtf8(Path file) {
        return new SnapshotException(Message.FROZEN_FILE, file.getFileName().toString(), 0, "is not UTF-8 text" + (utf16(file)
                ? " (it is UTF-16, as some editors save files)" : "") + ": restore it from version control, or save"
                + " it as UTF-8 without changing its text");
    }

    private static SnapshotException unreadable(Path file, IOException e) {
        return new SnapshotException(Message.FROZEN_FILE, file.getFileName().toString(), 0, "cannot be read (" + e + "); check its"
                + " permissions, or restore it from version control");
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
        return files.size();
    }

    /** The file of snapshot {@code version}. */
    public Path file(int version) {
        Path file = files.get(version);
        if (file == null) {
            throw new IllegalArgumentException("there is no snapshot " + version);
        }
        return file;
    }

    /**
     * The text of snapshot {@code version}, verified.
     *
     * @throws SnapshotException when a file {@link Trusted} vouched for has changed since
     */
    public synchronized String text(int version) {
        String text = texts.get(version);
        if (text == null) {
            text = verifiedBytes(manifest, manifest.entries().get(version - 1), file(version), true);
            texts.put(version, text);
            verified.add(version);
        }
        return text;
    }

    /** The description on the first line of snapshot {@code version}, reading no more of a file not read yet. */
    public synchronized String description(int version) {
        String text = texts.get(version);
        if (text != null) {
            return SnapshotReader.description(text);
        }
        try (java.io.BufferedReader in = Files.newBufferedReader(file(version), StandardCharsets.UTF_8)) {
            String first = in.readLine();
            return first == null ? "" : SnapshotReader.description(first);
        } catch (IOException | RuntimeException e) {
            return SnapshotReader.description(text(version));
        }
    }

    /**
     * The header of snapshot {@code version}: its lines up to the first that is not a comment, as
     * {@link SnapshotReader#entities} and {@link SnapshotReader#converters} read them, reading no more of a file not
     * read yet.
     */
    public synchronized String header(int version) {
        String text = texts.get(version);
        if (text != null) {
            return text;
        }
        StringBuilder header = new StringBuilder();
        try (java.io.BufferedReader in = Files.newBufferedReader(file(version), StandardCharsets.UTF_8)) {
            String first = in.readLine();
            if (first != null && first.startsWith("\uFEFF")) {
                first = first.substring(1);
            }
            for (String line = first; line != null && line.startsWith("--"); line = in.readLine()) {
                header.append(line).append('\n');
            }
            return header.toString();
        } catch (IOException | RuntimeException e) {
            return text(version);
        }
    }

    /** The SHA-256 the manifest records for snapshot {@code version}, which its text is verified to have. */
    public String hash(int version) {
        file(version);
        return manifest.entries().get(version - 1).sha256();
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
