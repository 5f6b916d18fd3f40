package dev.permafrost.testing;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Plain JDBC helpers that work on every tested database. */
public final class Db {

    private Db() {
    }

    public static void execute(String url, String... statements) throws SQLException {
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            for (String statement : statements) {
                s.execute(statement);
            }
        }
    }

    /** Every row of a query, each row's columns joined with '|'. */
    public static List<String> rows(String url, String query) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery(query)) {
            int columns = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                StringBuilder row = new StringBuilder();
                for (int i = 1; i <= columns; i++) {
                    row.append(i > 1 ? "|" : "").append(rs.getString(i));
                }
                rows.add(row.toString());
            }
        }
        return rows;
    }

    /** How many rows {@code table} has. */
    public static long count(String url, String table) throws SQLException {
        return Long.parseLong(rows(url, "select count(*) from " + table).get(0));
    }

    /** The columns of a table in the connection's current schema, in order, lower case. */
    public static List<String> columns(String url, String table) throws SQLException {
        try (Connection c = DriverManager.getConnection(url)) {
            DatabaseMetaData meta = c.getMetaData();
            for (String name : new String[] {table, table.toUpperCase(Locale.ROOT)}) {
                List<String> columns = new ArrayList<>();
                try (ResultSet rs = meta.getColumns(c.getCatalog(), c.getSchema(), name, null)) {
                    while (rs.next()) {
                        columns.add(rs.getString("COLUMN_NAME").toLowerCase(Locale.ROOT));
                    }
                }
                if (!columns.isEmpty()) {
                    return columns;
                }
            }
            return List.of();
        }
    }

    /** The tables of the connection's current schema, sorted, lower case. */
    public static List<String> tables(String url) throws SQLException {
        try (Connection c = DriverManager.getConnection(url);
             ResultSet rs = c.getMetaData().getTables(c.getCatalog(), c.getSchema(), null, new String[] {"TABLE"})) {
            List<String> tables = new ArrayList<>();
            while (rs.next()) {
                tables.add(rs.getString("TABLE_NAME").toLowerCase(Locale.ROOT));
            }
            tables.sort(null);
            return tables;
        }
    }
}
