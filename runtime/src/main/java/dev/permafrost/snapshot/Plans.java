package dev.permafrost.snapshot;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The SQL a migration's {@code up} and {@code down} run on each declared database, rendered by the processor when it
 * wrote the stub ({@code V0002.plans} beside the snapshot, frozen like it), so that applying it needs no rendering at
 * run time (ADR 0026). The runtime takes a plan only while the stub's code has the checksum recorded here: a stub
 * edited afterwards (a data step, a rename) is rendered at run time, as is a plan with a table rebuild, a lock-safe
 * step run outside the transaction, or a database it has none for.
 *
 * <p>Lines: {@code -- } comments and headers ({@code -- stub: t1:...}, {@code -- creates: products tests},
 * {@code -- plan: SQLite up}, {@code -- plan: PostgreSQL up lock-safe}, {@code -- step: add column ...}), and one
 * statement per line, with backslash, newline and tab escaped ({@code \\}, {@code \n}, {@code \t}); under
 * {@code -- online: ...} one part per line: {@code +} (on its own) or {@code =}, its index, its fallback ({@code \N}
 * for none) and its statement, tab-separated. A plan without a form holds for both forms.
 */
public record Plans(int version, String stubChecksum, List<String> creates, Map<Key, List<Step>> plans) {

    public static final int FORMAT = 1;

    /** Which plan: for which database ({@code Dialect.displayName()}), which direction, which form. */
    public record Key(String database, boolean up, boolean lockSafe) {
    }

    /** The tables {@code up} creates, for the refusal to run it on a database that has them without history. */
    public List<String> creates() {
        return creates;
    }

    /**
     * One step of a plan: what it does, for messages, and its statements in order; or, for a lock-safe step whose
     * statements run on their own outside the migration's transaction, its parts ({@code parts} not {@code null}).
     */
    public record Step(String what, List<String> sql, List<Part> parts) {
        public Step {
            sql = List.copyOf(sql);
            parts = parts == null ? null : List.copyOf(parts);
        }

        public Step(String what, List<String> sql) {
            this(what, sql, null);
        }
    }

    /** One statement of a lock-safe step ({@code LockSafe.Part}): whether it runs on its own, its index, its fallback. */
    public record Part(String sql, boolean online, String index, String fallback) {
    }

