package dev.permafrost.bench;

import static dev.permafrost.runtime.Ddl.BIGINT;
import static dev.permafrost.runtime.Ddl.INTEGER;
import static dev.permafrost.runtime.Ddl.column;
import static dev.permafrost.runtime.Ddl.table;
import static dev.permafrost.runtime.Ddl.varchar;

import dev.permafrost.runtime.Migration;
import dev.permafrost.runtime.Migrator;
import dev.permafrost.runtime.Operations;
import dev.permafrost.runtime.spi.MigrationEntry;
import dev.permafrost.runtime.spi.MigrationIndex;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.TimeUnit;
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
 * A type change on a table of 1,000,000 rows with two indexes: Permafrost's SQLite rebuild (foreign keys
 * off before the transaction, copy, drop, rename, indexes, foreign_key_check, one transaction) against
 * the hand-written copy in one transaction. Both start from the same table built by the same migration.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class RebuildBenchmark {

    static final int ROWS = Integer.getInteger("bench.rows", 1_000_000);

    /** V1: the table and its two indexes. */
    public static final class CreateBig implements Migration {
        @Override
        public void up(Operations op) {
            op.createTable(table("big")
                    .column(column("id", BIGINT).notNull())
                    .column(column("a", INTEGER).notNull())
                    .column(column("b", varchar(40)))
                    .column(column("c", INTEGER))
                    .primaryKey("pk_big", "id")
                    .index("ix_big_a", "a")
                    .index("ix_big_b", "b"));
        }

        @Override
        public void down(Operations op) {
            op.dropTable("big");
        }
    }

    /** V2: c becomes bigint, which SQLite's ALTER TABLE cannot do: a rebuild. */
    public static final class WidenC implements Migration {
        @Override
        public void up(Operations op) {
            op.alterColumn("big", column("c", BIGINT));
        }

        @Override
        public void down(Operations op) {
            op.alterColumn("big", column("c", INTEGER));
        }
    }

    static final MigrationIndex INDEX = new MigrationIndex() {
        private final List<MigrationEntry> entries = List.of(
                new MigrationEntry(1, "create big", "v1", CreateBig.class.getName()),
                new MigrationEntry(2, "widen big.c", "v2", WidenC.class.getName()));

        @Override
        public List<MigrationEntry> migrations() {
            return entries;
        }

        @Override
        public Migration load(MigrationEntry entry) {
            return entry.version() == 1 ? new CreateBig() : new WidenC();
        }
    };

    static final List<String> RAW_COPY = List.of(
            "create table big_new (id bigint not null, a integer not null, b varchar(40), c bigint,"
                    + " constraint pk_big primary key (id))",
            "insert into big_new (id, a, b, c) select id, a, b, c from big",
            "drop table big",
            "alter table big_new rename to big",
            "create index ix_big_a on big (a)",
            "create index ix_big_b on big (b)");

    private Path file;
    private String url;

    @Setup(Level.Invocation)
    public void filledTable() throws Exception {
        file = Files.createTempFile("rebuild", ".db");
        Files.delete(file);
        url = "jdbc:sqlite:" + file;
        fill(url);
    }

    @TearDown(Level.Invocation)
    public void check() throws Exception {
        try (Connection connection = DriverManager.getConnection(url); Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("select count(*), sum(c) from big")) {
            rs.next();
            if (rs.getLong(1) != ROWS) {
                throw new IllegalStateException("the rebuild kept " + rs.getLong(1) + " of " + ROWS + " rows");
            }
        }
        Files.deleteIfExists(file);
    }

    /** The table at V1, filled with {@link #ROWS} rows in one transaction. */
    static void fill(String url) throws Exception {
        Migrator.configure(url).migrations(INDEX).build().migrateTo(1);
        try (Connection connection = DriverManager.getConnection(url);
             PreparedStatement insert = connection.prepareStatement("insert into big (id, a, b, c) values (?, ?, ?, ?)")) {
            connection.setAutoCommit(false);
            for (int i = 1; i <= ROWS; i++) {
                insert.setLong(1, i);
                insert.setInt(2, i % 1000);
                insert.setString(3, "row " + (i * 7919L % ROWS));
                insert.setInt(4, i);
                insert.addBatch();
                if (i % 10_000 == 0) {
                    insert.executeBatch();
                }
            }
            insert.executeBatch();
            connection.commit();
        }
    }

    @Benchmark
    public int permafrost() {
        return Migrator.configure(url).migrations(INDEX).build().migrate().applied().size();
    }

    @Benchmark
    public int rawCopy() throws Exception {
        try (Connection connection = DriverManager.getConnection(url); Statement statement = connection.createStatement()) {
            statement.execute("pragma foreign_keys = off");
            connection.setAutoCommit(false);
            for (String sql : RAW_COPY) {
                statement.execute(sql);
            }
            connection.commit();
        }
        return RAW_COPY.size();
    }
}
