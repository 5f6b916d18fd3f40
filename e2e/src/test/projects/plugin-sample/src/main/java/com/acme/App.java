package com.acme;

import dev.permafrost.runtime.Migrator;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;

/** Migrates at start-up, keeps one customer, and prints what the end-to-end test checks. */
public final class App {
    public static void main(String[] args) throws Exception {
        String url = "jdbc:sqlite:" + args[0];
        System.out.println("RESULT " + Migrator.create(url).migrate());
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            s.executeUpdate("insert into customers (id, name) select 1, 'Ada' where not exists (select 1 from customers)");
            try (ResultSet rs = s.executeQuery("select count(*), min(name) from customers")) {
                rs.next();
                System.out.println("ROWS " + rs.getInt(1) + " " + rs.getString(2));
            }
            StringBuilder columns = new StringBuilder();
            try (ResultSet rs = s.executeQuery("select name from pragma_table_info('customers') order by cid")) {
                while (rs.next()) {
                    columns.append(columns.length() == 0 ? "" : ",").append(rs.getString(1));
                }
            }
            System.out.println("COLUMNS " + columns);
        }
    }
}
