package dev.permafrost.snapshot;

import dev.permafrost.model.Check;
import dev.permafrost.model.Column;
import dev.permafrost.model.ColumnType;
import dev.permafrost.model.ForeignKey;
import dev.permafrost.model.Index;
import dev.permafrost.model.PrimaryKey;
import dev.permafrost.model.Schema;
import dev.permafrost.model.Table;
import dev.permafrost.model.Unique;
import dev.permafrost.sql.Expressions;
import dev.permafrost.sql.InvalidExpressionException;
import dev.permafrost.sql.Jooq;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jooq.DSLContext;
import org.jooq.DataType;
import org.jooq.Field;
import org.jooq.OrderField;
import org.jooq.Query;
import org.jooq.SQLDialect;
import org.jooq.SortField;
import org.jooq.SortOrder;
import org.jooq.TableElement;
import org.jooq.impl.DSL;
import org.jooq.impl.ParserException;
import org.jooq.impl.QOM;

/** Reads a snapshot back: the header by line, the DDL with jOOQ's parser into the canonical model. */
public final class SnapshotReader {

    static {
        Jooq.quiet();
    }

    private static final Pattern HEADER = Pattern.compile("-- (format|parent|entity (\\w+)): (.*)");
    private static final Pattern PARENT = Pattern.compile("V(\\d+) sha256:([0-9a-f]{64})");
    private static final Pattern TITLE = Pattern.compile("-- Permafrost schema snapshot V(\\d+): (.+)");

