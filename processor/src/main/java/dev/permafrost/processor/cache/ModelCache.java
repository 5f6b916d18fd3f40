package dev.permafrost.processor.cache;

import dev.permafrost.model.Column;
import dev.permafrost.model.ColumnType;
import dev.permafrost.model.Names;
import dev.permafrost.processor.Diagnostics;
import dev.permafrost.processor.read.Annotations;
import dev.permafrost.processor.read.EntityReader;
import dev.permafrost.processor.read.EntitySource;
import dev.permafrost.snapshot.FrozenFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import javax.annotation.processing.Filer;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;

/**
 * What the last build's model was made of, so that a compilation of a few entities (an IDE's) need not read every
 * other entity from its class file to learn that the model has not changed (ADR 0027). Kept in the annotation
 * processor's source output, which no build packages, and only an accelerator: anything it cannot vouch for sends the
 * compilation down the full path, which writes it again.
 *
 * <p>The model is unchanged, and equal to the newest snapshot, when the options, the processor, the converters, the
 * newest snapshot and the set of entities are the last build's, and every entity is vouched for: read again (this
 * compilation's own, and those the last build compiled) and its reading is the one recorded, or its class file and
 * every class of this module that class file names, transitively short of other entities, are byte for byte the ones
 * recorded. An entity's reading of another (an object reference's key columns) reads only what that one's own reading
 * holds, and that one is vouched for in turn. Permafrost {@code @Table} entities only: a model with JPA entities is
 * always read in full.
 */
public final class ModelCache {

    /** The file, at the root of the source output. */
    public static final String FILE = "permafrost-model-cache.txt";
    private static final String HEADER = "# Permafrost model cache 1: derived by the annotation processor, safe to delete";
    /** Classes whose meaning the processor's version fixes: never looked for in the class output. */
    private static final List<String> TRUSTED = List.of("java/", "javax/", "jdk/", "dev/permafrost/annotations/");
    private static final String UNKNOWN = "-";

    private final Path file;
    private final Path classOutput;
    /** Whether a class file checked was written too shortly before the recording for its time to vouch for it. */
    private boolean racy;

    private ModelCache(Path file, Path classOutput) {
        this.file = file;
        this.classOutput = classOutput;
    }

    /**
     * The cache of this compilation, or {@code null} when there can be none: no class output directory, or a source
     * output that is the class output (then the file would be packaged).
     */
    public static ModelCache of(Filer filer, Path classOutput) {
        Path file = CacheDir.file(filer, classOutput, FILE);
        return file == null ? null : new ModelCache(file, classOutput);
    }

    /**
     * What must be the same for a recorded model to be this compilation's: the processor's options, the converters
     * found, and the processor's code: the jars (or directories) of the processor and of the runtime's model, diff and
     * snapshot classes it builds with, each by its size and time.
     */
    public static String key(Map<String, String> options, List<String> converters) {
        try {
            return key(options, converters, List.of(codeOf(ModelCache.class), codeOf(Names.class)));
        } catch (Exception e) {
            return null;
        }
    }

    /** {@link #key(Map, List)} with the processor's code in {@code code}. */
    static String key(Map<String, String> options, List<String> converters, List<Path> code) throws IOException {
        StringBuilder key = new StringBuilder();
        new TreeMap<>(options).forEach((k, v) -> {
            if (k.startsWith("permafrost.")) {
                key.append(k).append('=').append(v).append('\n');
            }
        });
        key.append("converters=").append(converters).append('\n');
        for (Path jar : new TreeSet<>(code)) {
            key.append("processor=").append(jar).append(' ').append(Files.size(jar)).append(' ')
                    .append(Files.getLastModifiedTime(jar).toMillis()).append('\n');
        }
        return Names.sha256Hex(key.toString());
    }

    private static Path codeOf(Class<?> type) throws java.net.URISyntaxException {
        return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
    }

    /**
     * A model the cache vouches for: entity classes by table, and the SHA-256 of the schema checkpoint written for it;
     * {@link #rewrite} records how each entity was vouched for this time.
     */
    public static final class Unchanged {
        private final Recorded recorded;
        private final List<Entity> now;
        private final Map<String, String> entities;

