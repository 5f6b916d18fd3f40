package dev.permafrost.snapshot;

import dev.permafrost.message.Message;
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

/**
 * Reads {@code create table} and {@code create index} statements into the canonical model with jOOQ's
 * parser: snapshots (canonical DDL) and the DDL a database keeps (SQLite's {@code sqlite_master}).
 * Types map by the name jOOQ parses them to; defaults and checks are canonicalised.
 */
public final class DdlReader {

    static {
        Jooq.quiet();
    }

    private final String file;
    private final String text;
    private final DSLContext parser;

    /**
     * @param file what the DDL is, for messages
     * @param dialect the dialect the DDL is written in
     */
    public DdlReader(String file, String text, SQLDialect dialect) {
        this.file = file;
        this.text = Hashing.normalize(text);
        this.parser = DSL.using(SQLDialect.DEFAULT, Expressions.settings().withParseDialect(dialect));
    }

    /**
     * The schema the DDL creates.
     *
     * @throws SnapshotException naming the source and, where it can, the line of what it cannot read
     */
    public Schema schema() {
        List<Query> queries;
        List<String> lines = new ArrayList<>(List.of(text.split("\n", -1)));
        Map<Integer, java.util.regex.Matcher> sequences = new java.util.TreeMap<>();
        for (int i = 0; i < lines.size(); i++) {
            java.util.regex.Matcher m = SEQUENCE.matcher(lines.get(i));
            if (m.matches()) {
                sequences.put(i + 1, m);
                lines.set(i, ""); // jOOQ's parser does not read 'owned by'; the line keeps its number
            }
        }
        try {
            queries = List.of(parser.parser().parse(String.join("\n", lines)).queries());
        } catch (ParserException e) {
            throw new SnapshotException(Message.FROZEN_FILE, file, e.line(), "cannot parse the DDL: " + firstLine(e.getMessage())
                    + "; restore the file from version control");
        }
        Map<String, Table> tables = new LinkedHashMap<>();
        for (Query query : queries) {
            if (query instanceof QOM.CreateTable create) {
                Table table = table(create);
                if (tables.put(table.name(), table) != null) {
                    throw new SnapshotException(Message.FROZEN_FILE, file, lineOf("create table " + table.name()), "table "
                            + table.name() + " is created twice");
                }
            } else if (query instanceof QOM.CreateIndex create) {
                String tableName = name(create.$table());
                Table table = tables.get(tableName);
                String indexName = create.$index().getName();
                if (table == null) {
                    throw new SnapshotException(Message.FROZEN_FILE, file, lineOf("index " + indexName), "index " + indexName
                            + " is on table " + tableName + ", which is not created before it");
                }
                List<String> columns = new ArrayList<>();
                for (OrderField<?> on : create.$on()) {
                    if (on instanceof Field<?> field) {
                        columns.add(field.getName());
                    } else if (on instanceof SortField<?> sort && sort.$sortOrder() == SortOrder.DEFAULT) {
                        columns.add(sort.$field().getName());
                    } else {
                        throw new SnapshotException(Message.FROZEN_FILE, file, lineOf("index " + indexName), "index " + indexName
                                + " orders a column; snapshot indexes list plain columns");
                    }
                }
                List<Index> indexes = new ArrayList<>(table.indexes());
                indexes.add(new Index(indexName, columns, create.$unique()));
                tables.put(tableName, guard("index " + indexName, () -> table.withIndexes(indexes)));
            } else {
                throw new SnapshotException(Message.FROZEN_FILE, file, 0, "a snapshot holds only 'create table', 'create index'"
                        + " and 'create sequence .. owned by table.column', not: " + firstLine(query.toString()));
            }
        }
        sequences.forEach((line, m) -> attach(tables, line, m));
        return guard("the schema", () -> new Schema(new ArrayList<>(tables.values())));
    }

    /**
     * {@code create sequence s start with 1 increment by 50 owned by t.c}: the sequence column {@code t.c} takes values
     * from (names quoted where they are reserved words, as the writer quotes them).
     */
    private static final java.util.regex.Pattern SEQUENCE = java.util.regex.Pattern.compile(
            "create sequence \"?([a-z_][a-z0-9_]*)\"? start with (-?[0-9]+) increment by (-?[0-9]+)"
                    + " owned by \"?([a-z_][a-z0-9_]*)\"?\\.\"?([a-z_][a-z0-9_]*)\"?;");

    private void attach(Map<String, Table> tables, int line, java.util.regex.Matcher m) {
        String name = m.group(1);
        Table table = tables.get(m.group(4));
        if (table == null || !table.hasColumn(m.group(5))) {
            throw new SnapshotException(Message.FROZEN_FILE, file, line, "sequence " + name + " is owned by "
                    + m.group(4) + "." + m.group(5) + ", which is not created before it");
        }
        Column column = table.column(m.group(5)).orElseThrow();
        if (column.sequence() != null) {
            throw new SnapshotException(Message.FROZEN_FILE, file, line, "column " + table.name() + "." + column.name()
                    + " takes values from two sequences, " + column.sequence().name() + " and " + name);
        }
        Column numbered;
        try {
            numbered = column.sequence(name, Long.parseLong(m.group(2)), Long.parseLong(m.group(3)));
        } catch (IllegalArgumentException e) {
            throw new SnapshotException(Message.FROZEN_FILE, file, line, "sequence " + name + ": " + e.getMessage());
        }
        tables.put(table.name(), table.mapColumns(c -> c.name().equals(column.name()) ? numbered : c));
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
                throw new SnapshotException(Message.FROZEN_FILE, file, lineOf("create table " + name), "table " + name
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
            throw new SnapshotException(Message.FROZEN_FILE, file, lineOf(field.getName() + " " + type.getTypeName()),
                    where + " has type " + type.getCastTypeName() + ", which is not a Permafrost logical type");
        }
        String defaultValue = null;
        if (type.defaulted() && !type.identity()) {
            String rendered = parser.render(type.defaultValue());
            defaultValue = guard(where, () -> Expressions.canonicalDefault(rendered));
        }
        String canonicalDefault = defaultValue;
        boolean identity = type.identity();
        return guard(where, () -> new Column(field.getName(), columnType, type.nullable() && !identity, canonicalDefault,
                identity));
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
            case "json", "jsonb" -> ColumnType.JSON;
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
            throw new SnapshotException(Message.FROZEN_FILE, file, lineOf(e.expression()), where + ": " + e.getMessage());
        } catch (IllegalArgumentException e) {
            throw new SnapshotException(Message.FROZEN_FILE, file, 0, where + ": " + e.getMessage());
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
