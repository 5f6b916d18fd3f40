package dev.permafrost.runtime;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/** Small JDBC helpers for tests against real SQLite files. */
public final class Sqlite {

    private Sqlite() {
    }

    public static String url(Path dir) {
        return "jdbc:sqlite:" + dir.resolve("test.db");
    }

    public static String urlWithForeignKeys(Path dir) {
        return url(dir) + "?foreign_keys=true";
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

    public static long count(String url, String table) throws SQLException {
        return Long.parseLong(rows(url, "select count(*) from " + table).get(0));
    }
}
