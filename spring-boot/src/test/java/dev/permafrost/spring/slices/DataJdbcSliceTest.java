package dev.permafrost.spring.slices;

import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.data.jdbc.DataJdbcTest;

/** {@code @DataJdbcTest} runs the migrations on its test database (Boot 3.5's package). */
@DataJdbcTest(properties = SliceChecks.SHOP)
class DataJdbcSliceTest {

    @Autowired
    DataSource dataSource;

    @Test
    void theTestDatabaseIsMigrated() throws Exception {
        SliceChecks.migrated(dataSource);
    }
}
