package dev.permafrost.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.permafrost.runtime.Migrator;
import dev.permafrost.runtime.spi.MigrationIndex;
import dev.permafrost.testing.Db;
import dev.permafrost.testing.TestDatabase;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Constraint names: given in the entities ({@code @Table(primaryKey)}, {@code @References(name)}), or made in
 * PostgreSQL's own style with {@code -Apermafrost.naming=postgresql}, so that {@code baseline()} adopts a database
 * built by hand without a finding.
 */
class NamingTest {

    @TempDir
    Path dir;

    private static final String OWNER = """
            package com.acme;

            import dev.permafrost.annotations.*;

            @Table(name = "owners")
            public class Owner {
                @Id long id;
                @Column(length = 40, nullable = false, unique = true) String email;
            }
            """;

    private static final String PET = """
            package com.acme;

            import dev.permafrost.annotations.*;

            @Table(name = "pets")
            @Index(columns = "name")
            @Check(name = "id", value = "id > 0")
            public class Pet {
                @Id long id;
                @Column(length = 40, nullable = false) String name;
                Owner owner;
            }
            """;

    @Test
    void namesGivenInTheEntitiesAreKept() {
        Project project = new Project(dir);
        String pet = PET.replace("@Table(name = \"pets\")", "@Table(name = \"pets\", primaryKey = \"pets_key\")")
                .replace("    Owner owner;", "    @References(name = \"pets_belong_to_owners\") Owner owner;");
        assertThat(project.compile(Map.of("com.acme.Owner", OWNER, "com.acme.Pet", pet))).succeededWithoutWarnings();
        String snapshot = project.snapshot(1);
        assertTrue(snapshot.contains("constraint pets_key primary key (id)"), snapshot);
        assertTrue(snapshot.contains("constraint pets_belong_to_owners foreign key (owner_id) references owners (id)"),
                snapshot);
    }

    @Test
    void baselineAdoptsADatabaseBuiltByHandWithPostgresqlNames() throws Exception {
        Project project = new Project(dir.resolve("project")).option("-Apermafrost.naming=postgresql");
        assertThat(project.compile(Map.of("com.acme.Owner", OWNER, "com.acme.Pet", PET))).succeededWithoutWarnings();
        String snapshot = project.snapshot(1);
        assertTrue(snapshot.contains("constraint pets_owner_id_fkey foreign key (owner_id) references owners (id)"),
                snapshot);
        MigrationIndex index = project.compiledStubs(dir.resolve("stubs"));
        try (TestDatabase.Fresh db = TestDatabase.POSTGRES.create(dir)) {
            Db.execute(db.url(), "create table owners (id bigint primary key, email varchar(40) not null unique)");
            Db.execute(db.url(), "create table pets (id bigint primary key, name varchar(40) not null,"
                    + " owner_id bigint references owners (id), check (id > 0))");
            Db.execute(db.url(), "create index on pets (name)");
            Migrator migrator = Migrator.configure(db.url()).migrations(index).build();
            migrator.baseline(1);
            assertEquals(List.of(), migrator.validate().problems());
        }
    }
}
