package dev.permafrost.bench;

import dev.permafrost.runtime.Migrator;
import dev.permafrost.runtime.spi.MigrationIndex;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.flywaydb.core.Flyway;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Applying the 1000-migration workload to an empty SQLite file: Permafrost, Flyway on the same SQL, and
 * raw JDBC running the same statements with one commit per version (the floor). Each invocation starts
 * from a new file and a new Migrator or Flyway, as an application start would.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class ApplyBenchmark {

    private Path workload;
    private MigrationIndex index;
    private List<List<String>> statements;
    private Path file;
    private String url;

    @Setup(Level.Trial)
    public void load() throws Exception {
        workload = Path.of(System.getProperty("bench.workload"));
        Workload w = Workload.existing(workload);
        index = w.index();
        statements = w.statements();
    }

    @Setup(Level.Invocation)
    public void emptyDatabase() throws Exception {
        file = Files.createTempFile(workload, "apply", ".db");
        Files.delete(file);
        url = "jdbc:sqlite:" + file;
    }

    @TearDown(Level.Invocation)
    public void delete() throws Exception {
        Files.deleteIfExists(file);
    }

    @Benchmark
    public int permafrost() {
        return Migrator.configure(url).migrations(index).build().migrate().applied().size();
    }

    @Benchmark
    public int flyway() {
        return Flyway.configure().dataSource(url, null, null).locations("filesystem:" + workload.resolve("flyway")).load()
                .migrate().migrationsExecuted;
    }

    @Benchmark
    public int rawJdbc() throws Exception {
        try (Connection connection = DriverManager.getConnection(url); Statement statement = connection.createStatement()) {
            connection.setAutoCommit(false);
            for (List<String> version : statements) {
                for (String sql : version) {
                    statement.execute(sql);
                }
                connection.commit();
            }
        }
        return statements.size();
    }
}
