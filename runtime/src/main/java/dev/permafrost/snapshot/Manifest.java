package dev.permafrost.snapshot;

import dev.permafrost.message.Message;
import dev.permafrost.model.Names;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The manifest {@value #FILE} in the schema directory: the migrations' package, then one line per
 * frozen snapshot with its normalized SHA-256 and the simple name of its migration class, then a total
 * over all of it. Two branches that each add a version both append a line and change the total, so
 * merging them is a plain git conflict.
 */
public record Manifest(String migrationsPackage, List<Entry> entries) {

    public static final String FILE = "permafrost.sum";
    public static final int FORMAT = 1;

    private static final Pattern ENTRY = Pattern.compile("V(\\d+)\\.sql ([0-9a-f]{64}) ([A-Za-z_$][A-Za-z0-9_$]*)");

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
    }

    public Manifest with(Entry entry) {
        List<Entry> all = new ArrayList<>(entries);
        all.add(entry);
        return new Manifest(migrationsPackage, all);
    }

    public int newestVersion() {
        return entries.size();
    }

    public String write() {
        StringBuilder body = new StringBuilder();
        body.append("format ").append(FORMAT).append('\n');
        body.append("package ").append(migrationsPackage).append('\n');
        for (Entry entry : entries) {
            body.append(entry.file()).append(' ').append(entry.sha256()).append(' ').append(entry.migrationClass()).append('\n');
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
        return new Manifest(migrationsPackage, entries);
    }

    private static int parseInt(String value, int line) {
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new SnapshotException(Message.FROZEN_FILE, FILE, line, "'" + value + "' is not a number");
        }
    }
}
