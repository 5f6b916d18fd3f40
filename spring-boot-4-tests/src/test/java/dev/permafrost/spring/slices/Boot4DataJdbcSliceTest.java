package dev.permafrost.spring.slices;

import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.data.jdbc.test.autoconfigure.DataJdbcTest;

/** {@code @DataJdbcTest} runs the migrations on its test database (Boot 4's package). */
@DataJdbcTest(properties = SliceChecks.SHOP)
class Boot4DataJdbcSliceTest {

    @Autowired
    DataSource dataSource;

    @Test
    void theTestDatabaseIsMigrated() throws Exception {
        SliceChecks.migrated(dataSource);
    }
}
