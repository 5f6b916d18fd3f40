package dev.permafrost.processor;

import dev.permafrost.diff.Replay;
import dev.permafrost.message.Message;
import dev.permafrost.model.Schema;
import dev.permafrost.model.Names;
import dev.permafrost.processor.cache.FrozenStats;
import dev.permafrost.processor.cache.ModelCache;
import dev.permafrost.processor.diff.Changes;
import dev.permafrost.processor.diff.Summary;
import dev.permafrost.processor.lint.LintReport;
import dev.permafrost.processor.lint.TargetCheck;
import dev.permafrost.processor.model.ModelBuilder;
import dev.permafrost.processor.read.Annotations;
import dev.permafrost.processor.read.AutoConverters;
import dev.permafrost.processor.read.EntityCollector;
import dev.permafrost.processor.read.EntityReader;
import dev.permafrost.processor.read.JpaReader;
import dev.permafrost.processor.read.EntitySource;
import dev.permafrost.processor.read.SourceCoverage;
import dev.permafrost.processor.write.CompiledMigrations;
import dev.permafrost.processor.write.FrozenWriter;
import dev.permafrost.processor.write.IndexWriter;
import dev.permafrost.processor.write.MigrationsPackage;
import dev.permafrost.processor.write.PlanWriter;
import dev.permafrost.processor.write.SquashWriter;
import dev.permafrost.processor.write.StubDigests;
import dev.permafrost.processor.write.StubFiles;
import dev.permafrost.processor.write.StubWriter;
import dev.permafrost.snapshot.FrozenFiles;
import dev.permafrost.snapshot.Hashing;
import dev.permafrost.snapshot.Manifest;
import dev.permafrost.snapshot.Plans;
import dev.permafrost.snapshot.SchemaCheckpoint;
import dev.permafrost.snapshot.Snapshot;
import dev.permafrost.snapshot.SnapshotException;
import dev.permafrost.snapshot.SnapshotReader;
import dev.permafrost.snapshot.SnapshotWriter;
import dev.permafrost.snapshot.StubChecksum;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.annotation.processing.ProcessingEnvironment;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.Elements;

/**
 * One compilation's work, stage by stage: options and layout, the frozen files, the entities, the model,
 * the changes against the newest snapshot, their lint, and the next version written when they differ.
 * A stage that finds a problem reports it and throws {@link Abort}; nothing is written then.
 */
public final class Generation {

    private final ProcessingEnvironment env;
    private final Elements elements;
    private final Diagnostics diagnostics;
    private AutoConverters converters = AutoConverters.none();
    private final Annotations annotations;
    private final Set<? extends Element> roots;
    private String stage = "starting";
    private Element concerned;
    /** What the last build verified of the frozen files, or {@code null} when nothing can be kept. */
    private FrozenStats stats;
    /** Verifies the frozen snapshots while the entities are read. */
    private FrozenVerifier verifier;

    /** @param roots the elements whose sources this compilation was given */
    public Generation(ProcessingEnvironment env, Diagnostics diagnostics, Set<? extends Element> roots) {
        this.env = env;
        this.elements = env.getElementUtils();
        this.diagnostics = diagnostics;
        this.annotations = new Annotations(elements);
        this.roots = roots;
    }

    /** Runs every stage; throws {@link Abort} when one has reported a problem. */
    public void run(Set<TypeElement> entityRoots) {
        stage = "reading the options";
        Options options = Abort.unless(Options.parse(env.getOptions(), diagnostics));
        Layout layout = Abort.unless(Layout.resolve(options, env.getFiler(), diagnostics));
        stage = "reading the frozen files in " + layout.schemaDir();
        stats = FrozenStats.of(env.getFiler(), layout.classOutput(), layout.schemaDir());
        FrozenFiles frozen = frozenFiles(layout, stats == null ? FrozenFiles.Trusted.NONE : stats);
        StubDigests digests = new StubDigests();
        verifier = FrozenVerifier.start(frozen, () -> digests.compute(layout.migrationsDir(), layout.classOutput(),
                frozen.manifest()));
        try {
            run(entityRoots, options, layout, frozen, digests);
        } catch (RuntimeException | Error stop) {
            verifier.awaitAfter(stop, diagnostics);
            throw stop;
        }
        verifier.awaitQuietly(diagnostics);
    }

