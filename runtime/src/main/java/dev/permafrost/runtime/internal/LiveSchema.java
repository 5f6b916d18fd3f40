package dev.permafrost.runtime.internal;

import dev.permafrost.model.Schema;
import dev.permafrost.runtime.ErrorCode;
import dev.permafrost.runtime.PermafrostException;
import dev.permafrost.snapshot.DdlReader;
import dev.permafrost.snapshot.SnapshotException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;
import java.util.Set;
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
                case SQLITE -> new Reading(sqlite(connection, ignoredTables), List.of());
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

    /** SQLite keeps every table's and index's DDL; jOOQ's parser reads it like a snapshot. */
    private static Schema sqlite(Connection connection, Set<String> ignoredTables) throws SQLException {
        StringBuilder ddl = new StringBuilder();
        try (Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("select tbl_name, sql from sqlite_master"
                     + " where type in ('table', 'index') and sql is not null and name not like 'sqlite\\_%' escape '\\'"
                     + " order by case type when 'table' then 0 else 1 end, name")) {
            while (rs.next()) {
                String table = rs.getString(1).toLowerCase(Locale.ROOT);
                if (!table.equals(History.TABLE) && !ignoredTables.contains(table)) {
                    ddl.append(rs.getString(2)).append(";\n");
                }
            }
        }
        try {
            return new DdlReader("the SQLite schema", ddl.toString(), SQLDialect.SQLITE).schema();
        } catch (SnapshotException e) {
            throw new PermafrostException(ErrorCode.DRIFT, "the live schema holds something Permafrost cannot read: "
                    + e.getMessage(), e);
        }
    }
}
