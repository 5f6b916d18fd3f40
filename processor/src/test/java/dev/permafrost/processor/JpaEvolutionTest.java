package dev.permafrost.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import dev.permafrost.dialect.Dialects;
import dev.permafrost.model.Column;
import dev.permafrost.model.Table;
import dev.permafrost.runtime.Migrator;
import dev.permafrost.runtime.spi.MigrationIndex;
import dev.permafrost.testing.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The evolution property on JPA entities ({@link JpaEvolution}): every version of a random history compiles with
 * the processor into the next frozen snapshot and stub, in one project, as a user's builds would. The history is
 * then applied one version at a time to PostgreSQL, MariaDB and H2, with a row inserted in every table at every
 * version, and {@code validate()} must find nothing after each step; where Hibernate generates schemas (PostgreSQL
 * and H2), the database the whole history built must equal what Hibernate's own generator makes of the newest
 * entities ({@link JpaParityTest#describe}); then everything goes down to nothing and up again, validated at
 * every version. A failure names the seed and version and shows each version's sources.
 */
class JpaEvolutionTest {

    static final int VERSIONS = 8;

    @TempDir
    Path dir;

    static Stream<Arguments> runs() {
        List<Arguments> runs = new ArrayList<>();
        for (TestDatabase kind : List.of(TestDatabase.POSTGRES, TestDatabase.MARIADB, TestDatabase.H2)) {
            for (long seed : new long[] {1, 2, 3, 4, 5, 6}) {
                runs.add(Arguments.of(kind, seed));
            }
        }
        return runs.stream();
    }

    @ParameterizedTest(name = "{0} seed {1}")
    @MethodSource("runs")
    void everyVersionCompilesMigratesValidatesAndEndsWhereHibernateStarts(TestDatabase kind, long seed) throws Exception {
        List<Map<String, String>> versions = JpaEvolution.generate(seed, VERSIONS);
        Project project = new Project(dir.resolve("project")).option("-Apermafrost.databases=postgresql,mariadb,h2")
                .option("-Apermafrost.migrationsPackage=evo.migrations");
        Compilation last = null;
        for (int v = 1; v <= versions.size(); v++) {
            Map<String, String> sources = versions.get(v - 1);
            last = project.compileWithStubs(sources);
            String where = "seed " + seed + ", version " + v + ":\n" + String.join("\n", sources.values());
            assertThat(last).succeeded();
            assertTrue(Files.exists(project.schemaDir.resolve(String.format("V%04d.sql", v))), () -> "no snapshot; " + where);
        }
        Path classes = Project.writeClasses(last, dir.resolve("classes"));
        MigrationIndex index = project.compiledStubs(dir.resolve("stubs"));
        try (TestDatabase.Fresh db = kind.create(dir)) {
            Migrator migrator = Migrator.configure(db.url()).migrations(index).build();
            for (int v = 1; v <= versions.size(); v++) {
                migrator.migrateTo(v);
                assertEquals(List.of(), migrator.validate().problems(), history(seed, v, versions, project));
                insertRowEverywhere(db.url(), v);
            }
            if (kind != TestDatabase.MARIADB) {
                try (TestDatabase.Fresh hibernate = kind.create(dir)) {
                    JpaParityTest.hibernateCreate(versions.get(versions.size() - 1).keySet(), "spring", classes,
                            hibernate.url(), dir.resolve("hibernate.sql"));
                    assertEquals(String.join("\n", JpaParityTest.describe(JpaParityTest.read(hibernate.url()), kind).values()),
                            String.join("\n", JpaParityTest.describe(JpaParityTest.read(db.url()), kind).values()),
                            history(seed, versions.size(), versions, project));
                }
            }
            for (int v = versions.size() - 1; v >= 0; v--) {
                migrator.migrateTo(v);
                assertEquals(List.of(), migrator.validate().problems(), history(seed, v, versions, project));
            }
            migrator.migrate();
            assertEquals(List.of(), migrator.validate().problems(), history(seed, versions.size(), versions, project));
        }
    }

    private static String history(long seed, int version, List<Map<String, String>> versions, Project project) {
        StringBuilder sb = new StringBuilder("seed " + seed + ", at version " + version + "; the versions:");
        for (int v = 1; v <= versions.size(); v++) {
            String label = String.format("%04d", v);
            sb.append("\n--- V").append(v).append('\n').append(String.join("\n", versions.get(v - 1).values()));
            sb.append("\n--- its stub:\n").append(project.stubs().entrySet().stream()
                    .filter(e -> e.getKey().matches(".*\\.V" + label + "_.*"))
                    .map(Map.Entry::getValue).collect(Collectors.joining()));
        }
        return sb.toString();
    }

    /** One row in every table, values distinct per version (unique columns), references left empty. */
    private static void insertRowEverywhere(String url, int version) throws Exception {
        try (Connection connection = DriverManager.getConnection(url)) {
            var reading = Dialects.detect(connection).read(connection, Set.of("permafrost_history"));
            for (Table table : reading.schema().tables()) {
                Set<String> references = table.foreignKeys().stream().flatMap(f -> f.columns().stream())
                        .collect(Collectors.toSet());
                List<Column> columns = table.columns().stream().filter(c -> !c.identity() && !references.contains(c.name()))
                        .toList();
                String sql = "insert into " + table.name() + " (" + columns.stream().map(Column::name)
                        .collect(Collectors.joining(", ")) + ") values (" + columns.stream().map(c -> "?")
                        .collect(Collectors.joining(", ")) + ")";
                if (columns.isEmpty()) {
                    sql = kind(connection).equals("MariaDB") ? "insert into " + table.name() + " () values ()"
                            : "insert into " + table.name() + " default values";
                }
                try (PreparedStatement insert = connection.prepareStatement(sql)) {
                    for (int i = 0; i < columns.size(); i++) {
                        insert.setObject(i + 1, value(columns.get(i), version));
                    }
                    insert.executeUpdate();
                }
            }
        }
    }

    private static String kind(Connection connection) throws Exception {
        return Dialects.detect(connection).displayName();
    }

    private static Object value(Column column, int version) {
        long n = 1000L * version;
        return switch (column.type().kind()) {
            case BOOLEAN -> Boolean.TRUE;
            case SMALLINT -> (short) version;
            case INTEGER -> (int) n;
            case BIGINT -> n;
            case DECIMAL -> java.math.BigDecimal.valueOf(n, 2);
            case REAL, DOUBLE -> (double) n;
            case VARCHAR, TEXT -> "v" + version;
            case DATE -> java.sql.Date.valueOf(java.time.LocalDate.of(2020, 1, 1).plusDays(version));
            case TIME -> java.sql.Time.valueOf("10:00:00");
            case TIMESTAMP, TIMESTAMP_TZ -> java.sql.Timestamp.valueOf("2020-01-01 10:00:00");
            default -> throw new IllegalArgumentException("the JPA evolution maps no field to " + column.type().sql());
        };
    }
}