    /** The stages after the frozen files are listed, while {@link #verifier} verifies them. */
    private void run(Set<TypeElement> entityRoots, Options options, Layout layout, FrozenFiles frozen,
                     StubDigests digests) {
        EntityReader reader = new EntityReader(annotations, diagnostics, env.getTypeUtils(), options.databases(),
                options.naming());
        JpaReader jpa = new JpaReader(annotations, diagnostics, env.getTypeUtils(), reader, options.databases(),
                options.jpaNaming());
        converters = AutoConverters.find(roots, frozen.newestVersion() == 0 ? List.of()
                : SnapshotReader.converters(frozen.header(frozen.newestVersion())), elements, env.getTypeUtils(), annotations,
                diagnostics);
        jpa.convertWith(converters);
        ModelCache cache = ModelCache.of(env.getFiler(), layout.classOutput());
        String cacheKey = cache == null ? null : ModelCache.key(env.getOptions(), converters.names());
        Map<String, EntitySource> readings = new HashMap<>();
        if (cache != null && options.squash() == 0 && indexedUnchanged(cache, cacheKey, frozen, options, layout,
                entityRoots, readings, digests)) {
            return;
        }
        verifyNewest(frozen);
        EntityCollector collector = new EntityCollector(elements, reader, jpa, diagnostics, readings);
        List<EntitySource> entities = Abort.unless(collector.collect(entityRoots, frozen, layout.classOutput(), type -> {
            stage = "reading entity " + type.getQualifiedName();
            concerned = type;
        }));
        concerned = null;
        stage = "building the schema model";
        ModelBuilder.Model model = Abort.unless(new ModelBuilder(annotations, diagnostics, options.naming())
                .build(entities));
        TargetCheck.check(model, options.databases(), diagnostics);
        String migrationsPackage = Abort.unless(MigrationsPackage.choose(options, frozen.manifest(), entities,
                layout.schemaDir(), elements, diagnostics));
        StubFiles stubs = Abort.unless(StubFiles.check(layout.migrationsDir(), migrationsPackage, frozen.manifest(),
                diagnostics));
        stage = "comparing the model with " + Snapshot.fileName(frozen.newestVersion());
        Changes changes = Changes.between(frozen, model, collector.unfound(), layout.migrationsDir(),
                () -> SourceCoverage.of(layout.migrationsDir(), roots, elements), diagnostics);
        Manifest manifest = frozen.manifest();
        SquashWriter.Squash squash = options.mode() == Options.Mode.CHECK ? null
                : SquashWriter.plan(options.squash(), options.withoutData(), frozen, manifest, stubs, options.databases(),
                        diagnostics);
        frozenVerified(frozen);
        if (diagnostics.hasErrors()) {
            throw Abort.reported();
        }
        Summary summary = null;
        String stub = null;
        // The newest frozen schema after this compilation, recorded beside the index for the runtime (ADR 0024).
        Schema newest = changes.none() ? changes.from() : Replay.apply(changes.from(), changes.ops());
        if (!changes.none()) {
            int next = changes.newest() + 1;
            summary = Summary.of(next, changes.ops());
            Map<Integer, List<String>> notes = changes.newest() == 0 ? Map.of()
                    : LintReport.report(changes.ops(), model, options, Snapshot.versionLabel(next), diagnostics);
            if (diagnostics.hasErrors()) {
                throw Abort.reported();
            }
            if (options.mode() == Options.Mode.CHECK) {
                StringBuilder list = new StringBuilder();
                changes.ops().forEach(op -> list.append("\n  - ").append(op.describe()));
                diagnostics.report(Message.MODEL_DIFFERS, Snapshot.fileName(changes.newest()), list, Snapshot.label(next));
                throw Abort.reported();
            }
            stage = "writing " + Snapshot.label(next);
            stub = StubWriter.write(migrationsPackage, summary, changes.ops(), notes);
            manifest = writeNext(frozen, model, changes, newest, summary, stub, stubs, layout, migrationsPackage, squash,
                    options);
        } else if (diagnostics.hasErrors()) {
            throw Abort.reported();
        } else if (squash != null) {
            stage = "writing " + squash.className();
            manifest = writeSquash(squash, stubs, layout);
        }
        if (manifest != null) {
            stage = "generating the migration index";
            String checkpoint = SchemaCheckpoint.write(manifest.newestVersion(), newest);
            new CompiledMigrations(env.getFiler(), elements, roots, diagnostics)
                    .compileAndIndex(manifest, stubs, frozen, summary, stub, squash, entityRoots, model.entities(),
                            layout.classOutput(), checkpoint, layout.schemaDir(), digests);
            if (cache != null && diagnostics.problems() == 0) {
                stage = "recording the model for the next build";
                cache.record(env.getFiler(), cacheKey, manifest.newestVersion(),
                        manifest.entries().get(manifest.newestVersion() - 1).sha256(), checkpoint, entities, roots,
                        elements);
            } else if (cache != null) {
                cache.delete();
            }
        }
    }

