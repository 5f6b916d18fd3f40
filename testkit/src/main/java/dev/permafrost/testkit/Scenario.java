package dev.permafrost.testkit;

import dev.permafrost.dialect.Dialects;
import dev.permafrost.dialect.SqlRenderer;
import dev.permafrost.model.Table;
import dev.permafrost.runtime.Migrator;
import dev.permafrost.runtime.PermafrostException;
import dev.permafrost.runtime.internal.DriverManagerDataSource;
import dev.permafrost.runtime.internal.Migrations;
import dev.permafrost.runtime.internal.TypedRows;
import dev.permafrost.runtime.spi.MigrationIndex;
import dev.permafrost.sql.Expressions;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Time;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.Temporal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.exception.DataAccessException;
import org.jooq.impl.DSL;

/**
 * A data-migration test in a few lines: migrate a database to a version, insert rows, migrate up or down,
 * and assert what the tables hold.
 *
 * <pre>{@code
 * Scenario.sqlite()
 *         .migrateTo(2)
 *         .insert("users", Scenario.row("id", 1, "display_name", "Ada"))
 *         .migrateTo(3)
 *         .assertRows("select id, full_name from users", List.of(List.of(1, "Ada")))
 *         .migrateTo(2)
 *         .assertValue("select display_name from users where id = 1", "Ada");
 * }</pre>
 *
 * Values compare by meaning, not by Java type: {@code 1}, {@code 1L} and {@code 1.0} are equal, and so are
 * {@code true} and the {@code 1} SQLite stores for it. Every failure is an {@link AssertionError} that says
 * at which version which statement or query went wrong.
 */
public final class Scenario {

    private final DataSource dataSource;
    private MigrationIndex index;
    private Migrations migrations;
    private Migrator migrator;
    private int version;

