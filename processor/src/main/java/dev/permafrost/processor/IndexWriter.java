package dev.permafrost.processor;

import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeSpec;
import java.io.IOException;
import java.io.Writer;
import java.util.List;
import javax.annotation.processing.Filer;
import javax.annotation.processing.Generated;
import javax.lang.model.element.Element;
import javax.lang.model.element.Modifier;
import javax.tools.FileObject;
import javax.tools.StandardLocation;

/**
 * Generates the migration index into the build's output: a class the runtime finds with
 * {@link java.util.ServiceLoader}, and beside it a resource listing each migration's version, checksum,
 * class and description. Never written into the source tree.
 */
final class IndexWriter {

    static final String CLASS = "PermafrostIndex";
    static final ClassName BASE = ClassName.get("dev.permafrost.runtime.spi", "ResourceMigrationIndex");
    static final String SERVICE = "META-INF/services/dev.permafrost.runtime.spi.MigrationIndex";
    static final String RESOURCE = "permafrost-index.txt";

    /** One migration in the index. */
    record Entry(int version, String checksum, String className, String description) {
    }

    private IndexWriter() {
    }

    /**
     * @param entities the qualified names of the entity classes of this compilation's model
     */
    static void write(Filer filer, String packageName, List<Entry> entries, List<String> entities, Element... originating)
            throws IOException {
        TypeSpec.Builder type = TypeSpec.classBuilder(CLASS)
                .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
                .superclass(BASE)
                .addAnnotation(AnnotationSpec.builder(Generated.class)
                        .addMember("value", "$S", PermafrostProcessor.class.getName()).build())
                .addJavadoc("The migrations of this module for Permafrost's runtime; generated, never edit.\n")
                .addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PUBLIC).build());
        for (Element element : originating) {
            type.addOriginatingElement(element);
        }
        JavaFile.builder(packageName, type.build()).indent("    ").build().writeTo(filer);

        StringBuilder index = new StringBuilder("# Permafrost migration index: version, checksum, class, description;"
                + " then the entities.\n");
        for (Entry entry : entries) {
            index.append(entry.version()).append('\t').append(entry.checksum()).append('\t').append(entry.className())
                    .append('\t').append(entry.description().replace('\t', ' ').replace('\n', ' ')).append('\n');
        }
        for (String entity : entities) {
            index.append("entity\t").append(entity).append('\n');
        }
        write(filer.createResource(StandardLocation.CLASS_OUTPUT, packageName, RESOURCE, originating), index.toString());
        write(filer.createResource(StandardLocation.CLASS_OUTPUT, "", SERVICE, originating),
                packageName + "." + CLASS + "\n");
    }

    private static void write(FileObject file, String content) throws IOException {
        try (Writer writer = file.openWriter()) {
            writer.write(content);
        }
    }
}