    private final String file;
    private final String text;
    private final DSLContext parser = DSL.using(SQLDialect.DEFAULT, Expressions.settings());

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
        for (String line : Hashing.normalize(text).split("\n")) {
            if (!line.startsWith("--")) {
                break;
            }
            Matcher m = HEADER.matcher(line);
            if (m.matches() && m.group(2) != null) {
                entities.put(m.group(2), m.group(3).trim());
            }
        }
        return entities;
    }

    /** The description on the first line, without parsing the DDL; empty if there is none. */
    public static String description(String text) {
        String first = Hashing.normalize(text).lines().findFirst().orElse("");
        Matcher title = TITLE.matcher(first);
        return title.matches() ? title.group(2) : "";
    }

    private Snapshot read() {
        String[] lines = text.split("\n", -1);
        Matcher title = lines.length > 0 ? TITLE.matcher(lines[0]) : null;
        if (title == null || !title.matches()) {
            throw new SnapshotException(file, 1, "not a Permafrost snapshot: the first line must be"
                    + " '-- Permafrost schema snapshot V<n>: <description>'");
        }
        int version = Integer.parseInt(title.group(1));
        String description = title.group(2);
        int format = 0;
        String parentHash = null;
        Map<String, String> entities = new TreeMap<>();
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
                if (!parent.matches() || Integer.parseInt(parent.group(1)) != version - 1) {
                    throw new SnapshotException(file, i + 1, "the parent must read 'V"
                            + Snapshot.versionLabel(version - 1) + " sha256:<64 hex digits>'");
                }
                parentHash = parent.group(2);
            } else {
                entities.put(m.group(2), value);
            }
        }
        if (format == 0) {
            throw new SnapshotException(file, 0, "the header has no '-- format: <n>' line");
        }
        if (version > 1 && parentHash == null) {
            throw new SnapshotException(file, 0, "the header has no '-- parent: V<n> sha256:<hash>' line");
        }
        return new Snapshot(version, description, version == 1 ? null : parentHash, entities, parseSchema());
    }

    private int parseFormat(String value, int line) {
        int format;
        try {
            format = Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new SnapshotException(file, line, "the format '" + value + "' is not a number");
        }
        if (format > Snapshot.FORMAT) {
            throw new SnapshotException(file, line, "written by a newer Permafrost (snapshot format " + format
                    + ", this one reads up to " + Snapshot.FORMAT + "); upgrade Permafrost in this build");
        }
        if (format < 1) {
            throw new SnapshotException(file, line, "the format " + format + " is not a Permafrost snapshot format");
        }
        return format;
    }

    private Schema parseSchema() {
        List<Query> queries;
        try {
            queries = List.of(parser.parser().parse(text).queries());
        } catch (ParserException e) {
            throw new SnapshotException(file, e.line(), "cannot parse the DDL: " + firstLine(e.getMessage())
                    + "; restore the file from version control");
        }
        Map<String, Table> tables = new LinkedHashMap<>();
        for (Query query : queries) {
            if (query instanceof QOM.CreateTable create) {
                Table table = table(create);
                if (tables.put(table.name(), table) != null) {
                    throw new SnapshotException(file, lineOf("create table " + table.name()), "table "
                            + table.name() + " is created twice");
                }
            } else if (query instanceof QOM.CreateIndex create) {
                String tableName = name(create.$table());
                Table table = tables.get(tableName);
                String indexName = create.$index().getName();
                if (table == null) {
                    throw new SnapshotException(file, lineOf("index " + indexName), "index " + indexName
                            + " is on table " + tableName + ", which is not created before it");
                }
                List<String> columns = new ArrayList<>();
                for (OrderField<?> on : create.$on()) {
                    if (on instanceof Field<?> field) {
                        columns.add(field.getName());
                    } else if (on instanceof SortField<?> sort && sort.$sortOrder() == SortOrder.DEFAULT) {
                        columns.add(sort.$field().getName());
                    } else {
                        throw new SnapshotException(file, lineOf("index " + indexName), "index " + indexName
                                + " orders a column; snapshot indexes list plain columns");
                    }
                }
                List<Index> indexes = new ArrayList<>(table.indexes());
                indexes.add(new Index(indexName, columns, create.$unique()));
                tables.put(tableName, guard("index " + indexName, () -> table.withIndexes(indexes)));
            } else {
                throw new SnapshotException(file, 0, "a snapshot holds only 'create table' and 'create index',"
                        + " not: " + firstLine(query.toString()));
            }
        }
        return guard("the schema", () -> new Schema(new ArrayList<>(tables.values())));
    }

    private Table table(QOM.CreateTable create) {
        String name = name(create.$table());
        List<Column> columns = new ArrayList<>();
        PrimaryKey primaryKey = null;
        List<Unique> uniques = new ArrayList<>();
        List<ForeignKey> foreignKeys = new ArrayList<>();
        List<Check> checks = new ArrayList<>();
        for (TableElement element : create.$tableElements()) {
            if (element instanceof Field<?> field) {
                columns.add(column(name, field));
            } else if (element instanceof QOM.PrimaryKey pk) {
                primaryKey = guard(name, () -> new PrimaryKey(pk.getName(), names(pk.$fields())));
            } else if (element instanceof QOM.UniqueKey uk) {
                uniques.add(guard(name, () -> new Unique(uk.getName(), names(uk.$fields()))));
            } else if (element instanceof QOM.ForeignKey fk) {
                foreignKeys.add(guard(name, () -> new ForeignKey(fk.getName(), names(fk.$fields()),
                        name(fk.$referencesTable()), names(fk.$referencesFields()),
                        action(fk.$deleteRule()), action(fk.$updateRule()))));
            } else if (element instanceof QOM.Check check) {
                String condition = parser.render(check.$condition());
                checks.add(guard(name, () -> new Check(check.getName(), Expressions.canonicalCondition(condition))));
            } else {
                throw new SnapshotException(file, lineOf("create table " + name), "table " + name
                        + " holds an element a snapshot does not use: " + element);
            }
        }
        PrimaryKey key = primaryKey;
        return guard("table " + name, () -> new Table(name, columns, key, uniques, List.of(), foreignKeys, checks));
    }

    private Column column(String table, Field<?> field) {
        DataType<?> type = field.getDataType();
        String where = "column " + table + "." + field.getName();
        ColumnType columnType = guard(where, () -> columnType(type));
        if (columnType == null) {
            throw new SnapshotException(file, lineOf(field.getName() + " " + type.getTypeName()),
                    where + " has type " + type.getCastTypeName() + ", which is not a Permafrost logical type");
        }
        String defaultValue = null;
        if (type.defaulted()) {
            String rendered = parser.render(type.defaultValue());
            defaultValue = guard(where, () -> Expressions.canonicalDefault(rendered));
        }
        String canonicalDefault = defaultValue;
        return guard(where, () -> new Column(field.getName(), columnType, type.nullable(), canonicalDefault));
    }

    private static ColumnType columnType(DataType<?> type) {
        return switch (type.getTypeName().toLowerCase(Locale.ROOT)) {
            case "boolean" -> ColumnType.BOOLEAN;
            case "smallint" -> ColumnType.SMALLINT;
            case "integer" -> ColumnType.INTEGER;
            case "bigint" -> ColumnType.BIGINT;
            case "decimal" -> ColumnType.decimal(type.precision(), type.scale());
            case "real" -> ColumnType.REAL;
            case "double" -> ColumnType.DOUBLE;
            case "varchar" -> ColumnType.varchar(type.length());
            case "clob" -> ColumnType.TEXT;
            case "date" -> ColumnType.DATE;
            case "time" -> ColumnType.TIME;
            case "timestamp" -> ColumnType.TIMESTAMP;
            case "timestamp with time zone" -> ColumnType.TIMESTAMP_TZ;
            case "uuid" -> ColumnType.UUID;
            case "blob" -> ColumnType.BLOB;
            default -> null;
        };
    }

    private static ForeignKey.Action action(QOM.ForeignKeyRule rule) {
        if (rule == null) {
            return ForeignKey.Action.NO_ACTION;
        }
        return switch (rule) {
            case CASCADE -> ForeignKey.Action.CASCADE;
            case RESTRICT -> ForeignKey.Action.RESTRICT;
            case SET_NULL -> ForeignKey.Action.SET_NULL;
            case SET_DEFAULT -> ForeignKey.Action.SET_DEFAULT;
            case NO_ACTION -> ForeignKey.Action.NO_ACTION;
        };
    }

    private static String name(org.jooq.Named named) {
        return named.getName();
    }

    private static List<String> names(List<? extends Field<?>> fields) {
        return fields.stream().map(Field::getName).toList();
    }

    private <T> T guard(String where, java.util.function.Supplier<T> make) {
        try {
            return make.get();
        } catch (InvalidExpressionException e) {
            throw new SnapshotException(file, lineOf(e.expression()), where + ": " + e.getMessage());
        } catch (IllegalArgumentException e) {
            throw new SnapshotException(file, 0, where + ": " + e.getMessage());
        }
    }

    /** The 1-based line where {@code fragment} first occurs outside the header, or 0. */
    private int lineOf(String fragment) {
        String[] lines = text.split("\n", -1);
        String needle = fragment.toLowerCase(Locale.ROOT);
        for (int i = 0; i < lines.length; i++) {
            if (!lines[i].startsWith("--") && lines[i].toLowerCase(Locale.ROOT).contains(needle)) {
                return i + 1;
            }
        }
        return 0;
    }

    private static String firstLine(String message) {
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
