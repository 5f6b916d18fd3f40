package dev.permafrost.processor.write;

import dev.permafrost.message.Message;
import dev.permafrost.processor.Diagnostics;
import dev.permafrost.processor.diff.Summary;
import dev.permafrost.processor.read.SourceCoverage;
import dev.permafrost.snapshot.FrozenFiles;
import dev.permafrost.snapshot.Hashing;
import dev.permafrost.snapshot.Manifest;
import dev.permafrost.snapshot.Plans;
import dev.permafrost.snapshot.Snapshot;
import dev.permafrost.snapshot.SnapshotException;
import dev.permafrost.snapshot.SchemaCheckpoint;
import dev.permafrost.snapshot.StubChecksum;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import javax.annotation.processing.Filer;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;

/**
 * Makes every migration and the index class part of this compilation and generates the index's list. A
 * file written into the source tree now is not compiled by this javac run, so it also goes through the
 * Filer; when everything is in the compilation already, no source file is generated.
 */
public final class CompiledMigrations {

    /**
     * How many of the newest migrations' plans go beside the index: what a deploy applies. A database further behind
     * has the older migrations' SQL rendered at run time (ADR 0026).
     */
    public static final int PLANS_KEPT = 10;

    private final Filer filer;
    private final Elements elements;
    private final Diagnostics diagnostics;
    private final Set<String> rootTypes = new TreeSet<>();

    /** @param roots the elements whose sources this compilation was given */
    public CompiledMigrations(Filer filer, Elements elements, Set<? extends Element> roots, Diagnostics diagnostics) {
        this.filer = filer;
        this.elements = elements;
        this.diagnostics = diagnostics;
        ElementFilter.typesIn(roots).forEach(t -> rootTypes.add(t.getQualifiedName().toString()));
    }

    /**
     * @param written the migration written by this compilation, or {@code null}
     * @param writtenStub its source
     * @param writtenSquash the squashed baseline written by this compilation, or {@code null}
     * @param originating the entities, for incremental builds
     * @param entities entity classes by table, recorded beside the index
     * @param classOutput where the index of the last build is, whose checksums of unchanged stubs are taken over
     * @param checkpoint the schema of the newest frozen snapshot ({@link SchemaCheckpoint#write}), recorded beside the
     *     index for the runtime
     * @param schemaDir where the plans of the newest migrations are, copied beside the index ({@link #PLANS_KEPT})
     * @param digests the stubs as read beside javac's thread; a stub not there is read now
     */
    public void compileAndIndex(Manifest manifest, StubFiles stubs, FrozenFiles frozen, Summary written, String writtenStub,
                                SquashWriter.Squash writtenSquash, Set<TypeElement> originating,
                                Map<String, String> entities, Path classOutput, String checkpoint, Path schemaDir,
                                StubDigests digests) {
        String pkg = manifest.migrationsPackage();
        Map<String, String> known = IndexWriter.previousChecksums(classOutput, pkg);
        List<IndexWriter.Entry> entries = new ArrayList<>();
        Element[] origins = originating.toArray(new Element[0]);
        try {
            Manifest.Squash squash = manifest.squash();
            for (Manifest.Entry entry : manifest.entries()) {
                boolean isNew = written != null && entry.version() == written.version();
                String description = isNew ? written.description() : frozen.description(entry.version());
                if (!isNew && squash != null && entry.version() <= squash.version()
                        && !Files.exists(stubs.path(entry.migrationClass()))) {
                    // deleted after the squash (StubFiles allows it for the oldest): listed by its recorded checksums
                    Manifest.Replaced replaced = squash.replaced().get(entry.version() - 1);
                    entries.add(new IndexWriter.Entry(entry.version(), replaced.checksum(), replaced.sourceChecksum(), null,
                            description));
                    continue;
                }
                StubDigests.Digest digest = isNew ? null : digests.get(stubs.path(entry.migrationClass()));
                if (digest != null) {
                    entries.add(compile(pkg, entry.version(), entry.migrationClass(), digest, description, origins));
                    continue;
                }
                String source = isNew ? writtenStub : stubs.read(entry.migrationClass());
                entries.add(compile(pkg, entry.version(), entry.migrationClass(), source, description, known, origins));
            }
            IndexWriter.Entry baseline = null;
            if (squash != null) {
                String source = writtenSquash != null ? writtenSquash.source() : stubs.read(squash.baselineClass());
                baseline = compile(pkg, squash.version(), squash.baselineClass(), source, "squashed baseline of V0001 to "
                        + Snapshot.label(squash.version()), known, origins);
            }
            String indexClass = pkg + "." + IndexWriter.CLASS;
            if (!compiledWithoutFiler(indexClass)) {
                try (Writer writer = filer.createSourceFile(indexClass, origins).openWriter()) {
                    writer.write(IndexWriter.source(pkg));
                }
            }
            IndexWriter.writeResources(filer, pkg, entries, baseline, entities, checkpoint, origins);
            List<String> plans = new ArrayList<>();
            for (int v = Math.max(1, manifest.newestVersion() - PLANS_KEPT + 1); v <= manifest.newestVersion(); v++) {
                plans.add(Plans.fileName(v));
            }
            if (squash != null) {
                plans.add(Plans.baselineFileName(squash.version())); // what a fresh database runs
            }
            for (String name : plans) {
                Path file = schemaDir.resolve(name);
                if (Files.isRegularFile(file)) {
                    try (java.io.OutputStream out = filer.createResource(javax.tools.StandardLocation.CLASS_OUTPUT, pkg,
                            name, origins).openOutputStream()) {
                        Files.copy(file, out); // as bytes: a 1,000-table baseline's plans are some 3 MB
                    }
                }
            }
        } catch (SnapshotException e) {
            diagnostics.reportText(null, e.code(), e.getMessage());
        } catch (IOException | UncheckedIOException e) {
            diagnostics.report(Message.IO_FAILURE, "generate", "the migration index of " + pkg, Diagnostics.reason(e));
        }
    }

    /** Makes stub {@code simpleName} part of this compilation, and gives its index entry. */
    private IndexWriter.Entry compile(String pkg, int version, String simpleName, String source, String description,
                                      Map<String, String> known, Element[] origins) throws IOException {
        String sourceChecksum = Hashing.sha256(source);
        String checksum = known.get(sourceChecksum);
        return compile(pkg, version, simpleName, new StubDigests.Digest(source, sourceChecksum,
                checksum != null ? checksum : StubChecksum.of(source)), description, origins);
    }

    /** Makes a stub whose checksums were taken already part of this compilation, and gives its index entry. */
    private IndexWriter.Entry compile(String pkg, int version, String simpleName, StubDigests.Digest digest,
                                      String description, Element[] origins) throws IOException {
        String className = pkg + "." + simpleName;
        if (!compiledWithoutFiler(className)) {
            try (Writer writer = filer.createSourceFile(className, origins).openWriter()) {
                writer.write(digest.source());
            }
        }
        return new IndexWriter.Entry(version, digest.checksum(), digest.sourceChecksum(), className, description);
    }

    /**
     * Whether javac puts {@code className} into this build's output without the Filer: its source is one this
     * compilation was given, or it is a class compiled earlier. A source that javac merely finds on the source
     * path (Maven passes {@code -sourcepath src/main/java}, where a new stub has just been written) is read for
     * its symbols but never compiled, so it must go through the Filer like a class that is not there at all.
     */
    private boolean compiledWithoutFiler(String className) {
        if (rootTypes.contains(className)) {
            return true;
        }
        TypeElement type = elements.getTypeElement(className);
        return type != null && SourceCoverage.fromClassFile(type, elements);
    }
}
