package dev.permafrost.processor;

import dev.permafrost.runtime.spi.ResourceMigrationIndex;
import java.io.IOException;
import java.io.Writer;
import java.util.List;
import javax.annotation.processing.Filer;
import javax.lang.model.element.Element;
import javax.tools.StandardLocation;

/**
 * Generates the migration index into the build's output: the resource the runtime reads
 * ({@link ResourceMigrationIndex#RESOURCE}), naming the migrations' package and listing each migration's
 * version, checksum, class and description, then the entity classes. Never written into the source tree,
 * and never a source file: a generated source would cost javac a processing round over every tree at
 * each compile.
 */
final class IndexWriter {

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
        StringBuilder index = new StringBuilder("# Permafrost migration index, generated: the package, then version,"
                + " checksum, class and description of each migration, then the entities.\n");
        index.append("package\t").append(packageName).append('\n');
        for (Entry entry : entries) {
            index.append(entry.version()).append('\t').append(entry.checksum()).append('\t').append(entry.className())
                    .append('\t').append(entry.description().replace('\t', ' ').replace('\n', ' ')).append('\n');
        }
        for (String entity : entities) {
            index.append("entity\t").append(entity).append('\n');
        }
        try (Writer writer = filer.createResource(StandardLocation.CLASS_OUTPUT, "", ResourceMigrationIndex.RESOURCE, originating).openWriter()) {
            writer.write(index.toString());
        }
    }
}
