package dev.permafrost.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A base class's {@code @Index}, {@code @Unique} and {@code @Check} belong to every entity that extends it. */
class InheritedAnnotationsTest {

    @TempDir
    Path dir;

    @Test
    void everyEntityThatExtendsABaseGetsItsIndexesUniquesAndChecks() {
        String base = """
                package com.acme;

                import dev.permafrost.annotations.*;

                @Index(columns = "created_at")
                @Unique(columns = {"tenant", "code"})
                @Check(name = "created", value = "created_at is not null")
                public abstract class Owned {
                    @Id @Identity long id;
                    @Column(length = 20) String tenant;
                    @Column(length = 20) String code;
                    java.time.Instant createdAt;
                }
                """;
        String invoice = """
                package com.acme;

                @dev.permafrost.annotations.Table(name = "invoices")
                public class Invoice extends Owned {
                    long cents;
                }
                """;
        String order = """
                package com.acme;

                @dev.permafrost.annotations.Table(name = "orders")
                @dev.permafrost.annotations.Index(columns = "placed")
                public class PurchaseOrder extends Owned {
                    boolean placed;
                }
                """;
        Project project = new Project(dir);
        assertThat(project.compile(Map.of("com.acme.Owned", base, "com.acme.Invoice", invoice,
                "com.acme.PurchaseOrder", order))).succeededWithoutWarnings();
        String snapshot = project.snapshot(1);
        for (String table : new String[] {"invoices", "orders"}) {
            assertTrue(snapshot.contains("create index ix_" + table + "_created_at on " + table + " (created_at);"), snapshot);
            assertTrue(snapshot.contains("constraint uq_" + table + "_tenant_code unique (tenant, code)"), snapshot);
            assertTrue(snapshot.contains("constraint ck_" + table + "_created check (created_at is not null)"), snapshot);
        }
        assertTrue(snapshot.contains("create index ix_orders_placed on orders (placed);"), snapshot);
    }
}
