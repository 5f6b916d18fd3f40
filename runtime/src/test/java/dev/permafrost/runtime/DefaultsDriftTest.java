package dev.permafrost.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.permafrost.diff.Differ;
import dev.permafrost.model.Column;
import dev.permafrost.model.ColumnType;
import dev.permafrost.model.PrimaryKey;
import dev.permafrost.model.Schema;
import dev.permafrost.model.Table;
import dev.permafrost.runtime.internal.OpsMigration;
import dev.permafrost.sql.Expressions;
import dev.permafrost.testing.TestDatabase;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Zero false drift on defaults: a literal of every type (with quotes, backslashes, zones, short date forms) and
 * the functions the processor accepts validate clean right after {@code migrate()} on every database.
 */
class DefaultsDriftTest {

    @TempDir
    Path dir;

    /** Column type → defaults as a user writes them. */
    private static final Object[][] DEFAULTS = {
            {ColumnType.BOOLEAN, "true"}, {ColumnType.BOOLEAN, "false"},
            {ColumnType.SMALLINT, "-7"}, {ColumnType.INTEGER, "0"}, {ColumnType.BIGINT, "9007199254740993"},
            {ColumnType.decimal(10, 2), "1.5"}, {ColumnType.decimal(10, 2), "-0.25"}, {ColumnType.REAL, "0.5"},
            {ColumnType.DOUBLE, "2.25"},
            {ColumnType.varchar(30), "'it''s'"}, {ColumnType.varchar(30), "'back\\slash'"}, {ColumnType.varchar(30), "''"},
            {ColumnType.TEXT, "'line one'"},
            {ColumnType.DATE, "'2020-02-29'"}, {ColumnType.DATE, "date '1999-12-31'"},
            {ColumnType.TIME, "'10:30:00'"},
            {ColumnType.TIMESTAMP, "'1970-01-02 03:04:05'"}, {ColumnType.TIMESTAMP, "'1970-01-02'"},
            {ColumnType.TIMESTAMP_TZ, "'1970-01-02'"}, {ColumnType.TIMESTAMP_TZ, "'2020-01-01 10:00:00+02:00'"},
            {ColumnType.TIMESTAMP_TZ, "timestamp with time zone '2021-06-01 12:00:00+00:00'"},
            {ColumnType.TIMESTAMP_TZ, "current_timestamp"}, {ColumnType.TIMESTAMP, "current_timestamp"},
            {ColumnType.UUID, "'00000000-0000-0000-0000-000000000001'"},
            {ColumnType.JSON, "'{\"a\": [1, \"x\"]}'"},
    };

    private static Schema schema() {
        List<Column> columns = new ArrayList<>(List.of(Column.of("id", ColumnType.BIGINT).notNull()));
        for (int i = 0; i < DEFAULTS.length; i++) {
            columns.add(Column.of("c" + i, (ColumnType) DEFAULTS[i][0])
                    .defaultValue(Expressions.canonicalDefault((String) DEFAULTS[i][1])));
        }
        return new Schema(List.of(new Table("defaults", columns, new PrimaryKey("pk_defaults", List.of("id")), List.of(),
                List.of(), List.of(), List.of())));
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void everyDefaultValidatesCleanRightAfterMigrate(TestDatabase kind) throws Exception {
        try (TestDatabase.Fresh db = kind.create(dir)) {
            Migrator migrator = Migrator.configure(db.url())
                    .migrations(TestIndex.of(new OpsMigration(Differ.diff(Schema.empty(), schema())))).build();
            migrator.migrate();
            assertEquals(List.of(), migrator.validate().problems());
        }
    }

    /** The value comparison sees a real change of a default: another day, another instant, another document. */
    @ParameterizedTest
    @EnumSource(value = TestDatabase.class, names = "SQLITE", mode = EnumSource.Mode.EXCLUDE)
    void aDefaultChangedByHandIsDrift(TestDatabase kind) throws Exception {
        try (TestDatabase.Fresh db = kind.create(dir)) {
            Migrator migrator = Migrator.configure(db.url())
                    .migrations(TestIndex.of(new OpsMigration(Differ.diff(Schema.empty(), schema())))).build();
            migrator.migrate();
            dev.permafrost.testing.Db.execute(db.url(), "alter table defaults alter column c18 set default '1970-01-03'");
            dev.permafrost.testing.Db.execute(db.url(), "alter table defaults alter column c2 set default -8");
            List<String> problems = migrator.validate().problems();
            assertEquals(2, problems.size(), problems.toString());
        }
    }
}