        private Unchanged(Recorded recorded, List<Entity> now, Map<String, String> entities) {
            this.recorded = recorded;
            this.now = now;
            this.entities = entities;
        }

        public Map<String, String> entities() {
            return entities;
        }

        public String checkpointSha256() {
            return recorded.checkpointSha256;
        }
    }

    /**
     * The last build's model when it is this compilation's, else {@code null}.
     *
     * @param roots the elements whose sources this compilation was given
     * @param reader reads an entity again; its messages go nowhere (any, a note too, makes the answer {@code null})
     * @param quiet what {@code reader} reports to
     * @param readings gets every entity {@code reader} read without a message, by class name, whatever the answer: a
     *     compilation that goes on to read the model need not read those again
     */
    public Unchanged unchanged(String key, FrozenFiles frozen, Set<? extends Element> roots, EntityReader reader,
                               Diagnostics quiet, Elements elements, Map<String, EntitySource> readings) {
        if (key == null || frozen.newestVersion() == 0) {
            return null;
        }
        Recorded recorded = Recorded.read(file);
        if (recorded == null || !recorded.key.equals(key) || recorded.version != frozen.newestVersion()
                || !recorded.snapshotSha256.equals(frozen.manifest().entries().get(frozen.newestVersion() - 1).sha256())) {
            return null;
        }
        Set<String> rootTypes = new TreeSet<>();
        for (TypeElement type : ElementFilter.typesIn(roots)) {
            collectTypes(type, rootTypes, elements);
        }
        for (String type : rootTypes) {
            String path = internal(type, elements);
            if (path != null && recorded.classes.containsKey(path)) {
                return null; // a class the entities depend on is being compiled again
            }
        }
        for (TypeElement type : ElementFilter.typesIn(roots)) {
            if (Annotations.isEntity(type) && !recorded.entities.containsKey(type.getQualifiedName().toString())) {
                return null; // a new entity
            }
        }
        Set<String> entityPaths = new TreeSet<>();
        recorded.entities.values().forEach(e -> entityPaths.add(e.classFile));
        Map<String, String> entities = new TreeMap<>();
        List<Entity> now = new java.util.ArrayList<>();
        for (Entity entity : recorded.entities.values()) {
            Entity vouched;
            if (rootTypes.contains(entity.className)) {
                vouched = readsTheSame(entity, reader, quiet, elements, readings) ? entity.compiledNow() : null;
            } else if (entity.classFingerprint.equals(UNKNOWN)) {
                vouched = readsTheSame(entity, reader, quiet, elements, readings)
                        ? located(entity.className, entity.table, entity.digest, entityPaths, rootTypes, elements) : null;
            } else {
                vouched = unchangedFiles(entity, recorded);
            }
            if (vouched == null) {
                return null;
            }
            now.add(vouched);
            entities.put(entity.table, entity.className);
        }
        return new Unchanged(recorded, now, entities);
    }

    private static boolean readsTheSame(Entity entity, EntityReader reader, Diagnostics quiet, Elements elements,
                                        Map<String, EntitySource> readings) {
        TypeElement type = elements.getTypeElement(entity.className);
        if (type == null || Annotations.find(type, Annotations.TABLE) == null || Annotations.isJpaEntity(type)) {
            return false;
        }
        int reported = quiet.reported();
        EntitySource read = reader.read(type);
        if (read == null || quiet.reported() != reported) {
            return false; // the full path reads it again and prints what it says (a note on a reserved word, too)
        }
        readings.put(entity.className, read);
        return digest(read).equals(entity.digest);
    }

    /** Records again how each entity of an unchanged model was vouched for, when that is not what is recorded. */
    public void rewrite(Filer filer, Unchanged unchanged) {
        if (!racy && unchanged.now.equals(List.copyOf(unchanged.recorded.entities.values()))) {
            return;
        }
        Recorded was = unchanged.recorded;
        write(filer, was.key, was.version, was.snapshotSha256, was.checkpointSha256, unchanged.now);
    }

