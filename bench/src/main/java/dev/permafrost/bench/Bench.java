package dev.permafrost.bench;

import dev.permafrost.runtime.Migrator;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.flywaydb.core.Flyway;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.VerboseMode;

/**
 * Runs every benchmark in one go, prints a table and one {@code RATIO <name> <value>} line per
 * comparison (Permafrost's figure divided by the peer's; lower is better). Started by bench/run.sh.
 */
public final class Bench {

    private final Path work;
    private final boolean quick;
    private final List<String[]> table = new ArrayList<>();
    private final Map<String, Double> ratios = new LinkedHashMap<>();

    private Bench(Path work, boolean quick) {
        this.work = work;
        this.quick = quick;
    }

    public static void main(String[] args) throws Exception {
        Path work = Path.of(System.getProperty("bench.work", "bench/target/work")).toAbsolutePath();
        boolean quick = Boolean.parseBoolean(System.getProperty("bench.quick", "false"));
        delete(work);
        Files.createDirectories(work);
        Bench bench = new Bench(work, quick);
        bench.machine();
        if ("locks".equals(System.getProperty("bench.only"))) {
            bench.lockStalls();
            bench.print();
            return;
        }
        if ("deploy".equals(System.getProperty("bench.only"))) {
            bench.deploy(Workload.generate(work.resolve("w1000"), 1000));
            bench.print();
            return;
        }
        if ("javac".equals(System.getProperty("bench.only"))) {
            bench.javac1000();
            bench.print();
            return;
        }
        if ("fleet".equals(System.getProperty("bench.only"))) {
            bench.fleets();
            bench.print();
            return;
        }
        Workload workload = Workload.generate(work.resolve("w1000"), 1000);
        bench.startup(workload);
        bench.deploy(workload);
        bench.apply(workload);
        bench.javac();
        bench.javac1000();
        bench.rebuild();
        bench.testKit();
        bench.lockStalls();
        bench.fleets();
        bench.print();
    }

    // ---- start-up on an up-to-date database ----

    private void startup(Workload workload) throws Exception {
        progress("start-up on a database at version 1000 (fresh JVMs, Permafrost and Flyway in turn)");
        Path pfDb = work.resolve("startup-permafrost.db");
        Path fwDb = work.resolve("startup-flyway.db");
        Migrator.configure("jdbc:sqlite:" + pfDb).migrations(workload.index()).build().migrate();
        Flyway.configure().dataSource("jdbc:sqlite:" + fwDb, null, null).locations("filesystem:" + workload.flyway).load()
                .migrate();
        String classpath = workload.classes + File.pathSeparator + System.getProperty("java.class.path");
        List<Double> pf = new ArrayList<>();
        List<Double> fw = new ArrayList<>();
        int runs = quick ? 3 : 11;
        for (int i = 0; i < runs; i++) {
            pf.add(applied(Jvm.run(List.of(), classpath, DeployChild.class, "permafrost", "jdbc:sqlite:" + pfDb), 0));
            fw.add(applied(Jvm.run(List.of(), classpath, DeployChild.class, "flyway", "jdbc:sqlite:" + fwDb,
                    workload.flyway.toString()), 0));
        }
        Path classLog = work.resolve("startup-classes.log");
        Jvm.run(List.of("-Xlog:class+load=info:file=" + classLog), classpath, DeployChild.class, "permafrost",
                "jdbc:sqlite:" + pfDb);
        long jooq;
        try (Stream<String> lines = Files.lines(classLog)) {
            jooq = lines.filter(l -> l.contains(" org.jooq.")).count();
        }
        row("startup, up to date at V1000 (first migrate(), ms)", Stats.median(pf), Stats.median(fw), "Flyway 13", "<= 0.1",
                Stats.spread(pf) + " / " + Stats.spread(fw) + "; jOOQ classes loaded: " + jooq);
        ratios.put("startup_uptodate_1000_vs_flyway", Stats.median(pf) / Stats.median(fw));
    }

    // ---- the everyday deploy: one pending migration, and a cold JVM's first one ----