    private Scenario(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** A scenario on a new, empty SQLite file (foreign keys enforced). */
    public static Scenario sqlite() {
        return on(TemporarySqlite.url());
    }

    /** A scenario on the database at {@code jdbcUrl}, which should be empty. */
    public static Scenario on(String jdbcUrl) {
        return on(new DriverManagerDataSource(jdbcUrl));
    }

    /** A scenario on {@code dataSource}, which should be empty. */
    public static Scenario on(DataSource dataSource) {
        return new Scenario(Objects.requireNonNull(dataSource, "dataSource"));
    }

    /** A row for {@link #insert}: column names and values alternating; values may be {@code null}. */
    public static Map<String, Object> row(Object... columnsAndValues) {
        if (columnsAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("row(...) takes column names and values in pairs; got "
                    + columnsAndValues.length + " arguments");
        }
        Map<String, Object> row = new LinkedHashMap<>();
        for (int i = 0; i < columnsAndValues.length; i += 2) {
            if (!(columnsAndValues[i] instanceof String column)) {
                throw new IllegalArgumentException("row(...) argument " + (i + 1) + " should be a column name, not "
                        + columnsAndValues[i]);
            }
            row.put(column, columnsAndValues[i + 1]);
        }
        return row;
    }

    /** The migrations to run; by default the generated index found with {@link java.util.ServiceLoader}. */
    public Scenario migrations(MigrationIndex migrations) {
        if (migrator != null) {
            throw new IllegalStateException("choose the migrations before the first migrateTo(...)");
        }
        this.index = Objects.requireNonNull(migrations, "migrations");
        return this;
    }

    /** The database the scenario runs on, for anything the helpers do not cover. */
    public DataSource dataSource() {
        return dataSource;
    }

    /** The version the database is at. */
    public int version() {
        return version;
    }

    /** Migrates up or down to {@code target}. */
    public Scenario migrateTo(int target) {
        try {
            migrator().migrateTo(target);
        } catch (PermafrostException e) {
            throw new AssertionError("migrating from " + Checks.label(version) + " to " + Checks.label(target)
                    + " failed: " + e.getMessage(), e);
        }
        version = target;
        return this;
    }

    /** Migrates to the newest version. */
    public Scenario migrate() {
        migrator();
        return migrateTo(migrations.latest());
    }

    /** Inserts rows into {@code table} as it is at the current version, each value typed by its column. */
    @SafeVarargs
    public final Scenario insert(String table, Map<String, ?>... rows) {
        migrator();
        Table definition = migrations.schemaAt(version).table(table).orElseThrow(() -> new AssertionError("table " + table
                + " is not in the schema at " + Checks.label(version) + " (its tables: "
                + migrations.schemaAt(version).tables().stream().map(Table::name).toList() + ")"));
        return withContext(ctx -> {
            for (Map<String, ?> row : rows) {
                try {
                    TypedRows.insert(ctx.dsl, ctx.renderer, definition, new LinkedHashMap<>(row));
                } catch (DataAccessException | IllegalArgumentException e) {
                    throw new AssertionError("inserting " + row + " into " + table + " at " + Checks.label(version)
                            + " failed: " + e.getMessage(), e);
                }
            }
        });
    }

    /** Runs a statement, with {@code ?} placeholders bound to {@code bindings}. */
    public Scenario execute(String sql, Object... bindings) {
        return withContext(ctx -> {
            try {
                ctx.dsl.execute(sql, bindings);
            } catch (DataAccessException e) {
                throw new AssertionError("running `" + sql + "` at " + Checks.label(version) + " failed: " + e.getMessage(),
                        e);
            }
        });
    }

    /** The rows {@code query} returns, each as its values in select order. */
    public List<List<Object>> rows(String query, Object... bindings) {
        List<List<Object>> rows = new ArrayList<>();
        withContext(ctx -> {
            try {
                for (Record record : ctx.dsl.fetch(query, bindings)) {
                    rows.add(Arrays.asList(record.intoArray()));
                }
            } catch (DataAccessException e) {
                throw new AssertionError("querying `" + query + "` at " + Checks.label(version) + " failed: "
                        + e.getMessage(), e);
            }
        });
        return rows;
    }

    /** Asserts that {@code query} returns exactly {@code expected}, row by row in order, value by value. */
    public Scenario assertRows(String query, List<? extends List<?>> expected) {
        List<List<Object>> actual = rows(query);
        String mismatch = mismatch(expected, actual);
        if (mismatch != null) {
            throw new AssertionError("at " + Checks.label(version) + ", `" + query + "` " + mismatch + "\n  expected: "
                    + expected + "\n  actual:   " + actual);
        }
        return this;
    }

    /** Asserts that {@code query} returns one row of one value, equal to {@code expected}. */
    public Scenario assertValue(String query, Object expected) {
        List<List<Object>> actual = rows(query);
        if (actual.size() != 1 || actual.get(0).size() != 1) {
            throw new AssertionError("at " + Checks.label(version) + ", `" + query + "` should return one value but"
                    + " returned " + actual);
        }
        Object value = actual.get(0).get(0);
        if (!same(expected, value)) {
            throw new AssertionError("at " + Checks.label(version) + ", `" + query + "` returned " + value + " but "
                    + expected + " was expected");
        }
        return this;
    }

    private static String mismatch(List<? extends List<?>> expected, List<List<Object>> actual) {
        if (expected.size() != actual.size()) {
            return "returned " + actual.size() + " row(s) but " + expected.size() + " were expected";
        }
        for (int r = 0; r < expected.size(); r++) {
            List<?> want = expected.get(r);
            List<Object> got = actual.get(r);
            if (want.size() != got.size()) {
                return "returned " + got.size() + " value(s) in row " + (r + 1) + " but " + want.size() + " were expected";
            }
            for (int i = 0; i < want.size(); i++) {
                if (!same(want.get(i), got.get(i))) {
                    return "differs in row " + (r + 1) + ", value " + (i + 1) + ": " + got.get(i) + " instead of "
                            + want.get(i);
                }
            }
        }
        return null;
    }

    /** Equal by meaning: numbers by value, booleans against SQLite's 0 and 1, byte arrays by content, else by text. */
    static boolean same(Object expected, Object actual) {
        if (expected == null || actual == null) {
            return expected == actual;
        }
        if (expected instanceof byte[] a && actual instanceof byte[] b) {
            return Arrays.equals(a, b);
        }
        if (expected instanceof Boolean b && actual instanceof Number n) {
            return b == (n.intValue() != 0);
        }
        if (expected instanceof Number && actual instanceof Boolean) {
            return same(actual, expected);
        }
        if (expected instanceof Number a && actual instanceof Number b) {
            if (!Double.isFinite(a.doubleValue()) || !Double.isFinite(b.doubleValue())) {
                return Double.compare(a.doubleValue(), b.doubleValue()) == 0;
            }
            return new BigDecimal(a.toString()).compareTo(new BigDecimal(b.toString())) == 0;
        }
        if (expected instanceof OffsetDateTime a) {
            return temporal(OffsetDateTime.class, actual) instanceof OffsetDateTime b && a.isEqual(b);
        }
        if (expected instanceof Temporal) {
            return expected.equals(temporal(expected.getClass(), actual));
        }
        return expected.toString().equals(actual.toString());
    }

    /** A date or time the driver returned (a {@code java.sql} type or SQLite's text) as {@code type}, else null. */
    private static Object temporal(Class<?> type, Object actual) {
        Object value = switch (actual) {
            case Timestamp t -> t.toLocalDateTime();
            case java.sql.Date d -> d.toLocalDate();
            case Time t -> t.toLocalTime();
            default -> actual;
        };
        if (type.isInstance(value)) {
            return value;
        }
        String text = value.toString().trim().replace(' ', 'T');
        try {
            if (type == LocalDateTime.class) {
                return LocalDateTime.parse(text);
            } else if (type == LocalDate.class) {
                return LocalDate.parse(text);
            } else if (type == LocalTime.class) {
                return LocalTime.parse(text);
            } else if (type == OffsetDateTime.class) {
                return value instanceof OffsetDateTime ? value : OffsetDateTime.parse(text);
            }
        } catch (DateTimeParseException e) {
            return null;
        }
        return null;
    }

    private record Context(DSLContext dsl, SqlRenderer renderer) {
    }

    private Scenario withContext(Consumer<Context> action) {
        try (Connection connection = dataSource.getConnection()) {
            SqlRenderer renderer = new SqlRenderer(Dialects.detect(connection));
            action.accept(new Context(DSL.using(connection, renderer.jooqDialect(), Expressions.settings()), renderer));
            return this;
        } catch (SQLException e) {
            throw new AssertionError("cannot connect to the scenario's database: " + e.getMessage(), e);
        }
    }

    private Migrator migrator() {
        if (migrator == null) {
            if (index == null) {
                index = MigrationIndex.find();
            }
            migrations = Migrations.replayed(index);
            migrator = Migrator.configure(dataSource).migrations(index).logger(QuietLog.INSTANCE).build();
        }
        return migrator;
    }
}
