package dev.permafrost.snapshot;

import dev.permafrost.message.Message;
import dev.permafrost.model.Names;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The manifest {@value #FILE} in the schema directory: the migrations' package, then one line per
 * frozen snapshot with its normalized SHA-256 and the simple name of its migration class, then, after a
 * squash, the squashed baseline and the checksum of every migration it replaces, then a total over all of
 * it. Two branches that each add a version both append a line and change the total, so merging them is a
 * plain git conflict. A manifest with a squash is format {@value #FORMAT}, which older Permafrost versions
 * refuse with a message; one without stays format 1, byte for byte as before.
 */
public record Manifest(String migrationsPackage, List<Entry> entries, Squash squash) {

    public static final String FILE = "permafrost.sum";
    public static final int FORMAT = 2;

    private static final Pattern ENTRY = Pattern.compile("V(\\d+)\\.sql ([0-9a-f]{64}) ([A-Za-z_$][A-Za-z0-9_$]*)");
    private static final Pattern SQUASH = Pattern.compile("squash V(\\d+) ([A-Za-z_$][A-Za-z0-9_$]*)");
    private static final Pattern REPLACED = Pattern.compile("replaced V(\\d+) (t1:[0-9a-f]{61}) ([0-9a-f]{64})( data)?");

    /**
     * Versions 1 to {@code version} squashed into one baseline migration, {@code baselineClass}, that builds snapshot
     * {@code version} directly on a fresh database (ADR 0025). The stubs it replaces stay for databases between
     * versions; their checksums, taken when the squash was written, are kept here so that their history rows are
     * still checked once the oldest stubs are deleted.
     */
    public record Squash(int version, String baselineClass, List<Replaced> replaced) {

        public Squash {
            replaced = List.copyOf(replaced);
            for (int i = 0; i < replaced.size(); i++) {
                if (replaced.get(i).version() != i + 1) {
                    throw new IllegalArgumentException("a squash replaces versions 1.." + version + " in order");
                }
            }
            if (replaced.size() != version) {
                throw new IllegalArgumentException("a squash to V" + version + " replaces " + replaced.size() + " versions");
            }
        }

        /** The simple name of the baseline class of a squash to {@code version}: {@code B0012_Baseline}. */
        public static String className(int version) {
            return "B" + Snapshot.versionLabel(version) + "_Baseline";
        }
    }

    /**
     * One migration a squash replaces: the checksums its stub had when the squash was written, and whether it holds
     * data steps, which the baseline does not run (the squash records that someone confirmed it).
     */
    public record Replaced(int version, String checksum, String sourceChecksum, boolean dataSteps) {
    }

    public Manifest(String migrationsPackage, List<Entry> entries) {
        this(migrationsPackage, entries, null);
    }

    /** One frozen snapshot and its migration. */
    public record Entry(int version, String sha256, String migrationClass) {

        public String file() {
            return Snapshot.fileName(version);
        }
    }

    public Manifest {
        entries = List.copyOf(entries);
        for (int i = 0; i < entries.size(); i++) {
            if (entries.get(i).version() != i + 1) {
                throw new IllegalArgumentException("manifest entries must be versions 1.." + entries.size() + " in order");
            }
        }
        if (squash != null && (squash.version() < 2 || squash.version() > entries.size())) {
            throw new IllegalArgumentException("a squash to V" + squash.version() + " in a manifest of " + entries.size()
                    + " versions");
        }
    }

    public Manifest with(Entry entry) {
        List<Entry> all = new ArrayList<>(entries);
        all.add(entry);
        return new Manifest(migrationsPackage, all, squash);
    }

    public Manifest with(Squash squash) {
        return new Manifest(migrationsPackage, entries, squash);
    }

    public int newestVersion() {
        return entries.size();
    }

    public String write() {
        StringBuilder body = new StringBuilder();
        body.append("format ").append(squash == null ? 1 : FORMAT).append('\n');
        body.append("package ").append(migrationsPackage).append('\n');
        for (Entry entry : entries) {
            body.append(entry.file()).append(' ').append(entry.sha256()).append(' ').append(entry.migrationClass()).append('\n');
        }
        if (squash != null) {
            body.append("squash ").append(Snapshot.label(squash.version())).append(' ').append(squash.baselineClass())
                    .append('\n');
            for (Replaced r : squash.replaced()) {
                body.append("replaced ").append(Snapshot.label(r.version())).append(' ').append(r.checksum()).append(' ')
                        .append(r.sourceChecksum()).append(r.dataSteps() ? " data" : "").append('\n');
            }
        }
        return "# Permafrost manifest: the SHA-256 of every frozen snapshot and the class of its migration.\n"
                + "# Generated: never edit. If a snapshot changed by mistake, restore it from version control.\n"
                + body + "total " + Names.sha256Hex(body.toString()) + '\n';
    }

    /** Reads a manifest, refusing anything edited, truncated or from a newer Permafrost. */
    public static Manifest read(String text) {
        String[] lines = Hashing.normalize(text).split("\n", -1);
        StringBuilder body = new StringBuilder();
        String migrationsPackage = null;
        List<Entry> entries = new ArrayList<>();
        String total = null;
        int totalLine = 0;
        int squashVersion = 0;
        String baselineClass = null;
        List<Replaced> replaced = new ArrayList<>();
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            int number = i + 1;
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            if (total != null) {
                throw new SnapshotException(Message.FROZEN_FILE, FILE, number, "nothing may follow the total; restore " + FILE
                        + " from version control");
            }
            if (line.startsWith("format ")) {
                int format = parseInt(line.substring(7).trim(), number);
                if (format > FORMAT) {
                    throw new SnapshotException(Message.FROZEN_FILE, FILE, number, "written by a newer Permafrost (manifest format " + format
                            + ", this one reads up to " + FORMAT + "); upgrade Permafrost in this build");
                }
                body.append(line).append('\n');
            } else if (line.startsWith("package ")) {
                migrationsPackage = line.substring(8).trim();
                body.append(line).append('\n');
            } else if (line.startsWith("squash ")) {
                Matcher m = SQUASH.matcher(line);
                if (!m.matches() || baselineClass != null) {
                    throw new SnapshotException(Message.FROZEN_FILE, FILE, number, "'" + line + "' is not a squash line;"
                            + " restore " + FILE + " from version control");
                }
                squashVersion = Snapshot.parseVersion(m.group(1));
                baselineClass = m.group(2);
                body.append(line).append('\n');
            } else if (line.startsWith("replaced ")) {
                Matcher m = REPLACED.matcher(line);
                if (!m.matches() || baselineClass == null || Snapshot.parseVersion(m.group(1)) != replaced.size() + 1) {
                    throw new SnapshotException(Message.FROZEN_FILE, FILE, number, "'" + line + "' is not the next"
                            + " replaced migration of the squash; restore " + FILE + " from version control");
                }
                replaced.add(new Replaced(replaced.size() + 1, m.group(2), m.group(3), m.group(4) != null));
                body.append(line).append('\n');
            } else if (line.startsWith("total ")) {
                total = line.substring(6).trim();
                totalLine = number;
            } else {
                Matcher m = ENTRY.matcher(line);
                if (!m.matches()) {
                    throw new SnapshotException(Message.FROZEN_FILE, FILE, number, "'" + line + "' is not a manifest line (conflict markers"
                            + " from a merge?); if two branches each added version " + (entries.size() + 1)
                            + ", keep one branch's snapshot, migration and line, delete the other's, and compile:"
                            + " Permafrost writes the other change as the next version");
                }
                int version = Snapshot.parseVersion(m.group(1));
                if (version != entries.size() + 1) {
                    throw new SnapshotException(Message.FROZEN_FILE, FILE, number, "lists version " + m.group(1) + " where version "
                            + (entries.size() + 1) + " belongs; restore " + FILE + " from version control");
                }
                entries.add(new Entry(version, m.group(2), m.group(3)));
                body.append(line).append('\n');
            }
        }
        if (migrationsPackage == null) {
            throw new SnapshotException(Message.FROZEN_FILE, FILE, 0, "has no 'package' line; restore it from version control");
        }
        if (total == null) {
            throw new SnapshotException(Message.FROZEN_FILE, FILE, 0, "has no 'total' line (cut short?); restore it from version control");
        }
        if (!total.equals(Names.sha256Hex(body.toString()))) {
            throw new SnapshotException(Message.FROZEN_FILE, FILE, totalLine, "was edited: its total does not match its lines; restore it"
                    + " from version control");
        }
        Squash squash = null;
        if (baselineClass != null) {
            if (squashVersion < 2 || squashVersion > entries.size() || replaced.size() != squashVersion) {
                throw new SnapshotException(Message.FROZEN_FILE, FILE, 0, "squashes to V" + squashVersion + " but lists "
                        + replaced.size() + " replaced migrations of " + entries.size() + " versions; restore it from"
                        + " version control");
            }
            squash = new Squash(squashVersion, baselineClass, replaced);
        }
        return new Manifest(migrationsPackage, entries, squash);
    }

    private static int parseInt(String value, int line) {
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new SnapshotException(Message.FROZEN_FILE, FILE, line, "'" + value + "' is not a number");
        }
    }
}
