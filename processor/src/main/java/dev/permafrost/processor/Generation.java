package dev.permafrost.processor;

import dev.permafrost.diff.DiffException;
import dev.permafrost.diff.Differ;
import dev.permafrost.diff.Op;
import dev.permafrost.diff.Replay;
import dev.permafrost.message.Message;
import dev.permafrost.message.Severity;
import dev.permafrost.model.Schema;
import dev.permafrost.model.Table;
import dev.permafrost.processor.diff.Summary;
import dev.permafrost.processor.lint.Lint;
import dev.permafrost.processor.model.ModelBuilder;
import dev.permafrost.processor.read.Annotations;
import dev.permafrost.processor.read.EntityReader;
import dev.permafrost.processor.read.EntitySource;
import dev.permafrost.processor.read.SourceCoverage;
import dev.permafrost.processor.read.TypeMapper;
import dev.permafrost.processor.write.FrozenWriter;
import dev.permafrost.processor.write.IndexWriter;
import dev.permafrost.processor.write.StubFiles;
import dev.permafrost.processor.write.StubWriter;
import dev.permafrost.snapshot.FrozenFiles;
import dev.permafrost.snapshot.Hashing;
import dev.permafrost.snapshot.Manifest;
import dev.permafrost.snapshot.Snapshot;
import dev.permafrost.snapshot.SnapshotException;
import dev.permafrost.snapshot.SnapshotReader;
import dev.permafrost.snapshot.SnapshotWriter;
import dev.permafrost.snapshot.StubChecksum;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.annotation.processing.Filer;
import javax.annotation.processing.ProcessingEnvironment;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.Elements;

/**
 * One compilation's work: validate and read the entities, build the model, hold it against the newest
 * frozen snapshot, and write the next version when they differ. Writes nothing when anything is wrong.
 */
public final class Generation {

    private final Elements elements;
    private final Filer filer;
    private final Map<String, String> rawOptions;
    private final Diagnostics diagnostics;
    private final Annotations annotations;
    private final EntityReader reader;
    private final Set<? extends Element> roots;
    private final Set<String> rootTypes = new java.util.TreeSet<>();
    /** Tables of the newest snapshot whose entity this compilation cannot find: table → the class recorded. */
    private final Map<String, String> unfound = new java.util.TreeMap<>();

    /** @param roots the elements whose sources this compilation was given */
    public Generation(ProcessingEnvironment env, Diagnostics diagnostics, Set<? extends Element> roots) {
        this.elements = env.getElementUtils();
        this.filer = env.getFiler();
        this.rawOptions = env.getOptions();
        this.diagnostics = diagnostics;
        this.annotations = new Annotations(elements);
        this.reader = new EntityReader(annotations, diagnostics, env.getTypeUtils());
        this.roots = roots;
        javax.lang.model.util.ElementFilter.typesIn(roots).forEach(t -> rootTypes.add(t.getQualifiedName().toString()));
    }

