package dev.permafrost.processor.write;

import dev.permafrost.diff.Differ;
import dev.permafrost.message.Message;
import dev.permafrost.model.Schema;
import dev.permafrost.processor.Diagnostics;
import dev.permafrost.snapshot.FrozenFiles;
import dev.permafrost.snapshot.Hashing;
import dev.permafrost.snapshot.Manifest;
import dev.permafrost.snapshot.Snapshot;
import dev.permafrost.snapshot.StubChecksum;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A squash to version N ({@code -Apermafrost.squash=N}, ADR 0025): the baseline migration that builds snapshot N
 * directly, and the manifest that records it with the checksum of every migration it replaces. Nothing is written
 * when the manifest records that squash already; a replaced migration with data steps is refused unless confirmed.
 */
public final class SquashWriter {

    /** What a squash writes: the manifest with the squash, the baseline's class and source, and its plans. */
    public record Squash(Manifest manifest, String className, String source, String plans) {
    }

    private SquashWriter() {
    }

    /**
     * The squash {@code version} asks for, or {@code null} when there is nothing to write (no squash asked for, or
     * the manifest has it already) or a problem was reported.
     */
    public static Squash plan(int version, Set<Integer> withoutData, FrozenFiles frozen, Manifest manifest,
                              StubFiles stubs, Set<dev.permafrost.processor.Target> databases, Diagnostics diagnostics) {
        if (version == 0) {
            return null;
        }
        int newest = manifest == null ? 0 : manifest.newestVersion();
        if (version < 2 || version > newest) {
            diagnostics.report(Message.SQUASH_TARGET, version, newest < 2 ? "there are " + newest + " snapshot(s), and a"
                    + " squash replaces two versions at least" : "squash to a version from 2 to the newest snapshot, "
                    + Snapshot.label(newest));
            return null;
        }
        Manifest.Squash existing = manifest.squash();
        if (existing != null && existing.version() >= version) {
            if (existing.version() > version) {
                diagnostics.report(Message.SQUASH_BEHIND, version, Snapshot.label(existing.version()),
                        existing.baselineClass());
            }
            return null;
        }
        List<Manifest.Replaced> replaced = new ArrayList<>();
        List<String> unconfirmed = new ArrayList<>();
        List<Integer> unconfirmedVersions = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        for (Manifest.Entry entry : manifest.entries().subList(0, version)) {
            if (existing != null && entry.version() <= existing.version()
                    && !Files.exists(stubs.path(entry.migrationClass()))) {
                replaced.add(existing.replaced().get(entry.version() - 1));
                continue;
            }
            String source = stubs.read(entry.migrationClass());
            List<String> steps = DataSteps.in(source);
            replaced.add(new Manifest.Replaced(entry.version(), StubChecksum.of(source), Hashing.sha256(source),
                    !steps.isEmpty()));
            if (steps.isEmpty()) {
                continue;
            }
            String what = entry.migrationClass() + " (" + String.join(", ", steps) + ")";
            if (withoutData.contains(entry.version())) {
                notes.add(what + " ran data steps that this baseline does not run: confirmed with");
                notes.add("  -Apermafrost.squash.withoutData. Add here what a fresh database needs of them.");
            } else {
                unconfirmed.add(what);
                unconfirmedVersions.add(entry.version());
            }
        }
        if (!unconfirmed.isEmpty()) {
            diagnostics.report(Message.SQUASH_DATA_STEPS, version, String.join(" and ", unconfirmed)
                    + (unconfirmed.size() == 1 ? " holds data steps" : " hold data steps"),
                    String.join(",", unconfirmedVersions.stream().map(String::valueOf).toList()),
                    unconfirmedVersions.get(0) - 1);
            return null;
        }
        String className = Manifest.Squash.className(version);
        if (Files.exists(stubs.path(className))) {
            diagnostics.report(Message.FROZEN_FILE, stubs.path(className) + " exists, but " + Manifest.FILE + " records no"
                    + " squash to " + Snapshot.label(version) + " (left by an interrupted compile?); delete it and compile"
                    + " again");
            return null;
        }
        Schema schema = frozen.snapshot(version).schema();
        java.util.List<dev.permafrost.diff.Op> ops = Differ.diff(Schema.empty(), schema);
        String source = StubWriter.squashed(manifest.migrationsPackage(), className, version, ops, notes);
        String plans = PlanWriter.write(version, StubChecksum.of(source), Schema.empty(), schema, ops, databases);
        return new Squash(manifest.with(new Manifest.Squash(version, className, replaced)), className, source, plans);
    }
}
