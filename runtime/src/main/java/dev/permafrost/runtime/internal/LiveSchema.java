package dev.permafrost.runtime.internal;

import dev.permafrost.model.Schema;
import dev.permafrost.model.Table;
import dev.permafrost.runtime.ErrorCode;
import dev.permafrost.runtime.PermafrostException;
import dev.permafrost.snapshot.DdlReader;
import dev.permafrost.snapshot.SnapshotException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.jooq.SQLDialect;

/**
 * Reads the schema a live database holds into the canonical model, leaving out the history table and
 * tables Permafrost was told to ignore. Compare it with an expected schema only after
 * {@link dev.permafrost.render.Alignment#align}.
 */
public final class LiveSchema {

    private LiveSchema() {
    }

    /**
     * What a live database holds.
     *
     * @param problems what could not be read into the model (a type no entity maps to), for people
     */
    public record Reading(Schema schema, List<String> problems) {
        public Reading {
            problems = List.copyOf(problems);
        }
    }

    public static Reading read(Connection connection, Database database, Set<String> ignoredTables) {
        try {
            return switch (database) {
                case SQLITE -> sqlite(connection, ignoredTables);
                case POSTGRES -> LiveCatalog.postgres(connection, ignoredTables);
                case MARIADB, MYSQL -> LiveCatalog.mariadb(connection, ignoredTables);
                case H2 -> LiveCatalog.h2(connection, ignoredTables);
                case OTHER -> throw new PermafrostException(ErrorCode.INVALID_REQUEST, "reading the live schema is supported"
                        + " on SQLite, PostgreSQL, MariaDB, MySQL and H2, not on " + database);
            };
        } catch (SQLException e) {
            throw new PermafrostException(ErrorCode.DATABASE, "cannot read the live schema: " + e.getMessage(), e);
        }
    }

    /** How a table the model cannot hold is reported, with the way out when another library owns it. */
    static String unreadable(String table, String reason) {
        return "table " + table + " cannot be read: " + reason + " (if Permafrost does not own it, ignore it with"
                + " ignoreTables(\"" + table + "\"))";
    }

    /**
     * SQLite keeps every table's and index's DDL; jOOQ's parser reads it like a snapshot, one table with its
     * indexes at a time, so that one table the model cannot hold is reported without hiding the others.
     */
    private static LiveSchema.Reading sqlite(Connection connection, Set<String> ignoredTables) throws SQLException {
        Map<String, StringBuilder> ddl = new TreeMap<>();
        try (Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("select tbl_name, sql from sqlite_master"
                     + " where type in ('table', 'index') and sql is not null and name not like 'sqlite\\_%' escape '\\'"
                     + " order by case type when 'table' then 0 else 1 end, name")) {
            while (rs.next()) {
                String table = rs.getString(1).toLowerCase(Locale.ROOT);
                if (!table.equals(History.TABLE) && !ignoredTables.contains(table)) {
                    ddl.computeIfAbsent(table, t -> new StringBuilder()).append(rs.getString(2)).append(";\n");
                }
            }
        }
        List<Table> tables = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        ddl.forEach((table, statements) -> {
            try {
                tables.addAll(new DdlReader("the SQLite schema", statements.toString(), SQLDialect.SQLITE).schema().tables());
            } catch (SnapshotException e) {
                problems.add(unreadable(table, e.getMessage().replaceFirst("^the SQLite schema: (" + java.util.regex.Pattern.quote(table) + ": )?", "")));
            }
        });
        return new Reading(new Schema(tables), problems);
    }
}
