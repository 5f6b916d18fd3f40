package dev.permafrost.processor;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

/**
 * Random histories of JPA entities as their users change them, one version of every source at a time: entities
 * added, dropped and renamed ({@code @RenamedFrom}), basic fields and {@code @ManyToOne} references (some with
 * Hibernate's {@code @OnDelete(CASCADE)}) added,
 * dropped and renamed, strings widened, a primitive made nullable, a column made unique, an index added, and keys
 * moved between identity and sequence numbering (AUTO, SEQUENCE with a generator). Every version compiles and
 * is what Hibernate accepts; each differs from the one before.
 */
final class JpaEvolution {

    static final String PACKAGE = "evo";

    private static final String[] ENTITY_NAMES = {"Account", "Invoice", "Parcel", "Ticket", "Vendor", "Shelf",
        "Course", "Device"};
    private static final String[] FIELD_NAMES = {"title", "amount", "dueOn", "active", "note", "createdAt", "weight",
        "code", "status", "rating", "label", "price"};

    /** A field: its Java type and annotations, or a reference to another entity. */
    private record Field(String name, String type, String annotations, String renamedFrom) {
        Field renamed(String newName, String from) {
            return new Field(newName, type, annotations, from);
        }

        Field settled() {
            return new Field(name, type, annotations, null);
        }

        boolean reference() {
            return annotations.contains("@ManyToOne");
        }
    }

    private static final class Entity {
        String name;
        String renamedFrom;
        String numbering;
        final List<Field> fields = new ArrayList<>();
        final List<String> indexed = new ArrayList<>();

        Entity(String name, String numbering) {
            this.name = name;
            this.numbering = numbering;
        }
    }

    private final Random random;
    private final List<Entity> entities = new ArrayList<>();
    private final Map<String, Integer> used = new TreeMap<>();

    private JpaEvolution(long seed) {
        this.random = new Random(seed);
    }

    /** {@code count} versions, each the full set of sources (fully qualified name → code). */
    static List<Map<String, String>> generate(long seed, int count) {
        JpaEvolution evolution = new JpaEvolution(seed);
        List<Map<String, String>> versions = new ArrayList<>();
        evolution.addEntity();
        evolution.addEntity();
        versions.add(evolution.sources());
        while (versions.size() < count) {
            evolution.settle();
            int changes = 1 + evolution.random.nextInt(2);
            boolean changed = false;
            for (int i = 0; i < changes; i++) {
                changed |= evolution.change();
            }
            if (changed) {
                versions.add(evolution.sources());
            }
        }
        return versions;
    }

    /** Renames were said once; the next version names things as they now are. */
    private void settle() {
        for (Entity entity : entities) {
            entity.renamedFrom = null;
            entity.fields.replaceAll(Field::settled);
        }
    }

    private boolean change() {
        return switch (random.nextInt(12)) {
            case 0 -> entities.size() < 5 && addEntity();
            case 1 -> dropEntity();
            case 2 -> renameEntity();
            case 3, 4 -> addField(pick());
            case 5 -> dropField(pick());
            case 6 -> renameField(pick());
            case 7 -> widen(pick());
            case 8 -> relax(pick());
            case 9 -> index(pick());
            case 10 -> renumber(pick());
            default -> addReference(pick());
        };
    }

    private Entity pick() {
        return entities.get(random.nextInt(entities.size()));
    }

    private String fresh(String[] names, String taken) {
        String base = names[random.nextInt(names.length)];
        int n = used.merge(base, 1, Integer::sum);
        String name = n == 1 ? base : base + n;
        return taken != null && taken.contains("," + name + ",") ? fresh(names, taken) : name;
    }

    private boolean addEntity() {
        String[] numberings = {"IDENTITY", "AUTO", "SEQUENCE"};
        Entity entity = new Entity(fresh(ENTITY_NAMES, null), numberings[random.nextInt(numberings.length)]);
        entity.fields.add(new Field("count", "int", "", null)); // a primitive: NOT NULL, fine in a new table
        int more = random.nextInt(3);
        for (int i = 0; i < more; i++) {
            entity.fields.add(basic(entity));
        }
        entities.add(entity);
        return true;
    }

    private Field basic(Entity entity) {
        String name = fieldName(entity);
        return switch (random.nextInt(7)) {
            case 0 -> new Field(name, "String", "@Column(length = " + (20 + 10 * random.nextInt(10)) + ")", null);
            case 1 -> new Field(name, "Integer", "", null);
            case 2 -> new Field(name, "Long", "", null);
            case 3 -> new Field(name, "Boolean", "", null);
            case 4 -> new Field(name, "java.time.LocalDate", "", null);
            case 5 -> new Field(name, "java.time.Instant", "", null);
            default -> new Field(name, "java.math.BigDecimal", "@Column(precision = 12, scale = 2)", null);
        };
    }

    private String fieldName(Entity entity) {
        StringBuilder taken = new StringBuilder(",id,");
        entity.fields.forEach(f -> taken.append(f.name()).append(','));
        return fresh(FIELD_NAMES, taken.toString());
    }

    private boolean referenced(Entity entity) {
        return entities.stream().anyMatch(e -> e.fields.stream().anyMatch(f -> f.reference() && f.type().equals(entity.name)));
    }

    private boolean dropEntity() {
        List<Entity> droppable = entities.stream().filter(e -> !referenced(e)).toList();
        if (entities.size() < 3 || droppable.isEmpty()) {
            return false;
        }
        entities.remove(droppable.get(random.nextInt(droppable.size())));
        return true;
    }

