package dev.permafrost.runtime.internal;

import dev.permafrost.diff.Differ;
import dev.permafrost.message.Message;
import dev.permafrost.model.Schema;
import dev.permafrost.runtime.Migration;
import dev.permafrost.runtime.PermafrostException;
import dev.permafrost.runtime.spi.MigrationEntry;
import dev.permafrost.runtime.spi.MigrationIndex;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The application's migrations, loaded only when needed, and the schema at each version: the empty
 * schema with every {@code up} replayed in memory, or, for the newest two versions, the schema the build recorded
 * beside the index ({@link MigrationIndex#newestSchema()}) once the newest stub's {@code down} and {@code up} agree
 * with it, so that the everyday deploy (one migration pending) and {@code validate()} load no other stub (ADR 0024).
 * After a squash the schema at the baseline's version comes from the baseline, and below it from the kept stubs'
 * {@code down} when the oldest were deleted (ADR 0025). A migration's plan is the one the processor froze with its
 * stub when it is there for the stub's code (ADR 0026), else recorded and rendered.
 */
public final class Migrations {

    private final MigrationIndex index;
    private final List<MigrationEntry> entries;
    private final TreeMap<Integer, Schema> schemas = new TreeMap<>(Map.of(0, Schema.empty()));
    private boolean checkpointTried;
    /** The squashed baseline, or {@code null}; and the oldest version whose stub is kept (1 when none was deleted). */
    private final MigrationEntry baseline;
    private final int firstKept;
    /** Whether the schema at the baseline's version is taken from it rather than replayed. */
    private final boolean fromBaseline;
    private Recorder.Recording baselineUp;
    /** Recordings without data steps, by version: the same for every database these migrations are applied to. */
    private final Map<Integer, Recorder.Recording> ups = new java.util.HashMap<>();
    private final Map<Integer, Recorder.Recording> downs = new java.util.HashMap<>();
    /** Plans without data steps, by dialect, direction, version and form. */
    private final Map<PlanKey, List<Action>> plans = new java.util.HashMap<>();

    private record PlanKey(dev.permafrost.dialect.Dialect dialect, boolean up, int version, boolean lockSafe) {
    }

    /**
     * One {@code Migrations} per index for this JVM while the index lists the same migrations: the databases of a
     * {@link dev.permafrost.runtime.Fleet} (and every later {@code migrate()} with the same index) record each stub and
     * plan each migration once per dialect instead of once per database. What holds a data step is recorded and
     * planned again for each database, so that no step object runs on two databases at once.
     */
    public static Migrations shared(MigrationIndex index) {
        synchronized (SHARED) {
            java.lang.ref.SoftReference<Migrations> reference = SHARED.get(index);
            Migrations known = reference == null ? null : reference.get();
            List<MigrationEntry> entries = index.migrations();
            if (known == null || !known.entries.equals(entries)) {
                known = new Migrations(index);
                SHARED.put(index, new java.lang.ref.SoftReference<>(known));
            }
            return known;
        }
    }

    /**
     * Softly: a {@code Migrations} holds its index, so a strong value would keep the weak key (and the class loader of
     * its stubs) forever; memory pressure clears it, and the next call makes it again.
     */
    private static final Map<MigrationIndex, java.lang.ref.SoftReference<Migrations>> SHARED = new java.util.WeakHashMap<>();

    /** The migrations of {@code index}, starting from the schema its build recorded where it can. */
    public Migrations(MigrationIndex index) {
        this(index, true);
    }

    /**
     * The migrations of {@code index}, every schema replayed from the stubs: what the test kit holds against the
     * frozen snapshots.
     */
    public static Migrations replayed(MigrationIndex index) {
        return new Migrations(index, false);
    }

    private Migrations(MigrationIndex index, boolean fromCheckpoint) {
        this.index = index;
        this.checkpointTried = !fromCheckpoint;
        this.entries = index.migrations();
        for (int i = 0; i < entries.size(); i++) {
            if (entries.get(i).version() != i + 1) {
                throw Message.INDEX_OUT_OF_ORDER.exception(index, entries.size(), entries.get(i).version(), i + 1);
            }
        }
        this.baseline = index.squashedBaseline();
        int kept = 1;
        while (kept <= entries.size() && entries.get(kept - 1).removed()) {
            kept++;
        }
        this.firstKept = kept;
        if (baseline != null && (baseline.version() < 2 || baseline.version() > entries.size())) {
            throw Message.INDEX_SQUASH.exception(index, "lists a squashed baseline for V" + baseline.version()
                    + " among " + entries.size() + " migrations");
        }
        if (kept > 1 && (baseline == null || kept - 1 > baseline.version())) {
            throw Message.INDEX_SQUASH.exception(index, "lists no stub for V0001 to V" + (kept - 1)
                    + (baseline == null ? " and no squashed baseline" : ", more than its squashed baseline replaces"));
        }
        for (int v = kept; v <= entries.size(); v++) {
            if (entries.get(v - 1).removed()) {
                throw Message.INDEX_SQUASH.exception(index, "lists no stub for V" + v + " but lists later ones");
            }
        }
        this.fromBaseline = baseline != null && (fromCheckpoint || kept > 1);
    }

    /** The squashed baseline, or {@code null} (ADR 0025). */
    public MigrationEntry baseline() {
        return baseline;
    }

    /** The lowest version a database may be at for these migrations to take it anywhere: 0 unless stubs were deleted. */
    public int oldestReachable() {
        return firstKept - 1;
    }

    /** What the squashed baseline's {@code up} records on an empty schema. */
    public synchronized Recorder.Recording baselineUp() {
        if (baselineUp == null) {
            try {
                baselineUp = Recorder.up(index.load(baseline), Schema.empty());
            } catch (IllegalArgumentException | IllegalStateException e) {
                throw Message.MIGRATION_INVALID.exception(e, baseline.version(), baseline.description(), "up",
                        e.getMessage(), baseline.className());
            }
        }
        return baselineUp;
    }

    public List<MigrationEntry> entries() {
        return entries;
    }

    public int latest() {
        return entries.size();
    }

    public MigrationEntry entry(int version) {
        return entries.get(version - 1);
    }

    public Migration load(int version) {
        MigrationEntry entry = entry(version);
        if (entry.removed()) {
            throw Message.INDEX_SQUASH.exception(index, "has no stub for V" + version + " (deleted after the squash into "
                    + baseline.className() + "), which was asked for");
        }
        return index.load(entry);
    }

    /**
     * Whether migration {@code version} takes the lock-safe form in a run that starts at version {@code from} on
     * {@code dialect}: the settings allow it, the stub does not ask for one transaction
     * ({@link dev.permafrost.runtime.OneTransaction}), and the run does not build a new database where DDL is
     * transactional. A run from version 0 only touches tables an earlier migration of the same run created, which
     * nothing else uses yet: the plain form is as safe there and keeps each migration one transaction (a concurrent
     * index build waits for every other transaction on the server, those of a fleet's other tenants too). Where DDL
     * commits at once the form is kept, so that a migration stopped part way is listed as it ran ({@link Incomplete}).
     */
    public boolean lockSafe(int version, boolean allowed, int from, dev.permafrost.dialect.Dialect dialect) {
        return allowed && (from > 0 || !dialect.transactionalDdl())
                && !load(version).getClass().isAnnotationPresent(dev.permafrost.runtime.OneTransaction.class);
    }

    /** The schema once migrations 1..version are applied. */
    public synchronized Schema schemaAt(int version) {
        Schema known = schemas.get(version);
        if (known != null) {
            return known;
        }
        if (!checkpointTried && version >= latest() - 1) {
            checkpointTried = true;
            startFromCheckpoint();
            known = schemas.get(version);
            if (known != null) {
                return known;
            }
        }
        if (fromBaseline && (version >= baseline.version() || firstKept > 1) && !schemas.containsKey(baseline.version())) {
            schemas.put(baseline.version(), baselineUp().after());
        }
        if (version < firstKept - 1) {
            throw Message.INDEX_SQUASH.exception(index, "has no stubs before V" + firstKept + " (deleted after the squash"
                    + " into " + baseline.className() + "), so it does not know the schema at V" + version);
        }
        if (firstKept > 1 && version < baseline.version()) {
            for (int w = baseline.version(); w > version; w--) {
                if (!schemas.containsKey(w - 1)) {
                    schemas.put(w - 1, down(w).after());
                }
            }
            return schemas.get(version);
        }
        int next = schemas.floorKey(version) + 1;
        for (; next <= version; next++) {
            schemas.put(next, up(next).after());
        }
        return schemas.get(version);
    }

    /**
     * Takes the newest schema the build recorded, and the one before it as the newest stub's {@code down} gives it,
     * when its {@code up} then gives the recorded schema again; otherwise nothing is taken and schemas are replayed.
     */
    private void startFromCheckpoint() {
        int newest = latest();
        if (newest == 0) {
            return;
        }
        Schema recorded = index.newestSchema();
        if (recorded == null) {
            return;
        }
        Schema previous;
        Recorder.Recording up;
        try {
            Migration migration = load(newest);
            previous = newest == 1 ? Schema.empty() : Recorder.down(migration, recorded).after();
            up = Recorder.up(migration, previous);
        } catch (RuntimeException e) {
            return; // a down that does not fit the recorded schema: replay, which reports what is wrong
        }
        if (!Differ.equivalent(up.after(), recorded)) {
            return;
        }
        if (newest > 1) {
            schemas.put(newest - 1, previous);
        }
        schemas.put(newest, up.after());
        remember(ups, newest, up); // what up(newest) gives from here: not recorded a second time for the deploy
    }

    /** What {@code up} of {@code version} records, starting from the schema at {@code version - 1}. */
    public synchronized Recorder.Recording up(int version) {
        Recorder.Recording known = ups.get(version);
        if (known != null) {
            return known;
        }
        Schema before = schemaAt(version - 1);
        try {
            return remember(ups, version, Recorder.up(load(version), before));
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw invalid(version, "up", e);
        }
    }

    private static Recorder.Recording remember(Map<Integer, Recorder.Recording> memo, int version,
                                               Recorder.Recording recording) {
        if (recording.steps().stream().noneMatch(Step.Code.class::isInstance)) {
            memo.put(version, recording);
        }
        return recording;
    }

    /**
     * The plan of {@code version} in one direction for {@code dialect}, made by {@code plan} the first time and, when
     * it holds no data step, remembered for the next database.
     */
    public List<Action> plan(dev.permafrost.dialect.Dialect dialect, boolean up, int version, boolean lockSafe,
                             java.util.function.Supplier<List<Action>> plan) {
        PlanKey key = new PlanKey(dialect, up, version, lockSafe);
        synchronized (this) {
            List<Action> known = plans.get(key);
            if (known != null) {
                return known;
            }
        }
        List<Action> frozen = frozenPlan(dialect, up, version, lockSafe);
        List<Action> made = frozen != null ? frozen : plan.get();
        if (made.stream().noneMatch(Action.Data.class::isInstance)) {
            synchronized (this) {
                plans.put(key, made);
            }
        }
        return made;
    }

    /** The plans the processor rendered for each version when it wrote the stub, as read (ADR 0026). */
    private final Map<Integer, java.util.Optional<dev.permafrost.snapshot.Plans>> frozenPlans = new java.util.HashMap<>();

    /**
     * The plan the processor rendered for {@code version} in this direction and form on this database, or {@code null}
     * when there is none or the stub's code is no longer the code it was rendered for.
     */
    private List<Action> frozenPlan(dev.permafrost.dialect.Dialect dialect, boolean up, int version, boolean lockSafe) {
        dev.permafrost.snapshot.Plans plans = frozenPlans(version);
        List<dev.permafrost.snapshot.Plans.Step> steps = plans == null ? null : plans.plans()
                .get(new dev.permafrost.snapshot.Plans.Key(dialect.displayName(), up, lockSafe));
        if (steps == null) {
            return null;
        }
        return FrozenPlans.thaw(steps);
    }

    /** The plans of {@code version} when they are there and rendered for its stub's code as it is, else {@code null}. */
    private synchronized dev.permafrost.snapshot.Plans frozenPlans(int version) {
        if (version < 0 || version == 0 && baseline == null) {
            return null;
        }
        // Version 0 stands for the squashed baseline.
        return frozenPlans.computeIfAbsent(version, v -> {
            MigrationEntry entry = v == 0 ? baseline : entry(v);
            String text = v == 0 ? index.squashedBaselinePlans() : index.plans(v);
            dev.permafrost.snapshot.Plans read = text == null ? null
                    : dev.permafrost.snapshot.Plans.read(v == 0 ? baseline.version() : v, text);
            return java.util.Optional.ofNullable(read != null && read.stubChecksum().equals(entry.checksum())
                    ? read : null);
        }).orElse(null);
    }

    /** The tables the squashed baseline creates: from its plans when they are there, else from its recording. */
    public java.util.Set<String> createdByBaseline() {
        dev.permafrost.snapshot.Plans plans = frozenPlans(0);
        return plans != null ? new java.util.TreeSet<>(plans.creates()) : created(baselineUp());
    }

    /**
     * The tables {@code up} of {@code version} creates: from its plans when they are there, else from its recording.
     */
    public java.util.Set<String> createdBy(int version) {
        dev.permafrost.snapshot.Plans plans = frozenPlans(version);
        if (plans != null) {
            return new java.util.TreeSet<>(plans.creates());
        }
        return created(up(version));
    }

    /** The tables {@code recording} creates. */
    public static java.util.Set<String> created(Recorder.Recording recording) {
        return created(recording.steps());
    }

    /** The tables {@code steps} create, sorted. */
    public static java.util.SortedSet<String> created(List<Step> steps) {
        java.util.SortedSet<String> created = new java.util.TreeSet<>();
        for (Step step : steps) {
            if (step instanceof Step.Change change && change.op() instanceof dev.permafrost.diff.Op.CreateTable create) {
                created.add(create.table());
            }
        }
        return created;
    }

    /** What {@code down} of {@code version} records, starting from the schema at {@code version}. */
    public synchronized Recorder.Recording down(int version) {
        Recorder.Recording known = downs.get(version);
        if (known != null) {
            return known;
        }
        Schema before = schemaAt(version);
        try {
            return remember(downs, version, Recorder.down(load(version), before));
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw invalid(version, "down", e);
        }
    }

    private PermafrostException invalid(int version, String direction, RuntimeException e) {
        MigrationEntry entry = entry(version);
        return Message.MIGRATION_INVALID.exception(e, version, entry.description(), direction, e.getMessage(),
                entry.className());
    }
}