    public void run(Set<TypeElement> entityRoots) {
        Options options = Options.parse(rawOptions, diagnostics);
        if (options == null) {
            return;
        }
        Layout layout = Layout.resolve(options, filer, diagnostics);
        if (layout == null) {
            return;
        }
        FrozenFiles frozen;
        try {
            frozen = FrozenFiles.load(layout.schemaDir());
        } catch (SnapshotException e) {
            diagnostics.reportText(null, e.code(), e.getMessage());
            return;
        }
        List<EntitySource> entities = readEntities(entityRoots, frozen, layout);
        if (entities == null) {
            return;
        }
        ModelBuilder.Model model = new ModelBuilder(annotations, diagnostics).build(entities);
        if (model == null) {
            return;
        }
        String migrationsPackage = migrationsPackage(options, frozen.manifest(), entities, layout);
        if (migrationsPackage == null) {
            return;
        }
        StubFiles stubs = StubFiles.check(layout.migrationsDir(), migrationsPackage, frozen.manifest(), diagnostics);
        if (stubs == null) {
            return;
        }
        int newest = frozen.newestVersion();
        Schema from;
        List<Op> ops;
        try {
            if (newest > 0 && model.hints().tables().isEmpty() && model.hints().columns().isEmpty()
                    && SnapshotWriter.body(model.schema()).equals(frozen.body(newest))) {
                from = null;
                ops = List.of();
            } else {
                from = newest == 0 ? Schema.empty() : frozen.snapshot(newest).schema();
                if (newest > 0 && !renamesFit(from, model)) {
                    return;
                }
                ops = Differ.diff(from, model.schema(), model.hints());
                if (!dropsAreProven(ops, layout, newest)) {
                    return;
                }
            }
        } catch (SnapshotException e) {
            diagnostics.reportText(null, e.code(), e.getMessage());
            return;
        } catch (DiffException e) {
            diagnostics.reportText(model.sources().values().iterator().next().type(), e.code(), e.getMessage());
            return;
        }
        Summary summary = ops.isEmpty() ? null : Summary.of(newest + 1, ops);
        Map<Integer, List<String>> notes = ops.isEmpty() || newest == 0 ? Map.of()
                : lint(ops, model, options, Snapshot.versionLabel(newest + 1));
        if (diagnostics.hasErrors()) {
            return;
        }
        Manifest manifest = frozen.manifest();
        String newStub = null;
        if (!ops.isEmpty()) {
            if (options.mode() == Options.Mode.CHECK) {
                StringBuilder list = new StringBuilder();
                ops.forEach(op -> list.append("\n  - ").append(op.describe()));
                diagnostics.report(Message.MODEL_DIFFERS, Snapshot.fileName(newest), list, "V" + Snapshot.versionLabel(newest + 1));
                return;
            }
            Schema next = Replay.apply(from, ops);
            String snapshot = SnapshotWriter.write(new Snapshot(newest + 1, summary.description(),
                    newest == 0 ? null : frozen.hash(newest), model.entities(), next));
            newStub = StubWriter.write(migrationsPackage, summary, ops, notes);
            manifest = (manifest == null ? new Manifest(migrationsPackage, List.of()) : manifest)
                    .with(new Manifest.Entry(newest + 1, Hashing.sha256(snapshot), summary.className()));
            List<FrozenWriter.File> files = new ArrayList<>(List.of(
                    new FrozenWriter.File(stubs.path(summary.className()), newStub, false),
                    new FrozenWriter.File(layout.schemaDir().resolve(Snapshot.fileName(newest + 1)), snapshot, false),
                    new FrozenWriter.File(layout.schemaDir().resolve(Manifest.FILE), manifest.write(), true)));
            Path indexClass = stubs.path(IndexWriter.CLASS);
            if (!Files.exists(indexClass)) {
                files.add(new FrozenWriter.File(indexClass, IndexWriter.source(migrationsPackage), false));
            }
            try {
                for (FrozenWriter.File file : files) {
                    layout.requireInside(file.path());
                }
                FrozenWriter.write(files);
            } catch (IOException | RuntimeException e) {
                diagnostics.report(Message.IO_FAILURE, "write migration", summary.className(), Diagnostics.reason(e));
                return;
            }
            diagnostics.report(Message.WROTE_MIGRATION, stubs.path(summary.className()), summary.description(),
                    layout.schemaDir().resolve(Snapshot.fileName(newest + 1)));
        }
        if (manifest != null) {
            compileAndIndex(manifest, stubs, frozen, summary, newStub, entityRoots, model.entities());
        }
    }

    /**
     * The round's entities, those of the newest snapshot outside this compilation, and referenced ones. An
     * entity of the snapshot is found by its class name, else by its table in the index of the last build
     * (a class renamed or moved since the snapshot was written); one found by neither is remembered, so
     * that its table is dropped only by a compilation that proves it gone.
     */
    private List<EntitySource> readEntities(Set<TypeElement> entityRoots, FrozenFiles frozen, Layout layout) {
        Map<String, EntitySource> byClass = new java.util.LinkedHashMap<>();
        List<TypeElement> queue = new ArrayList<>(entityRoots);
        if (frozen.newestVersion() > 0) {
            Map<String, String> previous = null;
            for (Map.Entry<String, String> recorded : SnapshotReader.entities(frozen.text(frozen.newestVersion())).entrySet()) {
                TypeElement type = entity(recorded.getValue());
                if (type == null) {
                    if (previous == null) {
                        previous = IndexWriter.previousEntities(layout.classOutput(), frozen.manifest().migrationsPackage());
                    }
                    String moved = previous.get(recorded.getKey());
                    type = moved == null ? null : entity(moved);
                }
                if (type != null) {
                    queue.add(type);
                } else {
                    unfound.put(recorded.getKey(), recorded.getValue());
                }
            }
        }
        int before = diagnostics.errors();
        while (!queue.isEmpty()) {
            TypeElement type = queue.remove(0);
            String name = type.getQualifiedName().toString();
            if (byClass.containsKey(name)) {
                continue;
            }
            EntitySource entity = reader.read(type);
            if (entity == null) {
                byClass.put(name, null);
                continue;
            }
            byClass.put(name, entity);
            for (EntitySource.ColumnSource column : entity.columns()) {
                TypeElement target = column.reference() == null ? null : column.reference().target();
                if (target != null && Annotations.find(target, Annotations.TABLE) != null) {
                    queue.add(target);
                }
            }
        }
        if (diagnostics.errors() > before) {
            return null;
        }
        return new ArrayList<>(byClass.values());
    }

