package dev.permafrost.snapshot;

import dev.permafrost.model.Check;
import dev.permafrost.model.Column;
import dev.permafrost.model.ColumnType;
import dev.permafrost.model.ForeignKey;
import dev.permafrost.model.Index;
import dev.permafrost.model.PrimaryKey;
import dev.permafrost.model.Schema;
import dev.permafrost.model.Sequence;
import dev.permafrost.model.Table;
import dev.permafrost.model.Unique;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeMap;

/**
 * The newest schema in a form the runtime reads without a parser: one line per table, column and constraint,
 * fields separated by tabs. The processor writes it beside the migration index at every build from the model it
 * compared with the newest frozen snapshot (they are equal), so that the runtime starts from it instead of
 * replaying every stub (ADR 0024). It is derived, never committed, and read only by the runtime of the same
 * format: {@link #read} refuses anything else, and the runtime then replays.
 *
 * <p>Text fields escape backslash, tab and newline ({@code \\}, {@code \t}, {@code \n}); {@code \N} is null.
 */
public final class SchemaCheckpoint {

    /** The resource name, beside the index. */
    public static final String RESOURCE = "permafrost-schema.txt";

    private static final String HEADER = "permafrost-schema 1";
    private static final String NULL = "\\N";

    private SchemaCheckpoint() {
    }

    /** The checkpoint of {@code schema} at {@code version}; the same bytes for the same schema. */
    public static String write(int version, Schema schema) {
        StringBuilder out = new StringBuilder(1024 + schema.tables().size() * 512);
        out.append(HEADER).append('\n').append("version\t").append(version).append('\n');
        for (Table table : schema.tables()) {
            line(out, "table", table.name());
            for (Column c : table.columns()) {
                // appended field by field: a 1,000-table model has some 15,000 columns, written at every build
                ColumnType type = c.type();
                out.append("column\t").append(c.name()).append('\t').append(type.kind().name()).append('\t')
                        .append(type.length()).append('\t').append(type.precision()).append('\t').append(type.scale())
                        .append('\t').append(flag(c.nullable())).append('\t').append(flag(c.identity())).append('\t')
                        .append(escape(c.defaultValue()));
                Sequence sequence = c.sequence();
                if (sequence == null) {
                    out.append('\t').append(NULL).append("\t0\t0");
                } else {
                    out.append('\t').append(sequence.name()).append('\t').append(sequence.start()).append('\t')
                            .append(sequence.increment());
                }
                type.natives().forEach((database, nativeType) -> out.append('\t').append(escape(database)).append('\t')
                        .append(escape(nativeType)));
                out.append('\n');
            }
            if (table.primaryKey() != null) {
                line(out, "pk", table.primaryKey().name(), names(table.primaryKey().columns()));
            }
            for (Unique u : table.uniques()) {
                line(out, "unique", u.name(), names(u.columns()));
            }
            for (Index i : table.indexes()) {
                line(out, "index", i.name(), flag(i.unique()), names(i.columns()));
            }
            for (ForeignKey f : table.foreignKeys()) {
                line(out, "fk", f.name(), names(f.columns()), f.referencedTable(), names(f.referencedColumns()),
                        f.onDelete().name(), f.onUpdate().name());
            }
            for (Check k : table.checks()) {
                line(out, "check", k.name(), escape(k.condition()));
            }
        }
        return out.append("end\n").toString();
    }

    /** A checkpoint that {@link #read} read: the version and the schema after it. */
    public record Read(int version, Schema schema) {
    }

    /**
     * Reads a checkpoint {@link #write} wrote.
     *
     * @throws IllegalArgumentException for anything else: another format, a truncated file, a value the model refuses
     */
    public static Read read(String text) {
        String[] lines = text.split("\n", -1);
        if (lines.length < 3 || !lines[0].equals(HEADER) || !lines[1].startsWith("version\t")) {
            throw new IllegalArgumentException("not a Permafrost schema checkpoint of this format");
        }
        int version = Integer.parseInt(lines[1].substring("version\t".length()));
        List<Table> tables = new ArrayList<>();
        TableParts parts = null;
        boolean ended = false;
        for (int n = 2; n < lines.length; n++) {
            String line = lines[n];
            if (ended) {
                if (!line.isEmpty()) {
                    throw new IllegalArgumentException("text after the end, line " + (n + 1));
                }
                continue;
            }
            String[] f = line.split("\t", -1);
            switch (f[0]) {
                case "table" -> {
                    if (parts != null) {
                        tables.add(parts.table());
                    }
                    parts = new TableParts(field(f, 1));
                }
                case "end" -> {
                    if (parts != null) {
                        tables.add(parts.table());
                    }
                    parts = null;
                    ended = true;
                }
                default -> {
                    if (parts == null) {
                        throw new IllegalArgumentException("line " + (n + 1) + " is outside a table");
                    }
                    parts.add(f);
                }
            }
        }
        if (!ended) {
            throw new IllegalArgumentException("the checkpoint is truncated (no end line)");
        }
        return new Read(version, new Schema(tables));
    }

