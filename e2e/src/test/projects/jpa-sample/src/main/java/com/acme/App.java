package com.acme;

import dev.permafrost.runtime.MigrateResult;
import dev.permafrost.runtime.Migrator;
import org.hibernate.SessionFactory;
import org.hibernate.cfg.Configuration;

/** Migrates the database at start, then lets Hibernate validate the schema and store an owner with a pet. */
public class App {
    public static void main(String[] args) {
        String url = System.getenv("DATABASE_URL");
        MigrateResult result = Migrator.configure(url).build().migrate();
        System.out.println("RESULT " + result);
        Configuration configuration = new Configuration().addAnnotatedClass(Owner.class).addAnnotatedClass(Pet.class);
        configuration.setProperty("hibernate.connection.url", url);
        configuration.setProperty("hibernate.hbm2ddl.auto", "validate");
        try (SessionFactory sessions = configuration.buildSessionFactory()) {
            System.out.println("VALIDATED");
            sessions.inTransaction(session -> {
                Owner owner = new Owner();
                owner.name = "Ada";
                session.persist(owner);
                Pet pet = new Pet();
                pet.name = "Rex";
                pet.owner = owner;
                session.persist(pet);
            });
            long pets = sessions.fromSession(s -> s.createSelectionQuery("select count(p) from Pet p", Long.class)
                    .getSingleResult());
            System.out.println("PETS " + pets);
        }
    }
}
