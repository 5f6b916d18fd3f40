package dev.permafrost.spring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.permafrost.spring.jpa.Item;
import jakarta.persistence.EntityManagerFactory;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurationPackage;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

/** With Boot's JPA: the EntityManagerFactory is built after the migrations, and Hibernate leaves the schema alone. */
class JpaTest {

    private final String url = Databases.newUrl();

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(Boot.autoConfigurations("DataSourceAutoConfiguration", "HibernateJpaAutoConfiguration",
                    "TransactionAutoConfiguration"))
            .withConfiguration(AutoConfigurations.of(PermafrostAutoConfiguration.class))
            .withUserConfiguration(Entities.class)
            .withPropertyValues("spring.datasource.url=" + url, "spring.datasource.generate-unique-name=false",
                    "permafrost.migrations-package=dev.permafrost.spring.shop");

    @Test
    void hibernateValidatesTheMigratedSchemaAtStartUp() {
        runner.withPropertyValues("spring.jpa.hibernate.ddl-auto=validate",
                        "spring.jpa.properties.jakarta.persistence.schema-generation.database.action=none")
                .withPropertyValues("spring.jpa.properties.hibernate.hbm2ddl.auto=validate")
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    var em = context.getBean(EntityManagerFactory.class).createEntityManager();
                    em.getTransaction().begin();
                    Item item = new Item();
                    item.id = 1L;
                    item.name = "lamp";
                    item.price = 12;
                    em.persist(item);
                    em.getTransaction().commit();
                    assertThat(em.find(Item.class, 1L).name).isEqualTo("lamp");
                    em.close();
                });
    }

    @Test
    void onAnEmbeddedDatabaseHibernatesDefaultIsNotToCreateTheSchema() {
        runner.run(context -> {
            assertThat(context).hasNotFailed();
            context.getBean(EntityManagerFactory.class);
            assertThat(Databases.tables(url)).as("Hibernate's create-drop would have made 'extra'")
                    .contains("items").doesNotContain("extra");
        });
    }

    @Test
    void withoutPermafrostHibernateWouldHaveCreatedIt() {
        runner.withPropertyValues("permafrost.enabled=false").run(context -> {
            assertThat(context).hasNotFailed();
            context.getBean(EntityManagerFactory.class);
            assertThat(Databases.tables(url)).as("the test above can fail").contains("extra");
        });
    }

    @Configuration(proxyBeanMethods = false)
    @AutoConfigurationPackage(basePackageClasses = Item.class)
    static class Entities {
    }
}