    private void deploy(Workload workload) throws Exception {
        progress("deploying the one pending migration to a database at V0999, fresh JVMs (Permafrost and Flyway in turn)");
        Path pfBase = work.resolve("deploy-permafrost-base.db");
        Path fwBase = work.resolve("deploy-flyway-base.db");
        Migrator.configure("jdbc:sqlite:" + pfBase).migrations(workload.index()).build().migrateTo(workload.versions - 1);
        Flyway.configure().dataSource("jdbc:sqlite:" + fwBase, null, null).locations("filesystem:" + workload.flyway)
                .target(String.valueOf(workload.versions - 1)).load().migrate();
        String classpath = workload.classes + File.pathSeparator + System.getProperty("java.class.path");
        int runs = quick ? 3 : 9;
        List<Double> pf = new ArrayList<>();
        List<Double> fw = new ArrayList<>();
        Path pfDb = work.resolve("deploy-permafrost.db");
        Path fwDb = work.resolve("deploy-flyway.db");
        for (int i = 0; i < runs; i++) {
            Files.copy(pfBase, pfDb, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            Files.copy(fwBase, fwDb, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            pf.add(applied(Jvm.run(List.of(), classpath, DeployChild.class, "permafrost", "jdbc:sqlite:" + pfDb), 1));
            fw.add(applied(Jvm.run(List.of(), classpath, DeployChild.class, "flyway", "jdbc:sqlite:" + fwDb,
                    workload.flyway.toString()), 1));
        }
        row("deploy one pending at V0999, fresh JVM (first migrate(), ms)", Stats.median(pf), Stats.median(fw),
                "Flyway 13", "<= 0.25", Stats.spread(pf) + " / " + Stats.spread(fw));
        ratios.put("apply_one_pending_at_1000_vs_flyway", Stats.median(pf) / Stats.median(fw));

        List<Double> validate = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            validate.add(Jvm.run(List.of(), classpath, DeployChild.class, "validate", "jdbc:sqlite:" + pfDb).value("MS"));
        }
        row("validate() at V1000, fresh JVM (ms)", Stats.median(validate), Double.NaN, "", "printed",
                Stats.spread(validate));
        ratios.put("validate_at_1000_ms", Stats.median(validate));

        progress("a cold JVM's first migrate(): a ten-table baseline on an empty SQLite file (Permafrost and Flyway in turn)");
        Workload baseline = Workload.generate(work.resolve("w1"), 1);
        String baselinePath = baseline.classes + File.pathSeparator + System.getProperty("java.class.path");
        pf.clear();
        fw.clear();
        for (int i = 0; i < runs; i++) {
            Files.deleteIfExists(pfDb);
            Files.deleteIfExists(fwDb);
            pf.add(applied(Jvm.run(List.of(), baselinePath, DeployChild.class, "permafrost", "jdbc:sqlite:" + pfDb), 1));
            fw.add(applied(Jvm.run(List.of(), baselinePath, DeployChild.class, "flyway", "jdbc:sqlite:" + fwDb,
                    baseline.flyway.toString()), 1));
        }
        row("cold JVM, first migrate() applying a baseline (ms)", Stats.median(pf), Stats.median(fw), "Flyway 13",
                "<= 0.5", Stats.spread(pf) + " / " + Stats.spread(fw));
        ratios.put("cold_jvm_apply_one_vs_flyway", Stats.median(pf) / Stats.median(fw));
    }

    /** The child's time, after checking that it applied {@code expected} migrations. */
    private static double applied(Jvm.Run run, int expected) {
        if (run.value("APPLIED") != expected) {
            throw new IllegalStateException("a deploy applied " + run.value("APPLIED") + " migrations, not " + expected);
        }
        return run.value("MS");
    }

    // ---- applying 1000 migrations to an empty database ----

    private void apply(Workload workload) throws Exception {
        progress("applying 1000 migrations to an empty SQLite file (JMH, single shot: Permafrost, Flyway, raw JDBC)");
        Map<String, Double> ms = jmh(ApplyBenchmark.class, quick ? 1 : 2, quick ? 2 : 5,
                "-Dbench.workload=" + workload.root);
        row("apply 1000 migrations to empty (ms, JMH)", ms.get("permafrost"), ms.get("flyway"), "Flyway 13", "<= 0.5", "");
        row("apply 1000 migrations to empty (ms, JMH)", ms.get("permafrost"), ms.get("rawJdbc"),
                "raw JDBC, commit per version", "floor", "");
        ratios.put("apply_empty_1000_vs_flyway", ms.get("permafrost") / ms.get("flyway"));
        ratios.put("apply_empty_1000_vs_raw_jdbc", ms.get("permafrost") / ms.get("rawJdbc"));

        progress("applying 1000 migrations in a fresh JVM each, for peak memory");
        String classpath = workload.classes + File.pathSeparator + System.getProperty("java.class.path");
        List<Jvm.Run> pf = new ArrayList<>();
        List<Jvm.Run> fw = new ArrayList<>();
        for (int i = 0; i < (quick ? 1 : 3); i++) {
            pf.add(Jvm.run(List.of("-Xmx1g"), classpath, ApplyChild.class, "permafrost",
                    "jdbc:sqlite:" + work.resolve("cold-pf-" + i + ".db")));
            fw.add(Jvm.run(List.of("-Xmx1g"), classpath, ApplyChild.class, "flyway",
                    "jdbc:sqlite:" + work.resolve("cold-fw-" + i + ".db"), workload.flyway.toString()));
        }
        row("apply 1000 migrations, cold JVM (ms)", median(pf, "MS"), median(fw, "MS"), "Flyway 13", "", "");
        row("migrate() of 1000 migrations, peak heap used (MB, -Xmx1g)", median(pf, "HEAP_PEAK_MB"),
                median(fw, "HEAP_PEAK_MB"), "Flyway 13", "printed", "peak RSS " + median(pf, "RSS_PEAK_MB") + " vs "
                        + median(fw, "RSS_PEAK_MB") + " MB");
    }

    // ---- javac on 500 entities ----

    private void javac() throws Exception {
        progress("javac on 500 entities of 15 columns (fresh JVMs): plain, Permafrost first and steady, Hibernate");
        Path root = work.resolve("javac");
        Path pfSources = root.resolve("permafrost/src/main/java");
        Path schema = root.resolve("permafrost/src/main/resources/db/permafrost");
        Path jpaSources = root.resolve("jpa/src/main/java");
        List<Path> entities = Entities.permafrost(pfSources, 500);
        List<Path> jpaEntities = Entities.jpa(jpaSources, 500);
        String classpath = System.getProperty("java.class.path");
        String hibernate = System.getProperty("bench.hibernate.classpath");
        Path migrations = pfSources.resolve(Entities.PACKAGE.replace('.', '/')).resolve("migrations");
        List<String> permafrostOptions = permafrostOptions(classpath, schema, pfSources);

        int runs = quick ? 2 : 15;
        List<Double> first = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            delete(schema);
            delete(migrations);
            first.add(javacRun(root, "first", entities, classpath, permafrostOptions).wallMs());
        }
        List<Path> withStub = withStubs(entities, migrations);
        Map<Path, String> frozen = snapshotOf(schema);
        frozen.putAll(snapshotOf(migrations));
        List<Jvm.Run> plain = new ArrayList<>();
        List<Jvm.Run> steady = new ArrayList<>();
        List<Jvm.Run> hib = new ArrayList<>();
        List<Jvm.Run> hibPlain = new ArrayList<>();
        List<Jvm.Run> noop = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            plain.add(javacRun(root, "plain", withStub, classpath, List.of("-proc:none")));
            noop.add(javacRun(root, "noop", withStub, classpath, List.of("-processorpath", classpath, "-processor",
                    NoopProcessor.class.getName())));
            steady.add(javacRun(root, "steady", withStub, classpath, permafrostOptions));
            hib.add(javacRun(root, "hibernate", jpaEntities, hibernate, List.of("-processorpath", hibernate, "-processor",
                    "org.hibernate.processor.HibernateProcessor")));
            hibPlain.add(javacRun(root, "jpa-plain", jpaEntities, hibernate, List.of("-proc:none")));
        }
        Map<Path, String> after = snapshotOf(schema);
        after.putAll(snapshotOf(migrations));
        if (!frozen.equals(after)) {
            throw new IllegalStateException("a steady-state compile changed the frozen files");
        }
        try (Stream<Path> generated = Files.walk(generated(root.resolve("out-steady")))) {
            if (generated.anyMatch(p -> p.toString().endsWith(".java"))) {
                throw new IllegalStateException("a steady-state compile generated a source file (an extra javac round)");
            }
        }
        double plainMs = medianWall(plain);
        double steadyMs = medianWall(steady);
        double hibMs = medianWall(hib);
        row("javac 500 entities, steady state (ms, whole process)", steadyMs, plainMs, "javac -proc:none", "<= 1.10",
                "runs " + Stats.spread(walls(steady)) + " / " + Stats.spread(walls(plain)));
        row("javac 500 entities, steady state vs a processor doing nothing", steadyMs, medianWall(noop),
                "no-op processor", "", "javac's own cost of any processor: " + String.format("%.2f", medianWall(noop) / plainMs)
                        + " x plain");
        row("javac 500 entities, first build (writes baseline)", Stats.median(first), plainMs, "javac -proc:none", "", "");
        row("javac 500 entities, steady state vs Hibernate processor", steadyMs, hibMs, "hibernate-processor 7.4",
                "", "Hibernate's own overhead: " + String.format("%.0f ms over %.0f ms plain", hibMs - medianWall(hibPlain),
                        medianWall(hibPlain)));
        row("processor peak heap used, 500 entities (MB, -Xmx1g)", median(steady, "HEAP_PEAK_MB"),
                median(plain, "HEAP_PEAK_MB"), "javac -proc:none", "printed", "peak RSS " + median(steady, "RSS_PEAK_MB")
                        + " vs " + median(plain, "RSS_PEAK_MB") + " MB; Hibernate " + median(hib, "HEAP_PEAK_MB") + " MB heap");
        ratios.put("javac_500_entities_vs_plain_javac", steadyMs / plainMs);
        ratios.put("javac_500_entities_vs_noop_processor", steadyMs / medianWall(noop));
        ratios.put("javac_500_entities_first_build_vs_plain_javac", Stats.median(first) / plainMs);
        ratios.put("javac_500_entities_vs_hibernate_processor", steadyMs / hibMs);
    }

    // ---- javac at 1,000 entities: an unchanged rebuild, and an IDE's compile of the one entity edited ----

    private void javac1000() throws Exception {
        progress("javac on 1000 entities (fresh JVMs): a full rebuild of an unchanged model, and one entity compiled alone"
                + " against the last build's classes, as an IDE does");
        Path root = work.resolve("javac1000");
        Path sources = root.resolve("permafrost/src/main/java");
        Path schema = root.resolve("permafrost/src/main/resources/db/permafrost");
        List<Path> entities = Entities.permafrost(sources, 1000);
        String classpath = System.getProperty("java.class.path");
        Path migrations = sources.resolve(Entities.PACKAGE.replace('.', '/')).resolve("migrations");
        List<String> permafrostOptions = permafrostOptions(classpath, schema, sources);
        javacRun(root, "first", entities, classpath, permafrostOptions);
        int history = writeHistory(root, entities, classpath, permafrostOptions, schema);
        List<Path> all = withStubs(entities, migrations);
        // nine of each, interleaved: on two cores the wall time of one build spreads by more than the margin measured
        int runs = quick ? 2 : 9;
        List<Jvm.Run> plain = new ArrayList<>();
        List<Jvm.Run> noop = new ArrayList<>();
        List<Jvm.Run> steady = new ArrayList<>();
        List<Jvm.Run> reading = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            plain.add(javacRun(root, "plain", all, classpath, List.of("-proc:none")));
            noop.add(javacRun(root, "noop", all, classpath, List.of("-processorpath", classpath, "-processor",
                    NoopProcessor.class.getName())));
            steady.add(javacRun(root, "steady", all, classpath, permafrostOptions));
            reading.add(javacRun(root, "reading", all, classpath, List.of("-processorpath", classpath, "-processor",
                    ReadingProcessor.class.getName())));
        }
        row("javac 1000 entities, unchanged rebuild vs a processor doing nothing (ms)", medianWall(steady),
                medianWall(noop), "no-op processor", "<= 1.05", "plain javac " + String.format("%.0f", medianWall(plain))
                        + " ms; " + history + " versions");
        ratios.put("javac_1000_entities_steady_vs_noop_processor", medianWall(steady) / medianWall(noop));
        row("  the same, CPU time of the whole process (ms)", median(steady, "CPU_MS"), median(noop, "CPU_MS"),
                "no-op processor", "", "runs " + Stats.spread(cpus(steady)) + " / " + Stats.spread(cpus(noop))
                        + " ms CPU, " + Stats.spread(walls(steady)) + " / " + Stats.spread(walls(noop)) + " ms wall");
        ratios.put("javac_1000_entities_steady_vs_noop_processor_cpu", median(steady, "CPU_MS") / median(noop, "CPU_MS"));
        row("  the same, against a processor that reads every entity's members and nothing more (ms)",
                medianWall(steady), medianWall(reading), "reading no-op", "", "which is " + String.format("%.3f",
                        medianWall(reading) / medianWall(noop)) + " x the no-op processor");
        ratios.put("javac_1000_entities_steady_vs_reading_processor", medianWall(steady) / medianWall(reading));

        // The last steady build's output is the IDE's: the edited entity is compiled into it, the others are class files.
        Path output = root.resolve("out-steady");
        Path edited = entities.get(entities.size() / 2);
        String againstOutput = output + File.pathSeparator + classpath;
        List<Jvm.Run> plainOne = new ArrayList<>();
        List<Jvm.Run> one = new ArrayList<>();
        for (int i = 0; i < runs + 2; i++) {
            plainOne.add(javacInto(root, "plain-one", root.resolve("out-plain-one"), List.of(edited), againstOutput,
                    List.of("-proc:none")));
            one.add(javacInto(root, "one", output, List.of(edited), againstOutput, permafrostOptions));
        }
        row("javac one entity of 1000 (IDE-style, ms)", medianWall(one), medianWall(plainOne), "javac -proc:none",
                "<= 1.5", "runs " + Stats.spread(walls(one)) + " / " + Stats.spread(walls(plainOne)) + "; " + history
                        + " versions");
        ratios.put("javac_one_entity_of_1000_vs_plain_javac", medianWall(one) / medianWall(plainOne));
    }

    /** How many versions the javac workload has: its baseline, then one added column each, as a project lives. */
    private static final int JAVAC_VERSIONS = 21;

    /**
     * Writes the javac workload's history after its baseline: a nullable column added to every 45th entity, each compiled
     * alone into the first build's output as an IDE does, so that each writes the next version (a column added last in
     * the snapshots, wherever its field is). The 500th entity, the one the IDE-style measure compiles, is never edited.
     * Returns how many versions there are.
     */
    private int writeHistory(Path root, List<Path> entities, String classpath, List<String> permafrostOptions,
                             Path schema) throws Exception {
        Path output = root.resolve("out-first");
        String againstOutput = output + File.pathSeparator + classpath;
        for (int k = 1; k < JAVAC_VERSIONS; k++) {
            Path entity = entities.get(k * 45 - 1);
            String source = Files.readString(entity);
            String edited = source.replace("    String description;\n", "    String description;\n    Integer extra" + k + ";\n");
            if (edited.equals(source)) {
                throw new IllegalStateException("the workload's entity changed shape: " + entity);
            }
            Files.writeString(entity, edited);
            javacInto(root, "history", output, List.of(entity), againstOutput, permafrostOptions);
        }
        try (Stream<Path> files = Files.list(schema)) {
            long versions = files.filter(f -> f.getFileName().toString().endsWith(".sql")).count();
            if (versions != JAVAC_VERSIONS) {
                throw new IllegalStateException("the javac workload has " + versions + " versions, not " + JAVAC_VERSIONS);
            }
        }
        return JAVAC_VERSIONS;
    }

    /** javac's options that run Permafrost's processor with explicit frozen-file directories. */
    private static List<String> permafrostOptions(String classpath, Path schema, Path sources) {
        return List.of("-processorpath", classpath, "-processor", "dev.permafrost.processor.PermafrostProcessor",
                "-Apermafrost.schemaDir=" + schema, "-Apermafrost.migrationsDir=" + sources);
    }

    /** The entities' sources and, after them, the stubs a first build wrote, as a build tool compiles them. */
    private static List<Path> withStubs(List<Path> entities, Path migrations) throws IOException {
        List<Path> all = new ArrayList<>(entities);
        try (Stream<Path> stubs = Files.list(migrations)) {
            stubs.sorted().forEach(all::add);
        }
        return all;
    }

    /** javac into {@code out}, which is kept as it is (an IDE's output directory). */
    private Jvm.Run javacInto(Path root, String name, Path out, List<Path> sources, String classpath, List<String> options)
            throws Exception {
        Files.createDirectories(out);
        Path generated = generated(out);
        Files.createDirectories(generated);
        List<String> arguments = new ArrayList<>(List.of("-d", out.toString(), "-s", generated.toString(), "-classpath",
                classpath, "-nowarn", "-implicit:none"));
        arguments.addAll(options);
        sources.forEach(s -> arguments.add(s.toString()));
        Path argFile = root.resolve("args-" + name + ".txt");
        Files.write(argFile, arguments);
        return Jvm.run(List.of("-Xmx1g"), System.getProperty("java.class.path"), JavacChild.class, argFile.toString());
    }

    /** Where javac writes generated sources for {@code out}, as build tools keep them apart from the classes. */
    private static Path generated(Path out) {
        return out.resolveSibling(out.getFileName() + "-generated");
    }

    private Jvm.Run javacRun(Path root, String name, List<Path> sources, String classpath, List<String> options)
            throws Exception {
        Path out = root.resolve("out-" + name);
        delete(out);
        delete(generated(out));
        return javacInto(root, name, out, sources, classpath, options);
    }

    private static Map<Path, String> snapshotOf(Path dir) throws IOException {
        Map<Path, String> files = new HashMap<>();
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path file : walk.filter(Files::isRegularFile).toList()) {
                files.put(file, Files.readString(file) + Files.getLastModifiedTime(file));
            }
        }
        return files;
    }

    // ---- SQLite rebuild of 1,000,000 rows ----

    private void rebuild() throws Exception {
        int rows = quick ? 100_000 : 1_000_000;
        progress("type change on a table of " + rows + " rows with two indexes (JMH, single shot)");
        Map<String, Double> ms = jmh(RebuildBenchmark.class, 1, quick ? 2 : 8, "-Dbench.rows=" + rows);
        row("SQLite rebuild, " + rows + " rows (ms, JMH)", ms.get("permafrost"), ms.get("rawCopy"),
                "hand-written copy", "<= 1.2", "");
        ratios.put(quick ? "sqlite_rebuild_100k_rows_vs_raw_copy" : "sqlite_rebuild_1m_rows_vs_raw_copy",
                ms.get("permafrost") / ms.get("rawCopy"));
    }

    // ---- the test kit on 100 migrations ----

    private void testKit() throws Exception {
        int versions = quick ? 30 : 100;
        progress("the test kit's nine checks on a project with " + versions + " migrations");
        Jvm.Run run = Jvm.run(List.of("-Xmx1g"), System.getProperty("java.class.path"), KitChild.class,
                work.resolve("kit").toString(), String.valueOf(versions));
        StringBuilder checks = new StringBuilder();
        run.lines().stream().filter(l -> l.startsWith("CHECK_")).forEach(l -> checks.append(checks.isEmpty() ? "" : ", ")
                .append(l.substring(6).replace(' ', '=')).append(" ms"));
        row("test kit, all 8 checks, " + versions + " migrations (ms)", run.value("KIT_MS"), Double.NaN, "", "seconds",
                checks.toString());
        System.out.println(run.lines().stream().filter(l -> l.startsWith("GENERATE_MS")).findFirst().orElse(""));
    }

    // ---- shared ----

    private Map<String, Double> jmh(Class<?> benchmark, int warmups, int iterations, String property) throws Exception {
        Options options = new OptionsBuilder()
                .include(benchmark.getName() + "\\.")
                .forks(1)
                .warmupIterations(warmups)
                .measurementIterations(iterations)
                .jvmArgsAppend(forkArguments(property))
                .verbosity(VerboseMode.SILENT)
                .build();
        Map<String, Double> medians = new HashMap<>();
        for (RunResult result : new Runner(options).run()) {
            String method = result.getParams().getBenchmark();
            medians.put(method.substring(method.lastIndexOf('.') + 1),
                    result.getPrimaryResult().getStatistics().getPercentile(50));
        }
        return medians;
    }

    /** The forked JVM's arguments; JMH's own use of {@code sun.misc.Unsafe} is allowed where the JDK would warn. */
    private static String[] forkArguments(String property) {
        List<String> arguments = new ArrayList<>(List.of("-Xmx2g", property, "-Dorg.jooq.no-logo=true",
                "-Dorg.jooq.no-tips=true", "--enable-native-access=ALL-UNNAMED",
                "-Djava.util.logging.config.file=" + System.getProperty("java.util.logging.config.file")));
        if (Runtime.version().feature() >= 23) {
            arguments.add("--sun-misc-unsafe-memory-access=allow");
        }
        return arguments.toArray(String[]::new);
    }

    // ---- fleets of tenant databases ----

    private void fleets() throws Exception {
        int targets = quick ? 40 : 200;
        Workload workload = Workload.generate(work.resolve("w20"), 20);
        for (boolean grouped : new boolean[] {false, true}) {
            String mode = grouped ? ", each tenant in one transaction (groupPending / Flyway's group)" : "";
            String key = grouped ? "_grouped" : "";
            progress("migrating " + targets + " SQLite files from empty to V0020, " + Fleets.THREADS
                    + " at a time (Permafrost's Fleet, a Flyway loop in an executor)" + mode);
            fleet(targets + " SQLite files", grouped, "fleet_" + targets + "_sqlite" + key + "_vs_flyway_loop",
                    round -> Fleets.sqlite(work, workload, targets, round, grouped));
            if (!LockStalls.available()) {
                progress("PostgreSQL does not answer on 127.0.0.1:5432: the schema fleet is not measured");
                continue;
            }
            progress("migrating " + targets + " PostgreSQL schemas from empty to V0020, " + Fleets.THREADS
                    + " at a time" + mode);
            fleet(targets + " PostgreSQL schemas", grouped, "fleet_" + targets + "_pg_schemas" + key + "_vs_flyway_loop",
                    round -> Fleets.postgres(work, workload, targets, round, grouped));
        }
    }

    /** One round of a fleet benchmark: milliseconds for Permafrost, the Flyway loop and the raw-JDBC floor. */
    private interface FleetRound {
        double[] run(int round) throws Exception;
    }

    /** Runs the rounds of one fleet benchmark and prints its row, its floor's row and its ratio. */
    private void fleet(String targets, boolean grouped, String ratio, FleetRound rounds) throws Exception {
        List<Double> pf = new ArrayList<>();
        List<Double> fw = new ArrayList<>();
        List<Double> floor = new ArrayList<>();
        for (int round = 0; round < (quick ? 1 : 3); round++) {
            double[] ms = rounds.run(round);
            pf.add(ms[0]);
            fw.add(ms[1]);
            floor.add(ms[2]);
        }
        row("fleet of " + targets + " to V0020, " + Fleets.THREADS + " threads" + (grouped ? ", grouped" : "") + " (ms)",
                Stats.median(pf), Stats.median(fw), "Flyway 13 loop", "<= 0.3",
                Stats.spread(pf) + " / " + Stats.spread(fw) + "; " + Stats.perRound(pf, fw));
        row("  the same, against the same statements over plain JDBC, no history (ms)", Stats.median(pf),
                Stats.median(floor), "raw JDBC floor", "", Stats.spread(floor) + "; the floor is "
                        + String.format("%.3f", Stats.median(floor) / Stats.median(fw)) + " x the Flyway loop");
        ratios.put(ratio, Stats.median(pf) / Stats.median(fw));
    }

    // ---- writers' stalls while PostgreSQL tables with rows change ----

    private void lockStalls() throws Exception {
        if (!LockStalls.available()) {
            progress("PostgreSQL does not answer on 127.0.0.1:5432: writer stalls not measured");
            return;
        }
        int rows = quick ? 200_000 : 1_000_000;
        progress("a writer's longest stall while a migration changes a PostgreSQL table of " + rows
                + " rows (lock-safe form and plain DDL in turn)");
        for (LockStalls.Stall stall : LockStalls.measure(rows, quick ? 1 : 3)) {
            row("PostgreSQL writer's longest stall, " + stall.change().replace('_', ' ') + ", " + rows + " rows (ms)",
                    stall.safeMs(), stall.naiveMs(), "plain DDL", "< 100 ms", String.format(
                            "migration took %.0f ms lock-safe, %.0f ms plain", stall.safeMigrationMs(),
                            stall.naiveMigrationMs()));
            ratios.put("pg_max_writer_stall_" + stall.change() + "_vs_naive", stall.safeMs() / stall.naiveMs());
        }
    }

    private void row(String what, double permafrost, double peer, String peerName, String goal, String note) {
        table.add(new String[] {what, format(permafrost), format(peer), peerName,
            Double.isNaN(peer) ? "" : String.format("%.3f", permafrost / peer), goal, note});
    }

    private static String format(double value) {
        return Double.isNaN(value) ? "" : value >= 100 ? String.format("%.0f", value) : String.format("%.1f", value);
    }

    private static double median(List<Jvm.Run> runs, String key) {
        return Math.round(Stats.median(runs.stream().map(r -> r.value(key)).toList()) * 10) / 10.0;
    }

    private static List<Double> walls(List<Jvm.Run> runs) {
        return runs.stream().map(Jvm.Run::wallMs).toList();
    }

    private static List<Double> cpus(List<Jvm.Run> runs) {
        return runs.stream().map(r -> r.value("CPU_MS")).toList();
    }

    private static double medianWall(List<Jvm.Run> runs) {
        return Stats.median(walls(runs));
    }

    private void machine() throws IOException {
        String cpu = procValue("/proc/cpuinfo", "model name").orElse("unknown CPU");
        String memory = procValue("/proc/meminfo", "MemTotal")
                .map(kb -> String.format("%.0f GiB", Long.parseLong(kb.replaceAll("\\D", "")) / 1048576.0))
                .orElse("unknown memory");
        System.out.printf("machine: %s, %d cores, %s; %s %s; Java %s (%s)%s%n", cpu,
                Runtime.getRuntime().availableProcessors(), memory,
                System.getProperty("os.name"), System.getProperty("os.version"), System.getProperty("java.version"),
                System.getProperty("java.vm.name"), quick ? "; QUICK run (fewer repetitions, smaller inputs)" : "");
    }

    /** The value after the colon of the first line of a {@code /proc} file starting with {@code key}. */
    private static Optional<String> procValue(String file, String key) throws IOException {
        Path path = Path.of(file);
        if (!Files.exists(path)) {
            return Optional.empty();
        }
        try (Stream<String> lines = Files.lines(path)) {
            return lines.filter(l -> l.startsWith(key)).findFirst().map(l -> l.replaceFirst("^[^:]*:\\s*", ""));
        }
    }

    private static void progress(String message) {
        System.out.println("... " + message);
        System.out.flush();
    }

    private void print() {
        String[] header = {"benchmark", "Permafrost", "peer", "peer is", "ratio", "goal", "notes"};
        List<String[]> all = new ArrayList<>();
        all.add(header);
        all.addAll(table);
        int[] widths = new int[header.length];
        for (String[] r : all) {
            for (int i = 0; i < r.length - 1; i++) {
                widths[i] = Math.max(widths[i], r[i].length());
            }
        }
        System.out.println();
        for (String[] r : all) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < r.length; i++) {
                line.append(i == r.length - 1 ? r[i] : String.format("%-" + widths[i] + "s  ", r[i]));
            }
            System.out.println(line.toString().stripTrailing());
        }
        System.out.println();
        ratios.forEach((name, value) -> System.out.printf("RATIO %s %.3f%n", name, value));
    }

    private static void delete(Path path) throws IOException {
        if (!Files.exists(path)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(path)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
