package dev.permafrost.dialect.postgres;

import static dev.permafrost.dialect.CatalogBuilder.SIZED;
import static dev.permafrost.dialect.CatalogBuilder.action;
import static dev.permafrost.dialect.CatalogBuilder.query;
import static dev.permafrost.dialect.CatalogBuilder.strings;

import dev.permafrost.dialect.CatalogBuilder.Parts;
import dev.permafrost.dialect.CatalogBuilder;
import dev.permafrost.dialect.LiveReading;
import dev.permafrost.model.Check;
import dev.permafrost.model.ColumnType;
import dev.permafrost.model.ForeignKey;
import dev.permafrost.model.Index;
import dev.permafrost.model.PrimaryKey;
import dev.permafrost.model.Unique;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;

/** Reads a PostgreSQL schema from pg_catalog: columns with format_type, constraints with pg_constraint, indexes that are no constraint's. */
final class PostgresCatalog {

    private PostgresCatalog() {
    }

    static LiveReading read(Connection connection, Set<String> ignored) throws SQLException {
        CatalogBuilder catalog = new CatalogBuilder(PostgresDialect.INSTANCE, ignored);
        String schema = " join pg_namespace n on n.oid = c.relnamespace where n.nspname = current_schema()";
        query(connection, "select c.relname, a.attname, format_type(a.atttypid, a.atttypmod), a.attnotnull,"
                + " pg_get_expr(d.adbin, d.adrelid), a.attidentity <> '' from pg_attribute a join pg_class c on a.attrelid = c.oid"
                + " left join pg_attrdef d on d.adrelid = a.attrelid and d.adnum = a.attnum" + schema
                + " and c.relkind = 'r' and a.attnum > 0 and not a.attisdropped order by c.relname, a.attnum", rs -> {
                    String type = rs.getString(3);
                    catalog.column(rs.getString(1), rs.getString(2), postgresType(type), type, !rs.getBoolean(4),
                            rs.getString(5), rs.getBoolean(6));
                });
        String columns = "array(select a.attname from unnest(%s) with ordinality k(attnum, ord)"
                + " join pg_attribute a on a.attrelid = %s and a.attnum = k.attnum order by k.ord)";
        query(connection, "select c.relname, con.conname, con.contype, " + String.format(columns, "con.conkey", "con.conrelid")
                + ", ref.relname, " + String.format(columns, "con.confkey", "con.confrelid")
                + ", con.confdeltype, con.confupdtype, pg_get_constraintdef(con.oid)"
                + " from pg_constraint con join pg_class c on con.conrelid = c.oid left join pg_class ref on ref.oid = con.confrelid"
                + schema + " and con.contype in ('p', 'u', 'f', 'c') order by c.relname, con.conname", rs -> {
                    Parts parts = catalog.table(rs.getString(1));
                    if (parts == null) {
                        return;
                    }
                    String name = rs.getString(2);
                    List<String> own = strings(rs.getArray(4));
                    switch (rs.getString(3)) {
                        case "p" -> parts.primaryKey = new PrimaryKey(name, own);
                        case "u" -> parts.uniques.add(new Unique(name, own));
                        case "f" -> parts.foreignKeys.add(new ForeignKey(name, own, rs.getString(5), strings(rs.getArray(6)),
                                action(rs.getString(7)), action(rs.getString(8))));
                        default -> parts.checks.add(new Check(name, catalog.expression(
                                rs.getString(9).replaceFirst("(?i)^CHECK\\s*", ""), true)));
                    }
                });
        query(connection, "select c.relname, i.relname, x.indisunique, " + String.format(columns, "x.indkey", "x.indrelid")
                + " from pg_index x join pg_class i on i.oid = x.indexrelid join pg_class c on c.oid = x.indrelid" + schema
                + " and not exists (select 1 from pg_constraint k where k.conindid = x.indexrelid and k.contype in ('p', 'u', 'x'))"
                + " and x.indexprs is null order by c.relname, i.relname", rs -> {
                    Parts parts = catalog.table(rs.getString(1));
                    if (parts != null) {
                        parts.indexes.add(new Index(rs.getString(2), strings(rs.getArray(4)), rs.getBoolean(3)));
                    }
                });
        // Identity columns' own sequences (deptype 'i') are the identity, not sequences of the schema.
        query(connection, "select s.relname, q.seqstart, q.seqincrement, t.relname, a.attname from pg_class s"
                + " join pg_sequence q on q.seqrelid = s.oid join pg_namespace n on n.oid = s.relnamespace"
                + " left join pg_depend d on d.classid = 'pg_class'::regclass and d.objid = s.oid"
                + " and d.refclassid = 'pg_class'::regclass and d.deptype in ('a', 'i')"
                + " left join pg_class t on t.oid = d.refobjid"
                + " left join pg_attribute a on a.attrelid = d.refobjid and a.attnum = d.refobjsubid"
                + " where s.relkind = 'S' and n.nspname = current_schema() and coalesce(d.deptype, 'a') <> 'i'"
                + " order by s.relname", rs -> catalog.sequence(rs.getString(1), rs.getLong(2), rs.getLong(3),
                        rs.getString(4), rs.getString(5)));
        return catalog.result();
    }

    private static ColumnType postgresType(String type) {
        // Six fractional digits are PostgreSQL's default: timestamp(6) is timestamp (as Hibernate writes it).
        String t = type.toLowerCase(Locale.ROOT).replaceFirst("^(time|timestamp)\\(6\\)( with| without)", "$1$2");
        Matcher sized = SIZED.matcher(t);
        if (sized.matches() && sized.group(4).isBlank()) {
            int size = Integer.parseInt(sized.group(2));
            return switch (sized.group(1)) {
                case "character varying" -> ColumnType.varchar(size);
                case "numeric" -> ColumnType.decimal(size, sized.group(3) == null ? 0 : Integer.parseInt(sized.group(3)));
                default -> null;
            };
        }
        return switch (t) {
            case "boolean" -> ColumnType.BOOLEAN;
            case "smallint" -> ColumnType.SMALLINT;
            case "integer" -> ColumnType.INTEGER;
            case "bigint" -> ColumnType.BIGINT;
            case "real" -> ColumnType.REAL;
            case "double precision" -> ColumnType.DOUBLE;
            case "text" -> ColumnType.TEXT;
            case "date" -> ColumnType.DATE;
            case "time without time zone" -> ColumnType.TIME;
            case "timestamp without time zone" -> ColumnType.TIMESTAMP;
            case "timestamp with time zone" -> ColumnType.TIMESTAMP_TZ;
            case "uuid" -> ColumnType.UUID;
            case "bytea" -> ColumnType.BLOB;
            case "jsonb" -> ColumnType.JSON;
            default -> null;
        };
    }
}
