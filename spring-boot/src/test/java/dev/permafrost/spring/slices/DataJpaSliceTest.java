package dev.permafrost.spring.slices;

import static org.assertj.core.api.Assertions.assertThat;

import dev.permafrost.spring.jpa.Item;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.orm.jpa.DataJpaTest;
import org.springframework.boot.test.autoconfigure.orm.jpa.TestEntityManager;

/** {@code @DataJpaTest} runs the migrations on its test database, as it does Flyway's (Boot 3.5's package). */
@DataJpaTest(properties = SliceChecks.SHOP)
class DataJpaSliceTest {

    @Autowired
    DataSource dataSource;

    @Autowired
    TestEntityManager entities;

    @Test
    void theTestDatabaseIsMigrated() throws Exception {
        Item item = new Item();
        item.id = 7L;
        item.name = "chair";
        entities.persistAndFlush(item);
        assertThat(entities.find(Item.class, 7L).name).isEqualTo("chair");
        SliceChecks.migrated(dataSource);
    }
}
