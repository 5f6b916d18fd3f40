package dev.permafrost.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code -Apermafrost.databases}: only the declared databases' limits apply, and only their reserved words get a
 * note (Permafrost quotes every reserved word on every database, so the snapshot is the same whatever is declared).
 */
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
        Compilation compilation = project.compile(Map.of("com.acme.Reading", READING));
        assertThat(compilation).succeededWithoutWarnings();
        assertTrue(compilation.notes().stream().noneMatch(n -> n.getMessage(null).contains("[PF204]")),
                compilation.notes().toString());
        String snapshot = project.snapshot(1);
        assertTrue(snapshot.contains("    \"value\" double precision not null,\n    \"month\" integer not null,\n"),
                snapshot);
        assertTrue(snapshot.contains("create index ix_readings_notes on readings (notes);"), snapshot);
    }

    @Test
    void byDefaultEveryDatabaseCounts() {
        Project project = new Project(dir);
        Compilation compilation = project.compile(Map.of("com.acme.Reading", READING));
        assertThat(compilation).hadErrorContaining("[PF320] column readings.notes is text and in index ix_readings_notes");
        assertThat(compilation).hadNoteContaining("[PF204] column name 'value' is a reserved word in H2");
    }
}
