package dev.permafrost.processor.read;

import dev.permafrost.processor.Diagnostics;
import dev.permafrost.processor.write.IndexWriter;
import dev.permafrost.snapshot.FrozenFiles;
import dev.permafrost.snapshot.SnapshotReader;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.Elements;

/**
 * Finds the entities a compilation's model is built from: the round's, those of the newest snapshot
 * outside this compilation, and the ones they reference. An entity of the snapshot is found by its class
 * name, else by its table in the index of the last build (a class renamed or moved since the snapshot
 * was written); one found by neither is remembered in {@link #unfound()}, so that its table is dropped
 * only by a compilation that proves it gone.
 */
public final class EntityCollector {

    private final Elements elements;
    private final EntityReader reader;
    private final JpaReader jpa;
    private final Diagnostics diagnostics;
    private final Map<String, String> unfound = new TreeMap<>();
    private final Map<String, EntitySource> readBefore;

    /**
     * @param jpa the reader of JPA {@code @Entity} classes
     * @param readBefore {@code @Table} entities this compilation has read already without a message, by class name
     *     (the model cache's check): taken as they are, not read again
     */
    public EntityCollector(Elements elements, EntityReader reader, JpaReader jpa, Diagnostics diagnostics,
                           Map<String, EntitySource> readBefore) {
        this.elements = elements;
        this.reader = reader;
        this.jpa = jpa;
        this.diagnostics = diagnostics;
        this.readBefore = readBefore;
    }

    /**
     * The entities, or {@code null} when one of them is in error (reported).
     *
     * @param classOutput where the last build's index is, for entities whose class moved
     * @param reading told of each entity before it is read, so that a crash names the entity concerned
     */
    public List<EntitySource> collect(Set<TypeElement> roots, FrozenFiles frozen, Path classOutput,
                                      Consumer<TypeElement> reading) {
        ArrayDeque<TypeElement> pending = new ArrayDeque<>(roots);
        if (frozen.newestVersion() > 0) {
            // The snapshot's entities are mostly this compilation's own: found by name without asking javac.
            Map<String, TypeElement> rootsByName = new HashMap<>();
            for (TypeElement root : roots) {
                rootsByName.put(root.getQualifiedName().toString(), root);
            }
            Map<String, String> previous = null;
            for (Map.Entry<String, String> recorded : SnapshotReader.entities(frozen.header(frozen.newestVersion())).entrySet()) {
                TypeElement root = rootsByName.get(recorded.getValue());
                TypeElement type = root != null ? root : entity(recorded.getValue());
                if (type == null) {
                    if (previous == null) {
                        previous = IndexWriter.previousEntities(classOutput, frozen.manifest().migrationsPackage());
                    }
                    String moved = previous.get(recorded.getKey());
                    type = moved == null ? null : entity(moved);
                }
                if (type != null) {
                    pending.add(type);
                } else {
                    unfound.put(recorded.getKey(), recorded.getValue());
                }
            }
        }
        jpa.know(pending);
        Map<String, List<EntitySource>> byClass = new LinkedHashMap<>();
        Map<String, List<EntitySource.ColumnSource>> foreign = new LinkedHashMap<>();
        int before = diagnostics.errors();
        while (!pending.isEmpty()) {
            TypeElement type = pending.poll();
            String name = type.getQualifiedName().toString();
            if (byClass.containsKey(name)) {
                continue;
            }
            reading.accept(type);
            List<EntitySource> tables;
            if (Annotations.find(type, Annotations.JPA_ENTITY) != null) {
                JpaReader.Reading read = jpa.read(type);
                tables = read.tables();
                read.foreign().forEach((owner, columns) -> foreign.computeIfAbsent(owner, k -> new ArrayList<>())
                        .addAll(columns));
                pending.addAll(read.related());
            } else {
                EntitySource earlier = readBefore.get(name);
                EntitySource entity = earlier != null ? earlier : reader.read(type);
                tables = entity == null ? List.of() : List.of(entity);
            }
            byClass.put(name, tables);
            for (EntitySource entity : tables) {
                for (EntitySource.ColumnSource column : entity.columns()) {
                    TypeElement target = column.reference() == null ? null : column.reference().target();
                    if (target != null && Annotations.isEntity(target)) {
                        pending.add(target);
                    }
                }
            }
        }
        if (diagnostics.errors() > before) {
            return null;
        }
        List<EntitySource> entities = new ArrayList<>();
        byClass.forEach((name, tables) -> tables.forEach(table -> entities.add(!table.implied()
                && foreign.containsKey(name) ? table.withColumns(foreign.get(name)) : table)));
        return entities;
    }

    /** Tables of the newest snapshot whose entity this compilation could not find: table → the class recorded. */
    public Map<String, String> unfound() {
        return Collections.unmodifiableMap(unfound);
    }

    /** The entity class of that name, or {@code null}. */
    private TypeElement entity(String className) {
        TypeElement type = elements.getTypeElement(className);
        return type != null && Annotations.isEntity(type) ? type : null;
    }
}
