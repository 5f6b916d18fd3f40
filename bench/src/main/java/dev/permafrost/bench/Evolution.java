package dev.permafrost.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A model that changes once per version, as a project's does: five entities to start; then a new entity
 * every tenth version, an index every seventh, and otherwise a new nullable field on one entity.
 */
final class Evolution {

    static final String PACKAGE = "kit.model";

    private static final String[] TYPES = {"Integer", "@Column(length = 50) String", "Long", "Boolean",
        "@Column(precision = 10, scale = 2) java.math.BigDecimal", "java.time.LocalDate"};

    private final List<Entity> entities = new ArrayList<>();

    private static final class Entity {
        final String name;
        final List<String> fields = new ArrayList<>();
        final List<String> indexed = new ArrayList<>();
        String lastField = "name";

        Entity(String name, boolean child) {
            this.name = name;
            fields.add("@Id long id;");
            fields.add("@Column(length = 80, nullable = false) String name;");
            fields.add("int quantity;");
            if (child) {
                fields.add("@References(Item0.class) Long itemId;");
            }
        }
    }

    void step(int version) {
        if (version == 1) {
            for (int i = 0; i < 5; i++) {
                entities.add(new Entity("Item" + i, false));
            }
        } else if (version % 10 == 0) {
            entities.add(new Entity("Item" + entities.size(), true));
        } else if (version % 7 == 0 && !indexedLastField(entities.get(version % entities.size()))) {
            Entity entity = entities.get(version % entities.size());
            entity.indexed.add(entity.lastField);
        } else {
            Entity entity = entities.get(version % entities.size());
            String field = "f" + version;
            entity.fields.add(TYPES[version % TYPES.length] + " " + field + ";");
            entity.lastField = field;
        }
    }

    private static boolean indexedLastField(Entity entity) {
        return entity.indexed.contains(entity.lastField);
    }

    void write(Path sourceRoot) throws IOException {
        Path dir = sourceRoot.resolve(PACKAGE.replace('.', '/'));
        Files.createDirectories(dir);
        for (Entity entity : entities) {
            StringBuilder sb = new StringBuilder("package " + PACKAGE + ";\n\nimport dev.permafrost.annotations.*;\n\n@Table\n");
            for (String column : entity.indexed) {
                sb.append("@Index(columns = \"").append(column).append("\")\n");
            }
            sb.append("public class ").append(entity.name).append(" {\n");
            entity.fields.forEach(f -> sb.append("    ").append(f).append('\n'));
            sb.append("}\n");
            Files.writeString(dir.resolve(entity.name + ".java"), sb.toString());
        }
    }
}