    public Plans {
        creates = List.copyOf(creates);
        plans = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(plans));
    }

    /** {@code V0002.plans}. */
    public static String fileName(int version) {
        return Snapshot.label(version) + ".plans";
    }

    /** {@code B0012.plans}: the plans of the squashed baseline to {@code version} (ADR 0025). */
    public static String baselineFileName(int version) {
        return "B" + Snapshot.versionLabel(version) + ".plans";
    }

    /** The file; the same bytes for the same plans. Forms with the same steps are written once, without a form. */
    public String write() {
        StringBuilder out = new StringBuilder();
        out.append("-- Permafrost plans of ").append(Snapshot.label(version)).append(": the SQL its migration runs on each"
                + " declared database,\n-- rendered when it was written. Generated and frozen: never edit. Taken while"
                + " the migration's code\n-- has the checksum below; otherwise, and where a plan is missing, the SQL is"
                + " rendered at run time.\n");
        out.append("-- format: ").append(FORMAT).append('\n');
        out.append("-- stub: ").append(stubChecksum).append('\n');
        out.append("-- creates:");
        creates.forEach(table -> out.append(' ').append(table));
        out.append('\n');
        for (Map.Entry<Key, List<Step>> plan : plans.entrySet()) {
            Key key = plan.getKey();
            Key other = new Key(key.database(), key.up(), !key.lockSafe());
            boolean same = plan.getValue().equals(plans.get(other));
            if (same && key.lockSafe()) {
                continue; // written once, with the plain form
            }
            out.append("-- plan: ").append(key.database()).append(' ').append(key.up() ? "up" : "down")
                    .append(same ? "" : key.lockSafe() ? " lock-safe" : " plain").append('\n');
            for (Step step : plan.getValue()) {
                if (step.parts() == null) {
                    out.append("-- step: ").append(escape(step.what())).append('\n');
                    step.sql().forEach(sql -> out.append(escape(sql)).append('\n'));
                    continue;
                }
                out.append("-- online: ").append(escape(step.what())).append('\n');
                for (Part part : step.parts()) {
                    out.append(part.online() ? "+" : "=").append('\t').append(optional(part.index())).append('\t')
                            .append(optional(part.fallback())).append('\t').append(escape(part.sql())).append('\n');
                }
            }
        }
        return out.toString();
    }

    /**
     * Reads a plans file, or returns {@code null} for anything this runtime does not read exactly (another format, a
     * line out of place): the runtime then renders, as without the file.
     */
    public static Plans read(int version, String text) {
        String stub = null;
        List<String> creates = null;
        Map<Key, List<Step>> plans = new LinkedHashMap<>();
        List<List<Step>> current = null;
        String what = null;
        List<String> sql = null;
        List<Part> parts = null;
        boolean formatSeen = false;
        for (String line : Hashing.normalize(text).split("\n")) {
            if (line.startsWith("-- format: ")) {
                if (!line.equals("-- format: " + FORMAT)) {
                    return null;
                }
                formatSeen = true;
            } else if (line.startsWith("-- stub: ")) {
                stub = line.substring(9);
            } else if (line.startsWith("-- creates:")) {
                creates = line.length() == 11 ? List.of() : List.of(line.substring(12).split(" "));
            } else if (line.startsWith("-- plan: ")) {
                flush(current, what, sql, parts);
                what = null;
                sql = null;
                parts = null;
                String[] header = line.substring(9).split(" ");
                if (header.length < 2 || header.length > 3 || !(header[1].equals("up") || header[1].equals("down"))) {
                    return null;
                }
                boolean up = header[1].equals("up");
                List<Step> steps = new ArrayList<>();
                current = new ArrayList<>();
                current.add(steps);
                if (header.length == 2 || header[2].equals("plain")) {
                    plans.put(new Key(header[0], up, false), steps);
                }
                if (header.length == 2 || header[2].equals("lock-safe")) {
                    plans.put(new Key(header[0], up, true), steps);
                }
                if (header.length == 3 && !header[2].equals("plain") && !header[2].equals("lock-safe")) {
                    return null;
                }
            } else if (line.startsWith("-- step: ") || line.startsWith("-- online: ")) {
                if (current == null) {
                    return null;
                }
                flush(current, what, sql, parts);
                boolean online = line.startsWith("-- online: ");
                what = unescape(line.substring(online ? 11 : 9));
                sql = new ArrayList<>();
                parts = online ? new ArrayList<>() : null;
            } else if (line.startsWith("--") || line.isEmpty()) {
                continue;
            } else if (parts != null) {
                String[] fields = line.split("\t", -1);
                if (fields.length != 4 || !(fields[0].equals("+") || fields[0].equals("="))) {
                    return null;
                }
                parts.add(new Part(unescape(fields[3]), fields[0].equals("+"), fromOptional(fields[1]),
                        fromOptional(fields[2])));
                sql.add(unescape(fields[3]));
            } else {
                if (sql == null) {
                    return null;
                }
                sql.add(unescape(line));
            }
        }
        flush(current, what, sql, parts);
        if (!formatSeen || stub == null || creates == null) {
            return null;
        }
        Map<Key, List<Step>> frozen = new LinkedHashMap<>();
        plans.forEach((key, steps) -> frozen.put(key, List.copyOf(steps)));
        return new Plans(version, stub, creates, frozen);
    }

    private static void flush(List<List<Step>> current, String what, List<String> sql, List<Part> parts) {
        if (current != null && what != null) {
            current.get(0).add(new Step(what, sql, parts));
        }
    }

    private static String optional(String text) {
        return text == null ? "\\N" : escape(text);
    }

    private static String fromOptional(String field) {
        return field.equals("\\N") ? null : unescape(field);
    }

    private static String escape(String text) {
        return text.replace("\\", "\\\\").replace("\n", "\\n").replace("\t", "\\t");
    }

    private static String unescape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\' && i + 1 < text.length()) {
                char next = text.charAt(++i);
                out.append(next == 'n' ? '\n' : next == 't' ? '\t' : next);
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
