package dev.permafrost.runtime;

import static dev.permafrost.runtime.Ddl.BIGINT;
import static dev.permafrost.runtime.Ddl.INTEGER;
import static dev.permafrost.runtime.Ddl.column;
import static dev.permafrost.runtime.Ddl.table;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.jooq.impl.DSL;

/**
 * A separate application instance for tests that need real processes: started with a JDBC URL and a
 * mode, it migrates and prints one line starting with {@code RESULT}.
 */
public final class Child {

    private Child() {
    }

    /** Creates {@code runs(version)} and records each run of a migration's data step in it. */
    static final class Log implements Migration {
        @Override
        public void up(Operations op) {
            op.createTable(table("runs").column(column("version", INTEGER).notNull()));
        }

        @Override
        public void down(Operations op) {
            op.dropTable("runs");
        }
    }

    /** Records that it ran, slowly, so that several instances overlap. */
    static final class Counted implements Migration {
        private final int version;

        Counted(int version) {
            this.version = version;
        }

        @Override
        public void up(Operations op) {
            op.addColumn("runs", column("c" + version, BIGINT));
            op.execute("record the run", ctx -> {
                ctx.insertInto(DSL.table(DSL.name("runs")), DSL.field(DSL.name("version"))).values(version).execute();
                Thread.sleep(200);
            });
        }

        @Override
        public void down(Operations op) {
            op.dropColumn("runs", "c" + version);
        }
    }

    /** Creates a table, then waits long enough to be killed, then adds to it. */
    static final class Slow implements Migration {
        @Override
        public void up(Operations op) {
            op.createTable(table("half").column(column("id", BIGINT).notNull()));
            op.execute("wait to be killed", ctx -> {
                System.out.println("IN_MIGRATION");
                System.out.flush();
                Thread.sleep(Long.getLong("slow.millis", 30_000));
            });
            op.addColumn("half", column("second", BIGINT));
        }

        @Override
        public void down(Operations op) {
            op.dropTable("half");
        }
    }

    static TestIndex concurrent() {
        return new TestIndex().add(new Log(), "log").add(new Counted(2), "counted-2").add(new Counted(3), "counted-3")
                .add(new Counted(4), "counted-4");
    }

    static TestIndex crash() {
        return new TestIndex().add(new Log(), "log").add(new Slow(), "slow");
    }

    /**
     * Two migrations with the plans in the directory {@code plans} ({@code 1.plans}, {@code 2.plans}); with
     * {@code "planned-1"} only the first.
     */
    static TestIndex planned(String plans) {
        TestIndex index = TestIndex.of(new MigratorSqliteTest.Baseline(), new MigratorSqliteTest.AddSyncedAt());
        if (plans != null) {
            for (int v = 1; v <= 2; v++) {
                try {
                    index.plans(v, java.nio.file.Files.readString(Path.of(plans, v + ".plans")));
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }
        }
        return index;
    }

    public static void main(String[] args) {
        TestIndex index = switch (args[1]) {
            case "concurrent" -> concurrent();
            case "crash" -> crash();
            case "planned" -> {
                TestIndex planned = planned(System.getProperty("plans"));
                String checkpoint = System.getProperty("checkpoint");
                yield checkpoint == null ? planned : planned.newestSchema(read(checkpoint));
            }
            case "planned-1" -> {
                TestIndex all = planned(System.getProperty("plans"));
                TestIndex first = TestIndex.of(new MigratorSqliteTest.Baseline()).plans(1, all.plans(1));
                yield first;
            }
            default -> throw new IllegalArgumentException(args[1]);
        };
        Migrator migrator = Migrator.configure(args[0]).migrations(index).build();
        MigrateResult result = migrator.migrate();
        System.out.println("RESULT " + result.toVersion() + " " + result.applied().size());
        if (Boolean.getBoolean("validate")) {
            System.out.println("VALIDATION " + migrator.validate().problems());
        }
    }

    /** The schema of the checkpoint file {@code file} ({@code SchemaCheckpoint}, as the processor writes it). */
    private static dev.permafrost.model.Schema read(String file) {
        try {
            return dev.permafrost.snapshot.SchemaCheckpoint.read(java.nio.file.Files.readString(Path.of(file))).schema();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Starts a child JVM with this class path. */
    static Process start(String url, String mode, String... jvmOptions) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        command.add("--enable-native-access=ALL-UNNAMED");
        command.addAll(List.of(jvmOptions));
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), Child.class.getName(), url, mode));
        return new ProcessBuilder(command).redirectErrorStream(true).start();
    }

    /** Waits for a child and returns what it printed; fails if it does not finish in time. */
    static String finish(Process process, Path log) throws IOException, InterruptedException {
        String output = new String(process.getInputStream().readAllBytes());
        if (!process.waitFor(2, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new AssertionError("child did not finish: " + output);
        }
        return output;
    }
}