    /**
     * Records the model of a compilation that found it equal to the newest snapshot (or wrote it as the newest) and
     * reported nothing; a model with JPA entities, or one the file cannot be written for, is recorded as none.
     *
     * @param sources every entity of the model
     * @param snapshotSha256 the newest snapshot's SHA-256; {@code checkpoint} the schema checkpoint written for it
     */
    public void record(Filer filer, String key, int version, String snapshotSha256, String checkpoint,
                       List<EntitySource> sources, Set<? extends Element> roots, Elements elements) {
        if (key == null) {
            delete();
            return;
        }
        Set<String> rootTypes = new TreeSet<>();
        for (TypeElement type : ElementFilter.typesIn(roots)) {
            collectTypes(type, rootTypes, elements);
        }
        Set<String> entityPaths = new TreeSet<>();
        for (EntitySource source : sources) {
            if (source.implied() || Annotations.isJpaEntity(source.type()) || source.renamedFrom() != null
                    || source.columns().stream().anyMatch(c -> c.renamedFrom() != null)) {
                delete(); // JPA's readings read each other; a rename is checked against the snapshot each time
                return;
            }
            String path = internal(source.className(), elements);
            if (path != null) {
                entityPaths.add(path);
            }
        }
        List<Entity> entities = new java.util.ArrayList<>();
        for (EntitySource source : sources) {
            String className = source.className();
            entities.add(rootTypes.contains(className)
                    ? new Entity(className, source.table(), digest(source), pathOrUnknown(className, elements), UNKNOWN,
                            List.of(), Map.of())
                    : located(className, source.table(), digest(source), entityPaths, rootTypes, elements));
        }
        write(filer, key, version, snapshotSha256, Names.sha256Hex(checkpoint), entities);
    }

    /** An entity read from its class file: that file and the classes it names, or unknown when they are not all here. */
    private Entity located(String className, String table, String digest, Set<String> entityPaths, Set<String> rootTypes,
                           Elements elements) {
        String path = internal(className, elements);
        byte[] bytes = path == null ? null : bytes(path);
        Map<String, String> classes = new TreeMap<>();
        Set<String> depends = bytes == null ? null : depends(path, bytes, entityPaths, rootTypes, classes);
        return depends == null ? new Entity(className, table, digest, pathOrUnknown(className, elements), UNKNOWN,
                List.of(), Map.of())
                : new Entity(className, table, digest, path, fingerprint(path, bytes), List.copyOf(depends), classes);
    }

    private static String pathOrUnknown(String className, Elements elements) {
        String path = internal(className, elements);
        return path == null ? UNKNOWN : path;
    }

    private void write(Filer filer, String key, int version, String snapshotSha256, String checkpointSha256,
                       List<Entity> entities) {
        StringBuilder out = new StringBuilder(HEADER).append('\n');
        out.append("key\t").append(key).append('\n');
        out.append("snapshot\t").append(version).append('\t').append(snapshotSha256).append('\n');
        out.append("checkpoint\t").append(checkpointSha256).append('\n');
        out.append("recorded\t").append(CacheDir.now()).append('\n');
        Map<String, String> classes = new TreeMap<>();
        for (Entity e : entities) {
            out.append("entity\t").append(e.className).append('\t').append(e.table).append('\t').append(e.digest)
                    .append('\t').append(e.classFile).append('\t').append(e.classFingerprint).append('\t')
                    .append(String.join(",", e.depends)).append('\n');
            classes.putAll(e.classes);
        }
        classes.forEach((path, sha) -> out.append("class\t").append(path).append('\t').append(sha).append('\n'));
        CacheDir.write(filer, file, out.toString());
    }

    /** Forgets the recorded model (a compilation that could not vouch for its own). */
    public void delete() {
        CacheDir.delete(file);
    }

