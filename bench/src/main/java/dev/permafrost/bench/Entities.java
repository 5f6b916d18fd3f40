package dev.permafrost.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Generated entity sources for the javac benchmark: {@code count} classes of 15 columns each (a key, a
 * reference to the previous entity, an index), once with Permafrost's annotations and once the same
 * model with JPA's, for Hibernate's metamodel generator.
 */
final class Entities {

    static final String PACKAGE = "bench.model";

    /** The imports and the 14 columns every entity has, in both annotation dialects (the 15th is the reference). */
    private static final String IMPORTS = """
            import java.math.BigDecimal;
            import java.time.Instant;
            import java.time.LocalDate;
            import java.time.LocalDateTime;
            import java.util.UUID;
            """;
    private static final String FIELDS = """
                @Id long id;
                @Column(length = 100, nullable = false) String name;
                int quantity;
                long total;
                @Column(precision = 12, scale = 2) BigDecimal price;
                boolean active;
                Double ratio;
                LocalDate dueOn;
                Instant createdAt;
                UUID token;
                @Column(length = 40) String code;
                Integer priority;
                LocalDateTime updatedAt;
                String description;
            """;

    private Entities() {
    }

    static List<Path> permafrost(Path sourceRoot, int count) throws IOException {
        List<Path> files = new ArrayList<>();
        Path dir = sourceRoot.resolve(PACKAGE.replace('.', '/'));
        Files.createDirectories(dir);
        for (int i = 1; i <= count; i++) {
            String name = name(i);
            String reference = i == 1 ? "" : "@References(" + name(i - 1) + ".class) ";
            Path file = dir.resolve(name + ".java");
            Files.writeString(file, """
                    package %s;

                    import dev.permafrost.annotations.*;
                    %s
                    @Table
                    @Index(columns = "code")
                    public class %s {
                    %s    %sLong parentId;
                    }
                    """.formatted(PACKAGE, IMPORTS, name, FIELDS, reference));
            files.add(file);
        }
        return files;
    }

    static List<Path> jpa(Path sourceRoot, int count) throws IOException {
        List<Path> files = new ArrayList<>();
        Path dir = sourceRoot.resolve(PACKAGE.replace('.', '/'));
        Files.createDirectories(dir);
        for (int i = 1; i <= count; i++) {
            String name = name(i);
            Path file = dir.resolve(name + ".java");
            Files.writeString(file, """
                    package %s;

                    import jakarta.persistence.*;
                    %s
                    @Entity
                    @Table(name = "%s", indexes = @Index(columnList = "code"))
                    public class %s {
                    %s    Long parentId;
                    }
                    """.formatted(PACKAGE, IMPORTS, "entity" + String.format("%04d", i), name, FIELDS));
            files.add(file);
        }
        return files;
    }

    private static String name(int i) {
        return String.format("Entity%04d", i);
    }
}
