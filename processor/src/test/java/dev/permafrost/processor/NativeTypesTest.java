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
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * {@code @NativeType}: PostgreSQL's own types (inet, int4range, tsvector) frozen, written, created and validated
 * clean there, with the portable type on the other databases; taking one away is a migration.
 */
class NativeTypesTest {

    @TempDir
    Path dir;

    private static final String HOST = """
            package com.acme;

            import dev.permafrost.annotations.*;

            @Table(name = "hosts")
            public class Host {
                @Id long id;
                @NativeType(database = Database.POSTGRESQL, value = "inet") @Column(length = 45) String address;
                @NativeType(database = Database.POSTGRESQL, value = "int4range") @Column(length = 40) String ports;
                @NativeType(database = Database.POSTGRESQL, value = "tsvector") @Column(type = SqlType.TEXT) String search;
            }
            """;

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void nativeTypesOnPostgresqlAndPortableTypesElsewhere(TestDatabase kind) throws Exception {
        Project project = new Project(dir.resolve("project"));
        assertThat(project.compile(Map.of("com.acme.Host", HOST))).succeededWithoutWarnings();
        String snapshot = project.snapshot(1);
        assertTrue(snapshot.contains("-- native hosts.address postgresql: inet\n-- native hosts.ports postgresql: int4range\n"
                + "-- native hosts.search postgresql: tsvector\n"), snapshot);
        String stub = project.stub("com.acme.migrations", "V0001_Baseline");
        assertTrue(stub.contains("column(\"address\", varchar(45)).nativeType(\"postgresql\", \"inet\")"), stub);
        assertThat(project.compileWithStubs(Map.of("com.acme.Host", HOST.replace(
                "@NativeType(database = Database.POSTGRESQL, value = \"inet\") ", "")))).succeeded();

        MigrationIndex index = project.compiledStubs(dir.resolve("stubs"));
        try (TestDatabase.Fresh db = kind.create(dir)) {
            Migrator migrator = Migrator.configure(db.url()).migrations(index).build();
            migrator.migrateTo(1);
            assertEquals(List.of(), migrator.validate().problems());
            if (kind == TestDatabase.POSTGRES) {
                assertEquals(List.of("address|inet", "id|bigint", "ports|int4range", "search|tsvector"), Db.rows(db.url(),
                        "select column_name, udt_name from information_schema.columns where table_name = 'hosts'"
                                + " and table_schema = current_schema() order by column_name").stream()
                        .map(r -> r.replace("int8", "bigint")).toList());
                Db.execute(db.url(), "insert into hosts (id, address, ports) values (1, '10.0.0.1', '[80,90)')");
            }
            migrator.migrate();
            assertEquals(List.of(), migrator.validate().problems());
            if (kind == TestDatabase.POSTGRES) {
                // PostgreSQL's own cast of inet to text keeps the mask.
                assertEquals(List.of("10.0.0.1/32"), Db.rows(db.url(), "select address from hosts"));
                Db.execute(db.url(), "alter table hosts alter column ports type text");
                List<String> problems = migrator.validate().problems();
                assertEquals(1, problems.size(), problems.toString());
                assertTrue(problems.get(0).contains("postgresql: int4range"), problems.get(0));
            }
        }
    }
}
