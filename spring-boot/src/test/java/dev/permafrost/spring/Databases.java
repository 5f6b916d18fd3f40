package dev.permafrost.spring;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.TreeSet;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;

/** In-memory H2 databases, a new one per call, that live until the JVM ends; user {@code sa} as Boot logs in. */
final class Databases {

    private static final AtomicInteger NEXT = new AtomicInteger();

    private Databases() {
    }

    static String newUrl() {
        return "jdbc:h2:mem:permafrost-spring-" + NEXT.incrementAndGet() + ";DB_CLOSE_DELAY=-1";
    }

    static DataSource dataSource(String url) {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL(url);
        dataSource.setUser("sa");
        return dataSource;
    }

    /** The tables of the database's PUBLIC schema, lower-case. */
    static Set<String> tables(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection();
             ResultSet rs = connection.getMetaData().getTables(null, "PUBLIC", "%", new String[] {"TABLE"})) {
            Set<String> tables = new TreeSet<>();
            while (rs.next()) {
                tables.add(rs.getString("TABLE_NAME").toLowerCase(java.util.Locale.ROOT));
            }
            return tables;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    static Set<String> tables(String url) {
        return tables(dataSource(url));
    }
}
