package dev.permafrost.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code -Apermafrost.databases}: only the declared databases' reserved words and limits apply. */
class TargetsTest {

    @TempDir
    Path dir;

    private static final String READING = """
            package com.acme;

            import dev.permafrost.annotations.*;

            @Table(name = "readings")
            @Index(columns = "notes")
            public class Reading {
                @Id long id;
                double value;
                int month;
                @Column(type = SqlType.TEXT) String notes;
            }
            """;

    @Test
    void wordsAndIndexesOnlyOtherDatabasesRefuseCompileForTheDeclaredOnes() {
        Project project = new Project(dir).option("-Apermafrost.databases=postgresql,sqlite");
        assertThat(project.compile(Map.of("com.acme.Reading", READING))).succeededWithoutWarnings();
        String snapshot = project.snapshot(1);
        assertTrue(snapshot.contains("    value double precision not null,\n    month integer not null,\n"), snapshot);
        assertTrue(snapshot.contains("create index ix_readings_notes on readings (notes);"), snapshot);
    }

    @Test
    void byDefaultEveryDatabaseCounts() {
        Project project = new Project(dir);
        assertThat(project.compile(Map.of("com.acme.Reading", READING))).hadErrorContaining(
                "[PF204] column name 'value' is a reserved word in H2");
    }
}
