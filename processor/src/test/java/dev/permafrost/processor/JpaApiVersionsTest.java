package dev.permafrost.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Entities compiled against jakarta.persistence-api 3.1 (Hibernate 6, Spring Boot 3.x) give the same snapshot as
 * against 3.2 (Hibernate 7, Spring Boot 4), byte for byte: the reader reads annotations by name and their defaults
 * from the API on the class path. The 3.1 jar is copied apart by the build ({@code target/jpa-3.1}).
 */
class JpaApiVersionsTest {

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"CLINIC", "FEATURES", "SEQUENCES", "CONVERTERS"})
    @SuppressWarnings("unchecked")
    void jpa31AndJpa32GiveTheSameSnapshot(String model) throws Exception {
        Map<String, String> sources = (Map<String, String>) JpaModels.class.getDeclaredField(model).get(null);
        Path jpa31 = Path.of("target/jpa-3.1/jakarta.persistence-api-3.1.0.jar");
        Project older = new Project(dir.resolve("jpa31")).option("-Apermafrost.databases=postgresql,h2").jpaApi(jpa31);
        Project newer = new Project(dir.resolve("jpa32")).option("-Apermafrost.databases=postgresql,h2");
        assertThat(older.compile(sources)).succeededWithoutWarnings();
        assertThat(newer.compile(sources)).succeededWithoutWarnings();
        assertEquals(Files.readString(newer.schemaDir.resolve("V0001.sql")), Files.readString(older.schemaDir.resolve("V0001.sql")));
    }

    /** The 3.1 project really compiles against 3.1: FindOption came with 3.2. */
    @org.junit.jupiter.api.Test
    void theOlderProjectSeesOnlyJpa31() {
        String source = "package x;\npublic class Uses { jakarta.persistence.FindOption option; }\n";
        assertThat(new Project(dir.resolve("a")).jpaApi(Path.of("target/jpa-3.1/jakarta.persistence-api-3.1.0.jar"))
                .compile(Map.of("x.Uses", source))).hadErrorContaining("FindOption");
        assertThat(new Project(dir.resolve("b")).compile(Map.of("x.Uses", source))).succeeded();
    }
}
