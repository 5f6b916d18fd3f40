package dev.permafrost.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Automatic JPA converters ({@code @Converter(autoApply = true)}) shape columns as Hibernate applies them (held
 * against Hibernate by {@link JpaParityTest}), and a later compilation that holds only a changed entity, with the
 * converters on its class path, reads the columns the same way: the snapshot records the converters.
 */
class JpaConvertersTest {

    @TempDir
    Path dir;

    @Test
    void aCompilationWithoutTheConvertersStillAppliesThem() throws Exception {
        Project project = new Project(dir.resolve("project")).option("-Apermafrost.databases=postgresql,h2");
        Compilation full = project.compile(JpaModels.CONVERTERS);
        assertThat(full).succeededWithoutWarnings();
        String baseline = project.snapshot(1);
        assertTrue(baseline.contains("\n-- converter: conv.LevelConverter\n-- converter: conv.Sku.AsText\n"), baseline);
        assertTrue(baseline.contains("    level integer,\n") && baseline.contains("    plain_level smallint,\n")
                && baseline.contains("    shown_level varchar(255),\n") && baseline.contains("    sku varchar(40),\n"), baseline);

        Path classes = Project.writeClasses(full, dir.resolve("classes"));
        Compilation entityOnly = project.classpath(classes).compile(Map.of("conv.Product",
                JpaModels.CONVERTERS.get("conv.Product")));
        assertThat(entityOnly).succeededWithoutWarnings();
        assertFalse(Files.exists(project.schemaDir.resolve("V0002.sql")), () -> "the model changed:\n"
                + project.snapshot(2));
    }
}
