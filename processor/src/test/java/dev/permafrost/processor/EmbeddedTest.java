package dev.permafrost.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Embedded values: an {@code @Embeddable}'s fields become prefixed columns, nested ones too, and adding one is a migration. */
class EmbeddedTest {

    @TempDir
    Path dir;

    private static final String GEO = """
            package com.acme;

            import dev.permafrost.annotations.*;

            @Embeddable
            public record Geo(double lat, double lon) {
            }
            """;

    private static final String ADDRESS = """
            package com.acme;

            import dev.permafrost.annotations.*;

            @Embeddable
            public class Address {
                @Column(length = 80, nullable = false) String street;
                @Column(length = 40) String city;
                Geo geo;
            }
            """;

    private static final String CUSTOMER = """
            package com.acme;

            import dev.permafrost.annotations.*;

            @Table(name = "customers")
            public class Customer {
                @Id long id;
                Address address;
                @Embedded(prefix = "billing_") Address invoiceAddress;
            }
            """;

    @Test
    void anEmbeddableSpreadsIntoPrefixedColumnsAndAddingOneIsAMigration() {
        Project project = new Project(dir);
        assertThat(project.compile(Map.of("com.acme.Geo", GEO, "com.acme.Address", ADDRESS, "com.acme.Customer", CUSTOMER)))
                .succeededWithoutWarnings();
        String snapshot = project.snapshot(1);
        assertTrue(snapshot.contains("""
                create table customers (
                    id bigint not null,
                    address_street varchar(80) not null,
                    address_city varchar(40),
                    address_geo_lat double precision not null,
                    address_geo_lon double precision not null,
                    billing_street varchar(80) not null,
                    billing_city varchar(40),
                    billing_geo_lat double precision not null,
                    billing_geo_lon double precision not null,
                    constraint pk_customers primary key (id)
                );"""), snapshot);

        String stamp = """
                package com.acme;

                @dev.permafrost.annotations.Embeddable
                public record Stamp(java.time.Instant at, @dev.permafrost.annotations.Column(length = 40) String by) {
                }
                """;
        String verified = CUSTOMER.replace("    @Embedded(prefix = \"billing_\") Address invoiceAddress;",
                "    @Embedded(prefix = \"billing_\") Address invoiceAddress;\n    Stamp verified;");
        assertThat(project.compileWithStubs(Map.of("com.acme.Geo", GEO, "com.acme.Address", ADDRESS,
                "com.acme.Stamp", stamp, "com.acme.Customer", verified))).succeeded();
        String stub = project.stubs().entrySet().stream().filter(e -> e.getKey().contains(".V0002_"))
                .map(Map.Entry::getValue).findFirst().orElseThrow();
        assertTrue(stub.contains("op.addColumn(\"customers\", column(\"verified_at\", TIMESTAMP_TZ));"), stub);
        assertTrue(stub.contains("op.addColumn(\"customers\", column(\"verified_by\", varchar(40)));"), stub);
    }
}
