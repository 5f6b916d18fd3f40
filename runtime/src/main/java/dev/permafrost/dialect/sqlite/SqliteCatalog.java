package dev.permafrost.dialect.sqlite;

import dev.permafrost.dialect.LiveReading;
import dev.permafrost.model.Column;
import dev.permafrost.model.ColumnType;
import dev.permafrost.model.Schema;
import dev.permafrost.model.Table;
import dev.permafrost.snapshot.DdlReader;
import dev.permafrost.snapshot.SnapshotException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.jooq.SQLDialect;

/**
 * SQLite keeps every table's and index's DDL, read one table with its indexes at a time, so that one table the model
 * cannot hold is reported without hiding the others: by {@link SqliteDdl} when it is in the form Permafrost writes
 * (no jOOQ class is loaded then), else by jOOQ's parser like a snapshot.
 */
final class SqliteCatalog {

    private SqliteCatalog() {
    }

    static LiveReading read(Connection connection, Set<String> ignoredTables) throws SQLException {
        Map<String, List<String>> ddl = new TreeMap<>(); // each table's statements, its create table first
        try (Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("select tbl_name, sql from sqlite_master"
                     + " where type in ('table', 'index') and sql is not null and name not like 'sqlite\\_%' escape '\\'"
                     + " order by case type when 'table' then 0 else 1 end, name")) {
            while (rs.next()) {
                String table = rs.getString(1).toLowerCase(Locale.ROOT);
                if (!ignoredTables.contains(table)) {
                    ddl.computeIfAbsent(table, t -> new ArrayList<>()).add(rs.getString(2));
                }
            }
        }
        List<Table> tables = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        ddl.forEach((table, statements) -> {
            Table read = SqliteDdl.table(statements.get(0), statements.subList(1, statements.size()));
            if (read != null) {
                tables.add(read);
                return;
            }
            try {
                tables.addAll(new DdlReader("the SQLite schema", String.join(";\n", statements) + ";\n", SQLDialect.SQLITE)
                        .schema().tables());
            } catch (SnapshotException e) {
                problems.add(LiveReading.unreadable(table, e.getMessage()
                        .replaceFirst("^the SQLite schema: (" + Pattern.quote(table) + ": )?", "")));
            }
        });
        List<Table> withIdentities = new ArrayList<>();
        for (Table table : tables) {
            withIdentities.add(withRowidAlias(connection, table));
        }
        return new LiveReading(new Schema(withIdentities), problems);
    }

    /**
     * The table with its rowid alias marked as the identity it is: the only primary-key column, declared exactly
     * {@code integer} (jOOQ's parser reads {@code int} the same, so the declared type comes from SQLite).
     */
    private static Table withRowidAlias(Connection connection, Table table) throws SQLException {
        if (table.primaryKey() == null || table.primaryKey().columns().size() != 1) {
            return table;
        }
        String key = table.primaryKey().columns().get(0);
        Column column = table.column(key).orElseThrow();
        if (column.identity() || column.type().kind() != ColumnType.Kind.INTEGER || column.hasDefault()) {
            return table;
        }
        try (PreparedStatement statement = connection.prepareStatement(
                "select type from pragma_table_info(?) where lower(name) = ?")) {
            statement.setString(1, table.name());
            statement.setString(2, key);
            try (ResultSet rs = statement.executeQuery()) {
                if (rs.next() && rs.getString(1).trim().equalsIgnoreCase("integer")) {
                    return table.mapColumns(c -> c.name().equals(key) ? c.withIdentity(true) : c);
                }
            }
        }
        return table;
    }
}
