package dev.permafrost.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.testing.compile.Compilation;
import dev.permafrost.dialect.Dialects;
import dev.permafrost.dialect.LiveReading;
import dev.permafrost.model.Column;
import dev.permafrost.model.ForeignKey;
import dev.permafrost.model.Index;
import dev.permafrost.model.Table;
import dev.permafrost.model.Unique;
import dev.permafrost.runtime.Migrator;
import dev.permafrost.runtime.spi.MigrationIndex;
import dev.permafrost.testing.TestDatabase;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.hibernate.boot.model.naming.CamelCaseToUnderscoresNamingStrategy;
import org.hibernate.boot.model.naming.Identifier;
import org.hibernate.boot.model.naming.ImplicitJoinTableNameSource;
import org.hibernate.boot.model.naming.ImplicitNamingStrategyJpaCompliantImpl;
import org.hibernate.cfg.Configuration;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The proof of the JPA reader: for each model, Hibernate's own schema generation builds one database and
 * Permafrost's baseline another, and both are read back with Permafrost's live readers and compared: tables,
 * columns (type, nullability, identity), primary keys, foreign keys (columns and target), unique constraints and
 * indexes. Only generated constraint names may differ, and the differences {@link #ACCEPTED} lists (each in the
 * README's "Using JPA entities" with its reason).
 */
class JpaParityTest {

    /** Differences between Hibernate's generator and Permafrost, by database and table.column, with why. */
    static final Map<String, String> ACCEPTED = Map.of(
            "H2 customer.status", "Hibernate writes enum('NEW', 'PAID', 'SHIPPED') on H2; Permafrost a portable varchar",
            "H2 customer.ordinal_status", "Hibernate writes tinyint on H2; Permafrost smallint, which H2 also reads",
            "H2 customer.ordinalstatus", "the same, named as written",
            "H2 product.shown_level", "Hibernate writes enum('HIGH', 'LOW') on H2; Permafrost a portable varchar",
            "H2 product.plain_level", "Hibernate writes tinyint on H2; Permafrost smallint, which H2 also reads",
            "POSTGRES customer.usual_hour", "Hibernate writes time(0) for a LocalTime (whole seconds); Permafrost time,"
                    + " which holds every value Hibernate writes",
            "POSTGRES customer.usualhour", "the same, named as written");

    /** Spring Boot's SpringImplicitNamingStrategy, restated so the test needs no Spring. */
    static final class SpringImplicitNaming extends ImplicitNamingStrategyJpaCompliantImpl {
        @Override
        public Identifier determineJoinTableName(ImplicitJoinTableNameSource source) {
            return toIdentifier(source.getOwningPhysicalTableName() + "_"
                    + source.getAssociationOwningAttributePath().getProperty(), source.getBuildingContext());
        }
    }

    enum Model {
        CLINIC_HIBERNATE_NAMING(JpaModels.CLINIC, "hibernate"),
        CLINIC_SPRING_NAMING(JpaModels.CLINIC, "spring"),
        FEATURES_SPRING_NAMING(JpaModels.FEATURES, "spring"),
        FEATURES_HIBERNATE_NAMING(JpaModels.FEATURES, "hibernate"),
        SEQUENCES_SPRING_NAMING(JpaModels.SEQUENCES, "spring"),
        SEQUENCES_HIBERNATE_NAMING(JpaModels.SEQUENCES, "hibernate"),
        CONVERTERS_SPRING_NAMING(JpaModels.CONVERTERS, "spring"),
        ON_DELETE_SPRING_NAMING(JpaModels.ON_DELETE, "spring");

        final Map<String, String> sources;
        final String naming;

        Model(Map<String, String> sources, String naming) {
            this.sources = sources;
            this.naming = naming;
        }
    }

    @ParameterizedTest
    @EnumSource(Model.class)
    void postgresql(Model model, @TempDir Path dir) throws Exception {
        compare(model, TestDatabase.POSTGRES, dir);
    }

    @ParameterizedTest
    @EnumSource(Model.class)
    void h2(Model model, @TempDir Path dir) throws Exception {
        compare(model, TestDatabase.H2, dir);
    }

    private void compare(Model model, TestDatabase kind, Path dir) throws Exception {
        Project project = new Project(dir).option("-Apermafrost.jpa.naming=" + model.naming)
                .option("-Apermafrost.databases=postgresql,h2");
        Compilation compilation = project.compile(model.sources);
        assertThat(compilation).succeededWithoutWarnings();
        Path classes = Project.writeClasses(compilation, dir.resolve("classes"));
        MigrationIndex index = project.compiledStubs(dir.resolve("stubs"));
        try (TestDatabase.Fresh hibernate = kind.create(dir); TestDatabase.Fresh permafrost = kind.create(dir)) {
            Path script = dir.resolve("hibernate.sql");
            hibernateCreate(model.sources.keySet(), model.naming, classes, hibernate.url(), script);
            Migrator.configure(permafrost.url()).migrations(index).build().migrate();
            Map<String, String> expected = describe(read(hibernate.url()), kind);
            Map<String, String> actual = describe(read(permafrost.url()), kind);
            assertEquals(String.join("\n", expected.values()), String.join("\n", actual.values()),
                    () -> "Hibernate's DDL:\n" + read(script));
            assertEquals(expected.keySet(), actual.keySet());
            assertEquals(model.sources == JpaModels.SEQUENCES, expected.containsKey("sequences"),
                    () -> "sequences made by Hibernate: " + expected.get("sequences"));
        }
    }

    private static String read(Path file) {
        try {
            return java.nio.file.Files.readString(file);
        } catch (java.io.IOException e) {
            return e.toString();
        }
    }

    /** Hibernate's own schema generation ({@code create}) for the entities among {@code sources}, compiled in {@code classes}. */
    static void hibernateCreate(Set<String> sources, String naming, Path classes, String url, Path script) throws Exception {
        ClassLoader previous = Thread.currentThread().getContextClassLoader();
        try (URLClassLoader loader = new URLClassLoader(new URL[] {classes.toUri().toURL()},
                JpaParityTest.class.getClassLoader())) {
            Thread.currentThread().setContextClassLoader(loader);
            Configuration configuration = new Configuration();
            for (String name : new TreeSet<>(sources)) {
                Class<?> type = loader.loadClass(name);
                if (type.isAnnotationPresent(jakarta.persistence.Entity.class)) {
                    configuration.addAnnotatedClass(type);
                }
                // Converters, as Spring Boot's entity scan registers them.
                for (Class<?> converter : java.util.stream.Stream.concat(java.util.stream.Stream.of(type),
                        java.util.Arrays.stream(type.getDeclaredClasses())).toList()) {
                    if (converter.isAnnotationPresent(jakarta.persistence.Converter.class)) {
                        configuration.addAnnotatedClass(converter);
                    }
                }
            }
            if (naming.equals("spring")) {
                configuration.setPhysicalNamingStrategy(new CamelCaseToUnderscoresNamingStrategy());
                configuration.setImplicitNamingStrategy(new SpringImplicitNaming());
            }
            configuration.setProperty("hibernate.connection.url", url);
            configuration.setProperty("jakarta.persistence.schema-generation.database.action", "create");
            configuration.setProperty("hibernate.connection.pool_size", "1");
            configuration.setProperty("jakarta.persistence.schema-generation.scripts.action", "create");
            configuration.setProperty("jakarta.persistence.schema-generation.scripts.create-target", script.toString());
            // Reflectively: the session factory's type is javax.naming.Referenceable, a module the tests do not read.
            ((AutoCloseable) Configuration.class.getMethod("buildSessionFactory").invoke(configuration)).close();
        } finally {
            Thread.currentThread().setContextClassLoader(previous);
        }
    }

    static LiveReading read(String url) throws Exception {
        try (Connection connection = DriverManager.getConnection(url)) {
            LiveReading reading = Dialects.detect(connection).read(connection, Set.of("permafrost_history"));
            assertEquals(List.of(), reading.problems(), "what the live reader could not read");
            return reading;
        }
    }

    /**
     * Each table as lines without constraint names, by table, and the sequences (name, start, increment; not
     * which column owns one, which Hibernate does not say); accepted differences are left out.
     */
    static Map<String, String> describe(LiveReading reading, TestDatabase kind) {
        Map<String, String> described = new TreeMap<>();
        List<String> sequences = reading.sequences().stream().map(s -> "  " + s.sequence()).sorted().toList();
        if (!sequences.isEmpty()) {
            described.put("sequences", "sequences\n" + String.join("\n", sequences));
        }
        for (Table table : reading.schema().tables()) {
            if (kind == TestDatabase.H2 && table.name().matches("hte?_.*")) {
                continue; // Hibernate's own temporary tables for JOINED hierarchies on H2 (ACCEPTED)
            }
            List<String> lines = new ArrayList<>();
            for (Column column : table.columns()) {
                if (!ACCEPTED.containsKey(kind + " " + table.name() + "." + column.name())) {
                    lines.add("  " + column.name() + " " + column.type().sql() + column.type().nativesText()
                            + (column.nullable() ? "" : " not null")
                            + (column.identity() ? " identity" : ""));
                }
            }
            lines.sort(null);
            List<String> constraints = new ArrayList<>();
            if (table.primaryKey() != null) {
                constraints.add("  primary key " + table.primaryKey().columns());
            }
            for (Unique unique : table.uniques()) {
                constraints.add("  unique " + new TreeSet<>(unique.columns()));
            }
            for (Index index : table.indexes()) {
                constraints.add("  " + (index.unique() ? "unique " + new TreeSet<>(index.columns())
                        : "index " + index.columns()));
            }
            for (ForeignKey fk : table.foreignKeys()) {
                constraints.add("  foreign key " + fk.columns() + " -> " + fk.referencedTable() + fk.referencedColumns()
                        + (fk.onDelete() == ForeignKey.Action.NO_ACTION ? "" : " on delete " + fk.onDelete()));
            }
            constraints.sort(null);
            lines.addAll(constraints);
            described.put(table.name(), "table " + table.name() + "\n" + String.join("\n", lines));
        }
        return described;
    }
}