    /** One table's lines as they are read. */
    private static final class TableParts {

        private final String name;
        private final List<Column> columns = new ArrayList<>();
        private PrimaryKey primaryKey;
        private final List<Unique> uniques = new ArrayList<>();
        private final List<Index> indexes = new ArrayList<>();
        private final List<ForeignKey> foreignKeys = new ArrayList<>();
        private final List<Check> checks = new ArrayList<>();

        TableParts(String name) {
            this.name = name;
        }

        void add(String[] f) {
            switch (f[0]) {
                case "column" -> {
                    if (f.length < 12 || (f.length - 12) % 2 != 0) {
                        throw new IllegalArgumentException("column line of " + name + " has " + f.length + " fields");
                    }
                    TreeMap<String, String> natives = new TreeMap<>();
                    for (int i = 12; i < f.length; i += 2) {
                        natives.put(unescape(f[i]), unescape(f[i + 1]));
                    }
                    ColumnType type = new ColumnType(ColumnType.Kind.valueOf(f[2]), Integer.parseInt(f[3]),
                            Integer.parseInt(f[4]), Integer.parseInt(f[5]), natives);
                    Sequence sequence = f[9].equals(NULL) ? null
                            : new Sequence(f[9], Long.parseLong(f[10]), Long.parseLong(f[11]));
                    columns.add(new Column(f[1], type, flag(f[6]), unescape(f[8]), flag(f[7]), sequence));
                }
                case "pk" -> primaryKey = new PrimaryKey(field(f, 1), list(field(f, 2)));
                case "unique" -> uniques.add(new Unique(field(f, 1), list(field(f, 2))));
                case "index" -> indexes.add(new Index(field(f, 1), list(field(f, 3)), flag(field(f, 2))));
                case "fk" -> foreignKeys.add(new ForeignKey(field(f, 1), list(field(f, 2)), field(f, 3), list(field(f, 4)),
                        ForeignKey.Action.valueOf(field(f, 5)), ForeignKey.Action.valueOf(field(f, 6))));
                case "check" -> checks.add(new Check(field(f, 1), unescape(field(f, 2))));
                default -> throw new IllegalArgumentException("unknown line kind '" + f[0] + "' in table " + name);
            }
        }

        Table table() {
            return new Table(name, columns, primaryKey, uniques, indexes, foreignKeys, checks);
        }
    }

    private static void line(StringBuilder out, String... fields) {
        for (int i = 0; i < fields.length; i++) {
            out.append(i == 0 ? "" : "\t").append(fields[i]);
        }
        out.append('\n');
    }

    private static String field(String[] fields, int i) {
        if (i >= fields.length) {
            throw new IllegalArgumentException("a '" + fields[0] + "' line has too few fields");
        }
        return fields[i];
    }

    private static String flag(boolean value) {
        return value ? "1" : "0";
    }

    private static boolean flag(String value) {
        return switch (value) {
            case "1" -> true;
            case "0" -> false;
            default -> throw new IllegalArgumentException("not a flag: " + value);
        };
    }

    private static String names(List<String> names) {
        return String.join(",", names);
    }

    private static List<String> list(String names) {
        return Arrays.asList(names.split(",", -1));
    }

    static String escape(String text) {
        if (text == null) {
            return NULL;
        }
        if (text.indexOf('\\') < 0 && text.indexOf('\t') < 0 && text.indexOf('\n') < 0 && text.indexOf('\r') < 0) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length() + 8);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '\t' -> out.append("\\t");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    static String unescape(String text) {
        if (text.equals(NULL)) {
            return null;
        }
        if (text.indexOf('\\') < 0) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c != '\\') {
                out.append(c);
                continue;
            }
            if (++i == text.length()) {
                throw new IllegalArgumentException("a field ends in a lone backslash");
            }
            char next = text.charAt(i);
            out.append(switch (next) {
                case '\\' -> '\\';
                case 't' -> '\t';
                case 'n' -> '\n';
                case 'r' -> '\r';
                default -> throw new IllegalArgumentException("unknown escape \\" + next);
            });
        }
        return out.toString();
    }
}