    private boolean renameEntity() {
        Entity entity = pick();
        String old = entity.name;
        entity.name = fresh(ENTITY_NAMES, null);
        entity.renamedFrom = Names.snake(old);
        for (Entity other : entities) {
            other.fields.replaceAll(f -> f.reference() && f.type().equals(old)
                    ? new Field(f.name(), entity.name, f.annotations(), f.renamedFrom()) : f);
        }
        return true;
    }

    private boolean addField(Entity entity) {
        entity.fields.add(basic(entity));
        return true;
    }

    private boolean addReference(Entity entity) {
        Entity target = pick();
        if (target == entity) {
            return false;
        }
        String name = Character.toLowerCase(target.name.charAt(0)) + target.name.substring(1);
        if (entity.fields.stream().anyMatch(f -> f.name().equals(name))) {
            return false;
        }
        entity.fields.add(new Field(name, target.name, random.nextBoolean() ? "@ManyToOne"
                : "@ManyToOne @org.hibernate.annotations.OnDelete(action = org.hibernate.annotations.OnDeleteAction.CASCADE)",
                null));
        return true;
    }

    private boolean dropField(Entity entity) {
        List<Field> droppable = entity.fields.stream().filter(f -> !entity.indexed.contains(f.name())).toList();
        if (droppable.size() < 2) {
            return false;
        }
        entity.fields.remove(droppable.get(random.nextInt(droppable.size())));
        return true;
    }

    private boolean renameField(Entity entity) {
        List<Field> basics = entity.fields.stream().filter(f -> !f.reference() && !entity.indexed.contains(f.name()))
                .toList();
        if (basics.isEmpty()) {
            return false;
        }
        Field field = basics.get(random.nextInt(basics.size()));
        String newName = fieldName(entity);
        entity.fields.set(entity.fields.indexOf(field), field.renamed(newName, Names.snake(field.name())));
        return true;
    }

    private boolean widen(Entity entity) {
        for (int i = 0; i < entity.fields.size(); i++) {
            Field f = entity.fields.get(i);
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("length = (\\d+)").matcher(f.annotations());
            if (f.type().equals("String") && m.find()) {
                int wider = Integer.parseInt(m.group(1)) + 40;
                entity.fields.set(i, new Field(f.name(), f.type(), m.replaceFirst("length = " + wider), f.renamedFrom()));
                return true;
            }
        }
        return false;
    }

    private boolean relax(Entity entity) {
        for (int i = 0; i < entity.fields.size(); i++) {
            Field f = entity.fields.get(i);
            if (f.type().equals("int")) {
                entity.fields.set(i, new Field(f.name(), "Integer", f.annotations(), f.renamedFrom()));
                return true;
            }
            if (f.type().equals("String") && !f.annotations().contains("unique")) {
                entity.fields.set(i, new Field(f.name(), f.type(), f.annotations().replace(")", ", unique = true)"),
                        f.renamedFrom()));
                return true;
            }
        }
        return false;
    }

    private boolean index(Entity entity) {
        List<Field> basics = entity.fields.stream().filter(f -> !f.reference() && !entity.indexed.contains(f.name()))
                .toList();
        if (basics.isEmpty()) {
            return false;
        }
        entity.indexed.add(basics.get(random.nextInt(basics.size())).name());
        return true;
    }

    private boolean renumber(Entity entity) {
        String next = switch (entity.numbering) {
            case "IDENTITY" -> random.nextBoolean() ? "AUTO" : "SEQUENCE";
            case "AUTO" -> random.nextBoolean() ? "IDENTITY" : "SEQUENCE";
            default -> random.nextBoolean() ? "IDENTITY" : "AUTO";
        };
        entity.numbering = next;
        return true;
    }

    private Map<String, String> sources() {
        Map<String, String> sources = new LinkedHashMap<>();
        for (Entity entity : entities) {
            sources.put(PACKAGE + "." + entity.name, source(entity));
        }
        return sources;
    }

    private static String source(Entity entity) {
        StringBuilder sb = new StringBuilder("package " + PACKAGE + ";\n\nimport jakarta.persistence.*;\n\n@Entity\n");
        if (!entity.indexed.isEmpty()) {
            sb.append("@Table(indexes = {");
            for (int i = 0; i < entity.indexed.size(); i++) {
                sb.append(i == 0 ? "" : ", ").append("@Index(columnList = \"").append(entity.indexed.get(i)).append("\")");
            }
            sb.append("})\n");
        }
        if (entity.renamedFrom != null) {
            sb.append("@dev.permafrost.annotations.RenamedFrom(\"").append(entity.renamedFrom).append("\")\n");
        }
        sb.append("public class ").append(entity.name).append(" {\n");
        sb.append(switch (entity.numbering) {
            case "IDENTITY" -> "    @Id @GeneratedValue(strategy = GenerationType.IDENTITY) private Long id;\n";
            case "AUTO" -> "    @Id @GeneratedValue private Long id;\n";
            default -> "    @Id @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = \"" + entity.name
                    + "Ids\")\n    @SequenceGenerator(name = \"" + entity.name + "Ids\", sequenceName = \""
                    + Names.snake(entity.name) + "_ids\", allocationSize = 10)\n    private Long id;\n";
        });
        for (Field field : entity.fields) {
            sb.append("    ");
            if (field.renamedFrom() != null) {
                sb.append("@dev.permafrost.annotations.RenamedFrom(\"").append(field.renamedFrom()).append("\") ");
            }
            if (!field.annotations().isEmpty()) {
                sb.append(field.annotations()).append(' ');
            }
            sb.append("private ").append(field.type()).append(' ').append(field.name()).append(";\n");
        }
        return sb.append("}\n").toString();
    }

    /** Spring Boot's physical naming, for the names {@code @RenamedFrom} gives. */
    private static final class Names {
        static String snake(String name) {
            return dev.permafrost.model.Names.snakeCase(name);
        }
    }
}