    /**
     * The classes of this module that {@code path}'s class file names, transitively through classes that are not
     * entities, with their SHA-256 added to {@code classes}; {@code null} when one is being compiled now or is neither
     * in the class output nor {@link #TRUSTED} (the entity is then read again next time).
     */
    private Set<String> depends(String path, byte[] bytes, Set<String> entityPaths, Set<String> rootTypes,
                                Map<String, String> classes) {
        Set<String> depends = new TreeSet<>();
        Deque<byte[]> pending = new ArrayDeque<>();
        Map<String, Boolean> seen = new HashMap<>();
        seen.put(path, true);
        pending.add(bytes);
        while (!pending.isEmpty()) {
            Set<String> names = ClassReferences.of(pending.poll());
            if (names == null) {
                return null;
            }
            for (String name : names) {
                if (seen.putIfAbsent(name, true) != null || TRUSTED.stream().anyMatch(name::startsWith)
                        || entityPaths.contains(name)) {
                    continue;
                }
                if (rootTypes.contains(name.replace('/', '.').replace('$', '.'))) {
                    return null;
                }
                byte[] dependency = bytes(name);
                if (dependency == null) {
                    return null;
                }
                classes.put(name, fingerprint(name, dependency));
                depends.add(name);
                pending.add(dependency);
            }
        }
        return depends;
    }

    /** {@code entity} with its class file's and dependencies' fingerprints now, or {@code null} when one changed. */
    private Entity unchangedFiles(Entity entity, Recorded recorded) {
        String classFile = current(entity.classFile, entity.classFingerprint, recorded.at);
        if (classFile == null) {
            return null;
        }
        Map<String, String> classes = new TreeMap<>();
        for (String c : entity.depends) {
            String now = recorded.classes.containsKey(c) ? current(c, recorded.classes.get(c), recorded.at) : null;
            if (now == null) {
                return null;
            }
            classes.put(c, now);
        }
        return new Entity(entity.className, entity.table, entity.digest, entity.classFile, classFile, entity.depends,
                classes);
    }

    /**
     * The fingerprint of class file {@code path} when its bytes are the ones {@code recorded} fingerprints, else
     * {@code null}. A file whose size and time are the recorded ones, and whose time was at least two seconds older
     * than the recording ({@code recordedAt}), is not read; otherwise its bytes are hashed (a file written since with
     * the same bytes keeps its place, with its new time).
     */
    private String current(String path, String recorded, long recordedAt) {
        String[] was = recorded.split("@");
        if (was.length != 3) {
            return null;
        }
        CacheDir.Stamp stamp = stamp(path);
        if (stamp == null) {
            return null;
        }
        if (stamp.equals(new CacheDir.Stamp(Long.parseLong(was[1]), Long.parseLong(was[2])))) {
            if (stamp.vouchesAt(recordedAt)) {
                return recorded;
            }
            racy = true;
        }
        byte[] bytes = bytes(path);
        return bytes != null && Names.sha256Hex(bytes).equals(was[0]) ? fingerprint(path, bytes) : null;
    }

    /** SHA-256, size and time of class file {@code path}: {@code sha@size@nanos}. */
    private String fingerprint(String path, byte[] bytes) {
        CacheDir.Stamp stamp = stamp(path);
        return Names.sha256Hex(bytes) + "@" + bytes.length + "@" + (stamp == null ? -1 : stamp.modifiedNanos());
    }

    private CacheDir.Stamp stamp(String path) {
        return CacheDir.Stamp.of(classOutput.resolve(path + ".class"));
    }

