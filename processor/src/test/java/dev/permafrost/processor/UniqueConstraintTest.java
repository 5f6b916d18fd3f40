package dev.permafrost.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code @Unique} on the type: a multi-column UNIQUE constraint, named by default or by the user, and changed as one. */
class UniqueConstraintTest {

    @TempDir
    Path dir;

    private static final String SEAT = """
            package com.acme;

            import dev.permafrost.annotations.*;

            @Table(name = "seats")
            @Unique(columns = {"hall", "seat_row", "seat_number"})
            @Unique(name = "uq_seats_label", columns = "label")
            public class Seat {
                @Id long id;
                @Column(length = 10) String hall;
                int seatRow;
                int seatNumber;
                @Column(length = 20) String label;
            }
            """;

    @Test
    void aCompositeUniqueIsAConstraintAndChangingItIsAMigration() {
        Project project = new Project(dir);
        assertThat(project.compile(Map.of("com.acme.Seat", SEAT))).succeededWithoutWarnings();
        String snapshot = project.snapshot(1);
        assertTrue(snapshot.contains("    constraint uq_seats_hall_seat_row_seat_number unique (hall, seat_row, seat_number),\n"),
                snapshot);
        assertTrue(snapshot.contains("    constraint uq_seats_label unique (label)"), snapshot);

        String narrower = SEAT.replace("@Unique(columns = {\"hall\", \"seat_row\", \"seat_number\"})",
                "@Unique(columns = {\"hall\", \"seat_number\"})");
        assertThat(project.compileWithStubs(Map.of("com.acme.Seat", narrower))).succeeded();
        String stub = project.stubs().entrySet().stream().filter(e -> e.getKey().contains(".V0002_"))
                .map(Map.Entry::getValue).findFirst().orElseThrow();
        assertTrue(stub.contains("op.dropUnique(\"seats\", \"uq_seats_hall_seat_row_seat_number\");"), stub);
        assertTrue(stub.contains("op.addUnique(\"seats\", \"uq_seats_hall_seat_number\", \"hall\", \"seat_number\");"), stub);
    }
}