    /**
     * Whether the model is the last build's, as {@link ModelCache} vouches without reading the entities this
     * compilation was not given; the index is then written as that build wrote it. Any doubt is a {@code false}.
     */
    private boolean indexedUnchanged(ModelCache cache, String cacheKey, FrozenFiles frozen, Options options,
                                     Layout layout, Set<TypeElement> entityRoots, Map<String, EntitySource> readings,
                                     StubDigests digests) {
        stage = "checking the last build's model";
        Diagnostics quiet = Diagnostics.silent();
        ModelCache.Unchanged unchanged = cache.unchanged(cacheKey, frozen, roots, new EntityReader(annotations, quiet,
                env.getTypeUtils(), options.databases(), options.naming()), quiet, elements, readings);
        if (unchanged == null) {
            return false;
        }
        Manifest manifest = frozen.manifest();
        String checkpoint = IndexWriter.previousCheckpoint(layout.classOutput(), manifest.migrationsPackage());
        if (checkpoint == null || !Names.sha256Hex(checkpoint).equals(unchanged.checkpointSha256())) {
            return false;
        }
        String migrationsPackage = Abort.unless(MigrationsPackage.choose(options, manifest, List.of(),
                layout.schemaDir(), elements, diagnostics));
        StubFiles stubs = Abort.unless(StubFiles.check(layout.migrationsDir(), migrationsPackage, manifest,
                diagnostics));
        frozenVerified(frozen);
        if (diagnostics.hasErrors()) {
            throw Abort.reported();
        }
        stage = "generating the migration index";
        new CompiledMigrations(env.getFiler(), elements, roots, diagnostics).compileAndIndex(manifest, stubs, frozen,
                null, null, null, entityRoots, unchanged.entities(), layout.classOutput(), checkpoint,
                layout.schemaDir(), digests);
        if (diagnostics.problems() == 0) {
            cache.rewrite(env.getFiler(), unchanged);
        }
        return true;
    }

    /** What the processor was doing, for a crash report ("reading entity com.acme.Item"). */
    public String stage() {
        return stage;
    }

    /** The entity the processor was working on, or {@code null} when it was not on one. */
    public Element concerned() {
        return concerned;
    }

    /**
     * Waits until every frozen snapshot is verified (throwing {@link Abort} when one is not as frozen), and records
     * them for the next build: nothing is written before.
     */
    private void frozenVerified(FrozenFiles frozen) {
        stage = "verifying the frozen files in " + frozen.dir();
        verifier.await(diagnostics);
        if (stats != null) {
            stats.record(env.getFiler(), frozen);
        }
    }

    private FrozenFiles frozenFiles(Layout layout, FrozenFiles.Trusted trusted) {
        try {
            return FrozenFiles.open(layout.schemaDir(), trusted);
        } catch (SnapshotException e) {
            diagnostics.reportText(null, e.code(), e.getMessage());
            throw Abort.reported();
        }
    }

