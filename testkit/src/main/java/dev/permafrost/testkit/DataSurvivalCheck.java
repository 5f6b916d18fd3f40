package dev.permafrost.testkit;

import static org.junit.jupiter.api.Assertions.fail;

import dev.permafrost.dialect.Dialect;
import dev.permafrost.dialect.Dialects;
import dev.permafrost.dialect.SqlRenderer;
import dev.permafrost.model.Column;
import dev.permafrost.model.Schema;
import dev.permafrost.model.Table;
import dev.permafrost.runtime.Migrator;
import dev.permafrost.runtime.internal.Migrations;
import dev.permafrost.runtime.internal.Recorder;
import dev.permafrost.runtime.internal.Step;
import dev.permafrost.runtime.internal.TypedRows;
import dev.permafrost.runtime.spi.MigrationIndex;
import dev.permafrost.sql.Expressions;
import dev.permafrost.sql.Identifiers;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import javax.sql.DataSource;
import org.jooq.DSLContext;
import org.jooq.exception.DataAccessException;
import org.jooq.impl.DSL;

/** Check 6 of {@link MigrationChecks}: rows written at each version survive every later migration and the way back. */
final class DataSurvivalCheck {

    private DataSurvivalCheck() {
    }

    static void dataSurvives(MigrationChecks c) {
        DataSource dataSource = c.dataSource();
        Migrator migrator = Checks.migrator(c, dataSource);
        MigrationIndex index = c.migrations();
        Migrations replay = Migrations.replayed(index);
        List<String> problems = new ArrayList<>();
        try (Connection connection = dataSource.getConnection()) {
            Dialect database = Dialects.detect(connection);
            SqlRenderer renderer = new SqlRenderer(database);
            DSLContext ctx = DSL.using(connection, renderer.jooqDialect(), Expressions.settings());
            for (int version = Checks.toOldest(c, migrator) + 1; version <= index.migrations().size(); version++) {
                Schema before = replay.schemaAt(version - 1);
                insertFixtures(c, ctx, renderer, version, before, problems);
                Map<String, List<Map<String, String>>> rows = read(ctx, renderer, before);
                Recorder.Recording up = replay.up(version);
                Recorder.Recording down = replay.down(version);
                Survivors survivors = Survivors.of(before, up.ops(), replay.schemaAt(version));
                Checks.migrate(migrator, version, "applying " + Checks.label(version));
                if (!hasDataSteps(up)) {
                    compare(Checks.label(version) + " up()", survivors, rows, read(ctx, renderer, replay.schemaAt(version)), true,
                            problems);
                }
                Checks.migrate(migrator, version - 1, "reverting " + Checks.label(version));
                if (!hasDataSteps(up) && !hasDataSteps(down)) {
                    compare(Checks.label(version) + " down()", survivors, rows, read(ctx, renderer, before), false, problems);
                }
                Checks.migrate(migrator, version, "applying " + Checks.label(version) + " again");
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot check the data: " + e.getMessage(), e);
        }
        if (!problems.isEmpty()) {
            fail("rows did not survive:\n  - " + String.join("\n  - ", problems));
        }
    }

    private static void insertFixtures(MigrationChecks c, DSLContext ctx, SqlRenderer renderer, int version, Schema schema,
                                       List<String> problems) {
        Map<FixtureRows.Assigned, Object> assigned = new HashMap<>();
        c.fixtures(version, schema).forEach((tableName, rows) -> {
            Table table = schema.table(tableName).orElse(null);
            if (table == null) {
                problems.add("fixtures for " + Checks.label(version) + " name table " + tableName + ", which is not in the schema");
                return;
            }
            for (Map<String, Object> fixture : rows) {
                Map<String, Object> row = new LinkedHashMap<>();
                String numbered = null;
                FixtureRows.Assigned own = null;
                for (Map.Entry<String, Object> value : fixture.entrySet()) {
                    if (value.getValue() instanceof FixtureRows.Assigned marker && marker.table().equals(tableName)
                            && table.column(value.getKey()).map(Column::identity).orElse(false)) {
                        numbered = value.getKey();
                        own = marker;
                    } else if (value.getValue() instanceof FixtureRows.Assigned marker) {
                        row.put(value.getKey(), assigned.get(marker));
                    } else {
                        row.put(value.getKey(), value.getValue());
                    }
                }
                try {
                    TypedRows.insert(ctx, renderer, table, row);
                    if (own != null) {
                        assigned.put(own, ctx.select(DSL.max(DSL.field(Identifiers.name(numbered))))
                                .from(DSL.table(Identifiers.name(tableName))).fetchOne(0));
                    }
                } catch (DataAccessException e) {
                    System.err.println("[permafrost-testkit] a generated row does not fit table " + tableName + " before "
                            + Checks.label(version) + " (" + e.getMessage().lines().findFirst().orElse("") + "); override"
                            + " fixtures() to supply rows for it");
                    return;
                }
            }
        });
    }

    private static boolean hasDataSteps(Recorder.Recording recording) {
        return recording.steps().stream().anyMatch(s -> !(s instanceof Step.Change));
    }

    private static Map<String, List<Map<String, String>>> read(DSLContext ctx, SqlRenderer renderer, Schema schema) {
        Map<String, List<Map<String, String>>> rows = new TreeMap<>();
        for (Table table : schema.tables()) {
            rows.put(table.name(), TypedRows.read(ctx, renderer, table));
        }
        return rows;
    }

    /**
     * Whether every row of {@code before} is still there (after up: under the surviving columns' new names;
     * after down: under the old ones), value by value.
     */
    private static void compare(String what, Survivors survivors, Map<String, List<Map<String, String>>> before,
                                Map<String, List<Map<String, String>>> now, boolean up, List<String> problems) {
        for (Survivors.TableMap table : survivors.tables()) {
            List<Map<String, String>> old = before.getOrDefault(table.from(), List.of());
            if (old.isEmpty() || table.columns().isEmpty()) {
                continue;
            }
            List<Map<String, String>> current = now.getOrDefault(up ? table.to() : table.from(), List.of());
            for (Map<String, String> row : old) {
                if (current.stream().noneMatch(candidate -> agreement(row, candidate, table.columns(), up) == table.columns()
                        .size())) {
                    String closest = current.stream()
                            .max(Comparator.comparingInt(candidate -> agreement(row, candidate, table.columns(), up)))
                            .map(Object::toString).orElse("no rows at all");
                    problems.add(what + ": a row of " + table.from() + " " + row + " is gone or changed (closest now: "
                            + closest + ")");
                    break;
                }
            }
        }
    }

    /** How many surviving columns of {@code old} hold the same value in {@code candidate}. */
    private static int agreement(Map<String, String> old, Map<String, String> candidate, List<Survivors.ColumnMap> columns,
                                 boolean up) {
        int same = 0;
        for (Survivors.ColumnMap column : columns) {
            String want = old.get(column.from());
            if ((want == null && column.nullsFilled())
                    || Objects.equals(want, candidate.get(up ? column.to() : column.from()))) {
                same++;
            }
        }
        return same;
    }

}