    private byte[] bytes(String internalName) {
        try {
            return Files.readAllBytes(classOutput.resolve(internalName + ".class"));
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** The internal name ({@code com/acme/Item$Key}) of a class, or {@code null} when javac does not know it. */
    private static String internal(String className, Elements elements) {
        TypeElement type = elements.getTypeElement(className);
        return type == null ? null : elements.getBinaryName(type).toString().replace('.', '/');
    }

    private static void collectTypes(TypeElement type, Set<String> into, Elements elements) {
        into.add(type.getQualifiedName().toString());
        for (TypeElement nested : ElementFilter.typesIn(type.getEnclosedElements())) {
            collectTypes(nested, into, elements);
        }
    }

    /** An entity's reading, as text: everything the model is built from, none of the elements errors point at. */
    static String digest(EntitySource source) {
        StringBuilder text = new StringBuilder(source.className()).append('|').append(source.table()).append('|')
                .append(source.renamedFrom()).append('|').append(source.primaryKey()).append('|').append(source.implied());
        for (EntitySource.ColumnSource c : source.columns()) {
            // the column's parts rather than its rendered DDL, which is a function of them: cheaper at every build
            Column column = c.column();
            ColumnType type = column.type();
            text.append("\ncolumn ").append(c.element().getSimpleName()).append(' ').append(c.element().asType())
                    .append(' ').append(column.name()).append(' ').append(type.kind().name()).append(' ')
                    .append(type.length()).append(' ').append(type.precision()).append(' ').append(type.scale())
                    .append(' ').append(column.nullable()).append(' ').append(column.identity()).append(' ')
                    .append(column.defaultValue() == null ? "-" : "=" + column.defaultValue()).append(' ')
                    .append(type.natives()).append(' ').append(column.sequence()).append(' ').append(c.id()).append(' ')
                    .append(c.unique()).append(' ').append(c.renamedFrom());
            if (c.reference() != null) {
                EntitySource.ReferenceSource r = c.reference();
                text.append(" references ").append(r.target() == null ? null : r.target().getQualifiedName()).append(' ')
                        .append(r.column()).append(' ').append(r.name()).append(' ').append(r.onDelete()).append(' ')
                        .append(r.onUpdate());
            }
        }
        for (List<EntitySource.IndexSource> list : List.of(source.indexes(), source.uniques())) {
            for (EntitySource.IndexSource i : list) {
                text.append("\nindex ").append(i.name()).append(' ').append(i.columns()).append(' ').append(i.unique());
            }
        }
        for (EntitySource.CheckSource c : source.checks()) {
            text.append("\ncheck ").append(c.name()).append(' ').append(c.condition());
        }
        return Names.sha256Hex(text.toString());
    }

    /**
     * One entity as recorded: its reading's digest, and its class file with the classes it depends on and their
     * fingerprints ({@code sha256@size@nanos}, in {@code classes}); its class file's fingerprint is {@link #UNKNOWN} when
     * it is to be read again (this compilation compiles it, or a class it names is not in the class output).
     */
    private record Entity(String className, String table, String digest, String classFile, String classFingerprint,
                          List<String> depends, Map<String, String> classes) {

        /** This entity, compiled by this compilation: its class file is about to change. */
        Entity compiledNow() {
            return new Entity(className, table, digest, classFile, UNKNOWN, List.of(), Map.of());
        }
    }

    private record Recorded(String key, int version, String snapshotSha256, String checkpointSha256, long at,
                            Map<String, Entity> entities, Map<String, String> classes) {

        static Recorded read(Path file) {
            List<String> lines;
            try {
                lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            } catch (IOException | RuntimeException e) {
                return null;
            }
            if (lines.isEmpty() || !lines.get(0).equals(HEADER)) {
                return null;
            }
            String key = null;
            String snapshot = null;
            String checkpoint = null;
            int version = 0;
            long at = 0;
            Map<String, Entity> entities = new TreeMap<>();
            Map<String, String> classes = new HashMap<>();
            try {
                for (String line : lines.subList(1, lines.size())) {
                    String[] f = line.split("\t", -1);
                    switch (f[0]) {
                        case "key" -> key = f[1];
                        case "snapshot" -> {
                            version = Integer.parseInt(f[1]);
                            snapshot = f[2];
                        }
                        case "checkpoint" -> checkpoint = f[1];
                        case "recorded" -> at = Long.parseLong(f[1]);
                        case "entity" -> entities.put(f[1], new Entity(f[1], f[2], f[3], f[4], f[5],
                                f[6].isEmpty() ? List.of() : List.of(f[6].split(",")), new TreeMap<>()));
                        case "class" -> classes.put(f[1], f[2]);
                        default -> {
                            return null;
                        }
                    }
                }
            } catch (RuntimeException e) {
                return null;
            }
            for (Entity entity : entities.values()) {
                for (String c : entity.depends) {
                    if (!classes.containsKey(c)) {
                        return null;
                    }
                    entity.classes.put(c, classes.get(c));
                }
            }
            return key == null || snapshot == null || checkpoint == null || entities.isEmpty() ? null
                    : new Recorded(key, version, snapshot, checkpoint, at, entities, classes);
        }
    }
}
