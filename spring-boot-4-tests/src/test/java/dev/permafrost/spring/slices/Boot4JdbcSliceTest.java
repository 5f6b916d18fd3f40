package dev.permafrost.spring.slices;

import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.jdbc.test.autoconfigure.JdbcTest;

/** {@code @JdbcTest} runs the migrations on its test database (Boot 4's package). */
@JdbcTest(properties = SliceChecks.SHOP)
class Boot4JdbcSliceTest {

    @Autowired
    DataSource dataSource;

    @Test
    void theTestDatabaseIsMigrated() throws Exception {
        SliceChecks.migrated(dataSource);
    }
}
