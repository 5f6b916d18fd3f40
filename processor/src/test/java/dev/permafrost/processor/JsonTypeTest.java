package dev.permafrost.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.permafrost.runtime.Migrator;
import dev.permafrost.runtime.spi.MigrationIndex;
import dev.permafrost.testing.TestDatabase;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** {@code SqlType.JSON} on a String: frozen as {@code json}, written as {@code JSON}, and clean on every database. */
class JsonTypeTest {

    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void aJsonColumnIsFrozenWrittenAndValidatesOnEveryDatabase(TestDatabase kind) throws Exception {
        Project project = new Project(dir.resolve("project"));
        String event = """
                package com.acme;

                import dev.permafrost.annotations.*;

                @Table(name = "events")
                public class Event {
                    @Id @Identity long id;
                    @Column(type = SqlType.JSON, nullable = false, defaultValue = "'{}'") String payload;
                }
                """;
        assertThat(project.compile(Map.of("com.acme.Event", event))).succeededWithoutWarnings();
        assertTrue(project.snapshot(1).contains("    payload json not null default '{}',\n"), project.snapshot(1));
        String stub = project.stub("com.acme.migrations", "V0001_Baseline");
        assertTrue(stub.contains(".column(column(\"payload\", JSON).notNull().defaultValue(\"'{}'\"))"), stub);

        MigrationIndex index = project.compiledStubs(dir.resolve("stubs"));
        try (TestDatabase.Fresh db = kind.create(dir)) {
            Migrator migrator = Migrator.configure(db.url()).migrations(index).build();
            migrator.migrate();
            assertEquals(List.of(), migrator.validate().problems());
        }
    }
}