    /**
     * Reads and verifies the newest snapshot, whoever vouched for it: the model is held against it. When it is not as
     * frozen, the first problem of all is reported (an older snapshot from another branch is why the newest names the
     * wrong parent), as the verifier finds it going from the oldest.
     */
    private void verifyNewest(FrozenFiles frozen) {
        try {
            if (frozen.newestVersion() > 0) {
                frozen.text(frozen.newestVersion());
            }
        } catch (SnapshotException e) {
            verifier.await(diagnostics);
            diagnostics.reportText(null, e.code(), e.getMessage());
            throw Abort.reported();
        }
    }

    /** Writes a squashed baseline and the manifest that records it; returns that manifest. */
    private Manifest writeSquash(SquashWriter.Squash squash, StubFiles stubs, Layout layout) {
        List<FrozenWriter.File> files = List.of(
                new FrozenWriter.File(stubs.path(squash.className()), squash.source(), false),
                baselinePlans(squash, layout),
                new FrozenWriter.File(layout.schemaDir().resolve(Manifest.FILE), squash.manifest().write(), true));
        write(files, layout, squash.className());
        reportSquash(squash, stubs);
        return squash.manifest();
    }

    private static FrozenWriter.File baselinePlans(SquashWriter.Squash squash, Layout layout) {
        return new FrozenWriter.File(layout.schemaDir().resolve(Plans.baselineFileName(squash.manifest().squash()
                .version())), squash.plans(), false);
    }

    private void reportSquash(SquashWriter.Squash squash, StubFiles stubs) {
        int version = squash.manifest().squash().version();
        diagnostics.report(Message.WROTE_BASELINE, stubs.path(squash.className()), Snapshot.fileName(version),
                Snapshot.label(version - 1), Manifest.FILE);
    }

    private void write(List<FrozenWriter.File> files, Layout layout, String what) {
        try {
            for (FrozenWriter.File file : files) {
                layout.requireInside(file.path());
            }
            FrozenWriter.write(files);
        } catch (IOException | RuntimeException e) {
            diagnostics.report(Message.IO_FAILURE, "write migration", what, Diagnostics.reason(e));
            throw Abort.reported();
        }
    }

    /**
     * Writes the next snapshot, stub, manifest (and the index class the first time, and the squashed baseline when this
     * compile writes one too); returns the new manifest.
     */
    private Manifest writeNext(FrozenFiles frozen, ModelBuilder.Model model, Changes changes, Schema schema,
                               Summary summary, String stub, StubFiles stubs, Layout layout, String migrationsPackage,
                               SquashWriter.Squash squash, Options options) {
        int next = changes.newest() + 1;
        String snapshot = SnapshotWriter.write(new Snapshot(next, summary.description(),
                changes.newest() == 0 ? null : frozen.hash(changes.newest()), model.entities(), schema, converters.names()));
        Manifest base = squash != null ? squash.manifest() : frozen.manifest();
        Manifest manifest = (base == null ? new Manifest(migrationsPackage, List.of()) : base)
                .with(new Manifest.Entry(next, Hashing.sha256(snapshot), summary.className()));
        Path snapshotFile = layout.schemaDir().resolve(Snapshot.fileName(next));
        List<FrozenWriter.File> files = new ArrayList<>(List.of(
                new FrozenWriter.File(stubs.path(summary.className()), stub, false),
                new FrozenWriter.File(snapshotFile, snapshot, false),
                new FrozenWriter.File(layout.schemaDir().resolve(Manifest.FILE), manifest.write(), true)));
        if (squash != null) {
            files.add(new FrozenWriter.File(stubs.path(squash.className()), squash.source(), false));
            files.add(baselinePlans(squash, layout));
        }
        stage = "rendering the plans of " + Snapshot.label(next);
        files.add(new FrozenWriter.File(layout.schemaDir().resolve(Plans.fileName(next)), PlanWriter.write(next,
                StubChecksum.of(stub), changes.from(), schema, changes.ops(), options.databases()), false));
        Path indexClass = stubs.path(IndexWriter.CLASS);
        if (!Files.exists(indexClass)) {
            files.add(new FrozenWriter.File(indexClass, IndexWriter.source(migrationsPackage), false));
        }
        write(files, layout, summary.className());
        diagnostics.report(Message.WROTE_MIGRATION, stubs.path(summary.className()), summary.description(), snapshotFile);
        if (squash != null) {
            reportSquash(squash, stubs);
        }
        return manifest;
    }
}