    /** The {@code @Table} class of that name, or {@code null}. */
    private TypeElement entity(String className) {
        TypeElement type = elements.getTypeElement(className);
        return type != null && Annotations.find(type, Annotations.TABLE) != null ? type : null;
    }

    /**
     * Whether every table the operations drop is proven gone: its entity was found and changed, or this
     * compilation holds every source of the module. A partial compilation (an IDE's, or one whose class
     * files were deleted) that cannot find an entity must not write the drop of its table.
     */
    private boolean dropsAreProven(List<Op> ops, Layout layout, int newest) {
        List<String> unproven = ops.stream().filter(Op.DropTable.class::isInstance).map(Op::table)
                .filter(unfound::containsKey).toList();
        if (unproven.isEmpty()) {
            return true;
        }
        SourceCoverage coverage = SourceCoverage.of(layout.migrationsDir(), roots, elements);
        if (coverage.full()) {
            return true;
        }
        for (String table : unproven) {
            diagnostics.report(Message.DROP_NOT_PROVEN, table, unfound.get(table), Snapshot.fileName(newest),
                    coverage.compiled(), coverage.total(), layout.migrationsDir(), table);
        }
        return false;
    }

    private String migrationsPackage(Options options, Manifest manifest, List<EntitySource> entities, Layout layout) {
        if (manifest != null) {
            String problem = Options.packageProblem(manifest.migrationsPackage());
            if (problem != null) {
                diagnostics.report(Message.FROZEN_FILE, Manifest.FILE + " in " + layout.schemaDir() + " names migrations"
                        + " package '" + manifest.migrationsPackage() + "', which is not a Java package name (" + problem
                        + "); restore it from version control");
                return null;
            }
            if (options.migrationsPackage() != null && !options.migrationsPackage().equals(manifest.migrationsPackage())) {
                diagnostics.report(Message.PACKAGE_MISMATCH, options.migrationsPackage(), manifest.migrationsPackage(),
                        layout.schemaDir().resolve(Manifest.FILE), manifest.migrationsPackage());
                return null;
            }
            return manifest.migrationsPackage();
        }
        if (options.migrationsPackage() != null) {
            return options.migrationsPackage();
        }
        String common = null;
        for (EntitySource entity : entities) {
            String pkg = elements.getPackageOf(entity.type()).getQualifiedName().toString();
            common = common == null ? pkg : commonPrefix(common, pkg);
        }
        if (common == null || common.isEmpty()) {
            diagnostics.report(Message.NO_PACKAGE);
            return null;
        }
        return common + ".migrations";
    }

