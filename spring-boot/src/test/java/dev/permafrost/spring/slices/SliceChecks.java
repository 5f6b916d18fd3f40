package dev.permafrost.spring.slices;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.util.Set;
import java.util.TreeSet;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;

/** What every slice test asserts: the test database was migrated, and nothing else made tables. */
final class SliceChecks {

    static final String SHOP = "permafrost.migrations-package=dev.permafrost.spring.shop";

    private SliceChecks() {
    }

    static void migrated(DataSource dataSource) throws Exception {
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        assertThat(jdbc.queryForObject("select max(version) from permafrost_history", Integer.class)).isEqualTo(2);
        jdbc.update("insert into items (id, name, price) values (1, 'lamp', 12)");
        assertThat(tables(dataSource)).as("Hibernate left the schema to Permafrost")
                .containsExactly("items", "permafrost_history");
    }

    private static Set<String> tables(DataSource dataSource) throws Exception {
        try (Connection connection = dataSource.getConnection();
             ResultSet rs = connection.getMetaData().getTables(null, null, "%", new String[] {"TABLE"})) {
            Set<String> tables = new TreeSet<>();
            while (rs.next()) {
                if (!"INFORMATION_SCHEMA".equals(rs.getString("TABLE_SCHEM"))) {
                    tables.add(rs.getString("TABLE_NAME").toLowerCase(java.util.Locale.ROOT));
                }
            }
            return tables;
        }
    }
}
