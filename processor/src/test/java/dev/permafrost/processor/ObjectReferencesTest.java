package dev.permafrost.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A field whose type is an entity is a foreign-key column named after the field and typed like the key. */
class ObjectReferencesTest {

    @TempDir
    Path dir;

    private static final String OWNER = """
            package com.acme;

            import dev.permafrost.annotations.*;

            @Table(name = "owners")
            public class Owner {
                @Id @Identity long id;
                @Column(length = 12, unique = true) String code;
            }
            """;

    private String snapshot(String pet) {
        Project project = new Project(dir);
        assertThat(project.compile(Map.of("com.acme.Owner", OWNER, "com.acme.Pet", pet))).succeededWithoutWarnings();
        return project.snapshot(1);
    }

    private static String pet(String fields) {
        return """
                package com.acme;

                import dev.permafrost.annotations.*;

                @Table(name = "pets")
                public class Pet {
                    @Id long id;
                %s
                }
                """.formatted(fields);
    }

    @Test
    void anEntityTypedFieldIsAForeignKeyToItsKey() {
        String snapshot = snapshot(pet("    Owner owner;"));
        assertTrue(snapshot.contains("""
                create table pets (
                    id bigint not null,
                    owner_id bigint,
                    constraint pk_pets primary key (id),
                    constraint fk_pets_owner_id_owners foreign key (owner_id) references owners (id)
                );"""), snapshot);
    }

    @Test
    void theColumnCanBeNamedRequiredAndGivenActions() {
        String snapshot = snapshot(pet("""
                    @Column(name = "keeper", nullable = false) @References(onDelete = ReferentialAction.CASCADE)
                    Owner owner;"""));
        assertTrue(snapshot.contains("    keeper bigint not null,\n"), snapshot);
        assertTrue(snapshot.contains("constraint fk_pets_keeper_owners foreign key (keeper) references owners (id)"
                + " on delete cascade"), snapshot);
    }

    @Test
    void aReferenceToAUniqueColumnTakesItsNameAndType() {
        String snapshot = snapshot(pet("    @References(column = \"code\") Owner owner;"));
        assertTrue(snapshot.contains("    owner_code varchar(12),\n"), snapshot);
        assertTrue(snapshot.contains("foreign key (owner_code) references owners (code)"), snapshot);
    }

    @Test
    void aRecordComponentOfEntityTypeIsAReferenceToo() {
        Project project = new Project(dir);
        String visit = """
                package com.acme;

                import dev.permafrost.annotations.*;

                @Table(name = "visits")
                public record Visit(@Id long id, Owner owner) {
                }
                """;
        assertThat(project.compile(Map.of("com.acme.Owner", OWNER, "com.acme.Visit", visit))).succeededWithoutWarnings();
        assertTrue(project.snapshot(1).contains("constraint fk_visits_owner_id_owners foreign key (owner_id) references"
                + " owners (id)"), project.snapshot(1));
    }
}