    private static String commonPrefix(String a, String b) {
        String[] x = a.split("\\.");
        String[] y = b.split("\\.");
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < Math.min(x.length, y.length) && x[i].equals(y[i]); i++) {
            sb.append(i > 0 ? "." : "").append(x[i]);
        }
        return sb.toString();
    }

    /** Whether every {@code @RenamedFrom} names something in the newest snapshot, or a rename already done. */
    private boolean renamesFit(Schema from, ModelBuilder.Model model) {
        int before = diagnostics.errors();
        model.hints().tables().forEach((table, old) -> {
            if (!from.hasTable(old) && !from.hasTable(table)) {
                TypeElement type = model.sources().get(table).type();
                diagnostics.report(type, Annotations.find(type, Annotations.RENAMED_FROM), Message.RENAMED_FROM_UNKNOWN, old,
                        type.getSimpleName(), "snapshot", "table", old, "table", table);
            }
        });
        model.hints().columns().forEach((table, renames) -> {
            String oldTable = model.hints().tables().getOrDefault(table, table);
            Table current = from.table(table).or(() -> from.table(oldTable)).orElse(null);
            renames.forEach((column, old) -> {
                if (current != null && !current.hasColumn(old) && !current.hasColumn(column)) {
                    Element element = model.sources().get(table).columns().stream()
                            .filter(c -> c.column().name().equals(column)).findFirst().orElseThrow().element();
                    diagnostics.report(element, Annotations.find(element, Annotations.RENAMED_FROM),
                            Message.RENAMED_FROM_UNKNOWN, old, element.getSimpleName(), "table " + current.name(), "column",
                            old, "column", column);
                }
            });
        });
        return diagnostics.errors() == before;
    }

    /** Reports what the operations do to data and returns the comments the stub carries at those operations. */
    private Map<Integer, List<String>> lint(List<Op> ops, ModelBuilder.Model model, Options options, String version) {
        Map<Integer, List<String>> notes = new HashMap<>();
        for (Lint.Finding finding : Lint.check(ops)) {
            EntitySource entity = model.sources().get(finding.table());
            Element element = entity == null ? null : entity.type();
            if (entity != null && finding.column() != null) {
                element = entity.columns().stream().filter(c -> c.column().name().equals(finding.column()))
                        .map(EntitySource.ColumnSource::element).findFirst().orElse(entity.type());
            }
            switch (finding.kind()) {
                case DATA_LOSS -> {
                    boolean refuse = options.dataLoss() == Options.DataLoss.ERROR;
                    diagnostics.report(element, refuse ? Severity.ERROR : Severity.WARNING, Message.DATA_LOSS, "V" + version,
                            refuse ? "would" : "will", finding.text(), finding.reason(), refuse
                                    ? " (permafrost.dataLoss=error turns this into an error; make the change in steps that"
                                            + " keep the data, or set -Apermafrost.dataLoss=warn for this build)" : "");
                    notes.computeIfAbsent(finding.op(), i -> new ArrayList<>())
                            .add("Data loss: " + finding.text() + ". " + finding.reason());
                }
                case UNFILLABLE -> report(element, Message.NOT_NULL_WITHOUT_DEFAULT, finding.table(), finding.column(),
                        finding.text(), nullableFix(entity, finding.column()));
                case UNFILLABLE_RENAME -> report(element, Message.NOT_NULL_LOOKS_LIKE_RENAME, finding.table(),
                        finding.column(), finding.table(), finding.text(), finding.text(),
                        nullableFix(entity, finding.column()));
                case RENAME_SUGGESTION -> report(element, Message.RENAME_SUGGESTION, finding.table(), finding.text(),
                        finding.table(), finding.column(), finding.text());
            }
        }
        return notes;
    }

    private static String nullableFix(EntitySource entity, String column) {
        if (entity == null) {
            return "@Column(nullable = true)";
        }
        return entity.columns().stream().filter(c -> c.column().name().equals(column)).findFirst()
                .map(c -> c.element().asType().getKind().isPrimitive()
                        ? "a boxed type such as " + TypeMapper.box(c.element().asType())
                        : "@Column(nullable = true)")
                .orElse("@Column(nullable = true)");
    }

    private void report(Element element, Message msg, Object... args) {
        if (element == null) {
            diagnostics.report(msg, args);
        } else {
            diagnostics.report(element, msg, args);
        }
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

    /**
     * Makes every migration and the index class part of this compilation (a file written into the source
     * tree now is not compiled by this javac run, so it also goes through the Filer) and generates the
     * index's list. When everything is in the source tree already, no source file is generated.
     */
    private void compileAndIndex(Manifest manifest, StubFiles stubs, FrozenFiles frozen, Summary written, String writtenStub,
                                 Set<TypeElement> roots, Map<String, String> entities) {
        String pkg = manifest.migrationsPackage();
        List<IndexWriter.Entry> entries = new ArrayList<>();
        Element[] originating = roots.toArray(new Element[0]);
        try {
            for (Manifest.Entry entry : manifest.entries()) {
                boolean isNew = written != null && entry.version() == written.version();
                String source = isNew ? writtenStub : stubs.read(entry.migrationClass());
                String className = pkg + "." + entry.migrationClass();
                if (!compiledWithoutFiler(className)) {
                    try (Writer writer = filer.createSourceFile(className, originating).openWriter()) {
                        writer.write(source);
                    }
                }
                String description = isNew ? written.description() : SnapshotReader.description(frozen.text(entry.version()));
                entries.add(new IndexWriter.Entry(entry.version(), StubChecksum.of(source), Hashing.sha256(source), className,
                        description));
            }
            String indexClass = pkg + "." + IndexWriter.CLASS;
            if (!compiledWithoutFiler(indexClass)) {
                try (Writer writer = filer.createSourceFile(indexClass, originating).openWriter()) {
                    writer.write(IndexWriter.source(pkg));
                }
            }
            IndexWriter.writeResources(filer, pkg, entries, entities, originating);
        } catch (SnapshotException e) {
            diagnostics.reportText(null, e.code(), e.getMessage());
        } catch (IOException | UncheckedIOException e) {
            diagnostics.report(Message.IO_FAILURE, "generate", "the migration index of " + pkg, Diagnostics.reason(e));
        }
    }
}
