package dev.permafrost.snapshot;

import dev.permafrost.message.Message;
import dev.permafrost.sql.Jooq;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jooq.SQLDialect;

/** Reads a snapshot back: the header by line, the DDL with jOOQ's parser into the canonical model. */
public final class SnapshotReader {

    static {
        Jooq.quiet();
    }

    private static final Pattern HEADER = Pattern.compile("-- (format|parent|converter|entity (\\w+)): (.*)");
    private static final Pattern PARENT = Pattern.compile("V(\\d+) sha256:([0-9a-f]{64})");
    private static final Pattern TITLE = Pattern.compile("-- Permafrost schema snapshot V(\\d+): (.+)");

    private final String file;
    private final String text;

    private SnapshotReader(String file, String text) {
        this.file = file;
        this.text = Hashing.normalize(text);
    }

    /**
     * Reads the snapshot {@code file} (the name is for messages) holding {@code text}.
     *
     * @throws SnapshotException naming the file and line of anything it cannot read
     */
    public static Snapshot read(String file, String text) {
        return new SnapshotReader(file, text).read();
    }

    /** Only the header's format number, or 0 if the file has none; for telling a newer format apart. */
    public static int format(String text) {
        for (String line : Hashing.normalize(text).split("\n")) {
            Matcher m = HEADER.matcher(line);
            if (m.matches() && m.group(1).equals("format")) {
                try {
                    return Integer.parseInt(m.group(3).trim());
                } catch (NumberFormatException e) {
                    return 0;
                }
            }
        }
        return 0;
    }

    /** The header's table → entity class lines, without parsing the DDL. */
    public static Map<String, String> entities(String text) {
        Map<String, String> entities = new TreeMap<>();
        for (Matcher m : header(text)) {
            if (m.group(2) != null) {
                entities.put(m.group(2), m.group(3).trim());
            }
        }
        return entities;
    }

    /** The header's automatic JPA converters ({@code -- converter: com.acme.StatusConverter}), without parsing the DDL. */
    public static List<String> converters(String text) {
        List<String> converters = new ArrayList<>();
        for (Matcher m : header(text)) {
            if (m.group(1).equals("converter")) {
                converters.add(m.group(3).trim());
            }
        }
        return converters;
    }

    /** The header's {@code -- key: value} lines, matched, up to the first line that is not a comment. */
    private static List<Matcher> header(String text) {
        List<Matcher> lines = new ArrayList<>();
        String normalized = Hashing.normalize(text);
        for (int start = 0; start < normalized.length() && normalized.startsWith("--", start); ) {
            int end = normalized.indexOf('\n', start);
            String line = normalized.substring(start, end < 0 ? normalized.length() : end);
            Matcher m = HEADER.matcher(line);
            if (m.matches()) {
                lines.add(m);
            }
            start = end < 0 ? normalized.length() : end + 1;
        }
        return lines;
    }

    /** The description on the first line, without parsing the DDL; empty if there is none. */
    public static String description(String text) {
        int end = text.indexOf('\n');
        String first = Hashing.normalize(end < 0 ? text : text.substring(0, end)).lines().findFirst().orElse("");
        Matcher title = TITLE.matcher(first);
        return title.matches() ? title.group(2) : "";
    }

    private Snapshot read() {
        String[] lines = text.split("\n", -1);
        Matcher title = lines.length > 0 ? TITLE.matcher(lines[0]) : null;
        if (title == null || !title.matches()) {
            throw new SnapshotException(Message.FROZEN_FILE, file, 1, "not a Permafrost snapshot: the first line must be"
                    + " '-- Permafrost schema snapshot V<n>: <description>'");
        }
        int version = Snapshot.parseVersion(title.group(1));
        if (version < 0) {
            throw new SnapshotException(Message.FROZEN_FILE, file, 1, "claims version " + title.group(1) + ", which Permafrost never writes;"
                    + " restore the file from version control");
        }
        String description = title.group(2);
        int format = 0;
        String parentHash = null;
        Map<String, String> entities = new TreeMap<>();
        List<String> converters = new ArrayList<>();
        for (int i = 1; i < lines.length && lines[i].startsWith("--"); i++) {
            Matcher m = HEADER.matcher(lines[i]);
            if (!m.matches()) {
                continue;
            }
            String value = m.group(3).trim();
            if (m.group(1).equals("format")) {
                format = parseFormat(value, i + 1);
            } else if (m.group(1).equals("parent")) {
                Matcher parent = PARENT.matcher(value);
                if (!parent.matches() || Snapshot.parseVersion(parent.group(1)) != version - 1) {
                    throw new SnapshotException(Message.FROZEN_FILE, file, i + 1, "the parent must read 'V"
                            + Snapshot.versionLabel(version - 1) + " sha256:<64 hex digits>'");
                }
                parentHash = parent.group(2);
            } else if (m.group(1).equals("converter")) {
                converters.add(value);
            } else {
                entities.put(m.group(2), value);
            }
        }
        if (format == 0) {
            throw new SnapshotException(Message.FROZEN_FILE, file, 0, "the header has no '-- format: <n>' line");
        }
        if (version > 1 && parentHash == null) {
            throw new SnapshotException(Message.FROZEN_FILE, file, 0, "the header has no '-- parent: V<n> sha256:<hash>' line");
        }
        return new Snapshot(version, description, version == 1 ? null : parentHash, entities,
                withNatives(new DdlReader(file, text, SQLDialect.DEFAULT).schema()), converters);
    }

    /** Where a snapshot records a column's native type, after its table: {@code -- native docs.ip postgresql: inet}. */
    static final String NATIVE_PREFIX = "-- native ";
    private static final Pattern NATIVE = Pattern.compile(
            "-- native ([a-z_][a-z0-9_]*)\\.([a-z_][a-z0-9_]*) ([a-z0-9]+): (.+)");

    private dev.permafrost.model.Schema withNatives(dev.permafrost.model.Schema schema) {
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (!lines[i].startsWith(NATIVE_PREFIX)) {
                continue;
            }
            Matcher m = NATIVE.matcher(lines[i]);
            String table = m.matches() ? m.group(1) : null;
            String column = m.matches() ? m.group(2) : null;
            if (table == null || schema.table(table).flatMap(t -> t.column(column)).isEmpty()) {
                throw new SnapshotException(Message.FROZEN_FILE, file, i + 1, "the native type line names no column of"
                        + " the snapshot; restore the file from version control");
            }
            String database = m.group(3);
            String type = m.group(4).trim();
            schema = schema.mapTables(t -> !t.name().equals(table) ? t
                    : t.mapColumns(c -> c.name().equals(column) ? c.nativeType(database, type) : c));
        }
        return schema;
    }

    private int parseFormat(String value, int line) {
        int format;
        try {
            format = Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new SnapshotException(Message.FROZEN_FILE, file, line, "the format '" + value + "' is not a number");
        }
        if (format > Snapshot.FORMAT) {
            throw new SnapshotException(Message.FROZEN_FILE, file, line, "written by a newer Permafrost (snapshot format " + format
                    + ", this one reads up to " + Snapshot.FORMAT + "); upgrade Permafrost in this build");
        }
        if (format < 1) {
            throw new SnapshotException(Message.FROZEN_FILE, file, line, "the format " + format + " is not a Permafrost snapshot format");
        }
        return format;
    }
}
