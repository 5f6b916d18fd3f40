package dev.permafrost.processor.write;

import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeSpec;
import dev.permafrost.processor.SchemaProcessor;
import dev.permafrost.runtime.spi.ResourceMigrationIndex;
import dev.permafrost.model.Names;
import dev.permafrost.snapshot.SchemaCheckpoint;
import dev.permafrost.snapshot.StubChecksum;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.annotation.processing.Filer;
import javax.annotation.processing.Generated;
import javax.lang.model.element.Element;
import javax.lang.model.element.Modifier;
import javax.tools.FileObject;
import javax.tools.StandardLocation;

/**
 * The migration index: a class the runtime finds with {@link java.util.ServiceLoader}, and beside it a
 * resource listing each migration's version, checksum, class and description. The class holds no data,
 * so it is written into the source tree once, with the first migration, and compiled like any other source
 * afterwards; the resource and the service registration are regenerated into the build's output at every
 * build. A compile of an unchanged model therefore generates no source file, and javac runs no extra
 * processing round over every tree of the module.
 */
public final class IndexWriter {

    public static final String CLASS = "PermafrostIndex";
    public static final ClassName BASE = ClassName.get(ResourceMigrationIndex.class);
    public static final String SERVICE = "META-INF/services/dev.permafrost.runtime.spi.MigrationIndex";

    /**
     * One migration in the index.
     *
     * @param checksum of its code ({@code StubChecksum}); {@code sourceChecksum} of its whole source, the scheme
     *     databases migrated before recorded
     */
    public record Entry(int version, String checksum, String sourceChecksum, String className, String description) {
    }

    private IndexWriter() {
    }

    /** The source of {@code <packageName>.PermafrostIndex}; the same bytes for the same package. */
    public static String source(String packageName) {
        TypeSpec type = TypeSpec.classBuilder(CLASS)
                .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
                .superclass(BASE)
                .addAnnotation(AnnotationSpec.builder(Generated.class)
                        .addMember("value", "$S", SchemaProcessor.ENTRY_POINT).build())
                .addJavadoc("The migrations of this module for Permafrost's runtime, found with ServiceLoader. Written once"
                        + " by\nPermafrost's processor: commit it with the migrations. The list itself, "
                        + ResourceMigrationIndex.RESOURCE + ", is\ngenerated beside the compiled class at every build.\n")
                .addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PUBLIC).build())
                .build();
        return JavaFile.builder(packageName, type).indent("    ").build().toString();
    }

    /**
     * Writes the list, the newest schema and the service registration into the class output.
     *
     * @param entries the migrations; one whose stub was deleted after a squash has no class name
     * @param baseline the squashed baseline, or {@code null}
     * @param entities table → qualified name of its entity class, for this compilation's model
     * @param checkpoint the newest schema ({@link SchemaCheckpoint#write}), listed with its SHA-256 so that the runtime
     *     takes only the one written with this list
     */
    public static void writeResources(Filer filer, String packageName, List<Entry> entries, Entry baseline,
                                      Map<String, String> entities, String checkpoint, Element... originating)
            throws IOException {
        StringBuilder index = new StringBuilder("# Permafrost migration index: version, checksum, source checksum,"
                + " class, description; then the entities: class, table; then the newest schema's version and SHA-256.\n");
        for (Entry entry : entries) {
            index.append(entry.version()).append('\t').append(entry.checksum()).append('\t')
                    .append(entry.sourceChecksum()).append('\t').append(entry.className() == null ? "" : entry.className())
                    .append('\t').append(entry.description().replace('\t', ' ').replace('\n', ' ')).append('\n');
        }
        if (baseline != null) {
            index.append("squash\t").append(baseline.version()).append('\t').append(baseline.checksum()).append('\t')
                    .append(baseline.className()).append('\t').append(baseline.description()).append('\n');
        }
        new TreeMap<>(invert(entities)).forEach((entity, table) ->
                index.append("entity\t").append(entity).append('\t').append(table).append('\n'));
        index.append("schema\t").append(entries.size()).append('\t').append(Names.sha256Hex(checkpoint)).append('\n');
        write(filer.createResource(StandardLocation.CLASS_OUTPUT, packageName, SchemaCheckpoint.RESOURCE, originating),
                checkpoint);
        write(filer.createResource(StandardLocation.CLASS_OUTPUT, packageName, ResourceMigrationIndex.RESOURCE,
                originating), index.toString());
        write(filer.createResource(StandardLocation.CLASS_OUTPUT, "", SERVICE, originating),
                packageName + "." + CLASS + "\n");
    }

    private static Map<String, String> invert(Map<String, String> tables) {
        Map<String, String> classes = new TreeMap<>();
        tables.forEach((table, entity) -> classes.put(entity, table));
        return classes;
    }

    /**
     * Table → entity class as the index of an earlier build lists them, read from {@code classOutput}
     * (where an IDE's partial compile finds the last full build's output); empty when there is none.
     */
    public static Map<String, String> previousEntities(Path classOutput, String packageName) {
        Map<String, String> tables = new TreeMap<>();
        for (String line : previousLines(classOutput, packageName)) {
            String[] parts = line.split("\t");
            if (parts.length == 3 && parts[0].equals("entity")) {
                tables.put(parts[2], parts[1]);
            }
        }
        return tables;
    }

    /**
     * The code checksums the index of an earlier build in {@code classOutput} gives, by the SHA-256 of the stub's
     * whole source: a stub whose source is byte for byte the same has the same checksum, so it is not tokenized
     * again (a baseline of 1,000 entities is 0.9 MB of source). Empty when there is no such index, and only checksums
     * of the current scheme ({@link StubChecksum#SCHEME}) are taken.
     */
    public static Map<String, String> previousChecksums(Path classOutput, String packageName) {
        Map<String, String> checksums = new java.util.HashMap<>();
        for (String line : previousLines(classOutput, packageName)) {
            String[] parts = line.split("\t", 5);
            if (parts.length == 5 && parts[1].startsWith(StubChecksum.SCHEME) && parts[2].length() == 64) {
                checksums.put(parts[2], parts[1]);
            }
        }
        return checksums;
    }

    /** The schema checkpoint an earlier build left in {@code classOutput}, or {@code null}. */
    public static String previousCheckpoint(Path classOutput, String packageName) {
        if (classOutput == null) {
            return null;
        }
        try {
            return Files.readString(classOutput.resolve(packageName.replace('.', '/')).resolve(SchemaCheckpoint.RESOURCE),
                    StandardCharsets.UTF_8);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** The lines of the index an earlier build left in {@code classOutput}; none when there is none or it is unreadable. */
    private static List<String> previousLines(Path classOutput, String packageName) {
        if (classOutput == null) {
            return List.of();
        }
        try {
            return Files.readAllLines(indexFile(classOutput, packageName), StandardCharsets.UTF_8);
        } catch (IOException | RuntimeException e) {
            return List.of();
        }
    }

    /** Where an earlier build's index is in {@code classOutput}. */
    static Path indexFile(Path classOutput, String packageName) {
        return classOutput.resolve(packageName.replace('.', '/')).resolve(ResourceMigrationIndex.RESOURCE);
    }

    private static void write(FileObject file, String content) throws IOException {
        try (Writer writer = file.openWriter()) {
            writer.write(content);
        }
    }
}
