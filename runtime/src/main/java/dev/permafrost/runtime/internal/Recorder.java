package dev.permafrost.runtime.internal;

import dev.permafrost.diff.Op;
import dev.permafrost.diff.Replay;
import dev.permafrost.model.Check;
import dev.permafrost.model.Column;
import dev.permafrost.model.ForeignKey;
import dev.permafrost.model.Index;
import dev.permafrost.model.PrimaryKey;
import dev.permafrost.model.Schema;
import dev.permafrost.model.Table;
import dev.permafrost.model.Unique;
import dev.permafrost.runtime.DataStep;
import dev.permafrost.runtime.ForeignKeyBuilder;
import dev.permafrost.runtime.Migration;
import dev.permafrost.runtime.Operations;
import dev.permafrost.runtime.TableBuilder;
import dev.permafrost.sql.Expressions;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Records what a migration's {@code up} or {@code down} does, replaying each schema operation on the
 * schema as it stands, so that name-based operations get full definitions and a mistake (dropping a
 * missing column) fails at the operation that makes it.
 */
public final class Recorder implements Operations {

    private final List<Step> steps = new ArrayList<>();
    private Schema schema;

    private Recorder(Schema schema) {
        this.schema = schema;
    }

    /** The result of recording one direction of a migration: its steps and the schema after them. */
    public record Recording(List<Step> steps, Schema before, Schema after) {

        public List<Op> ops() {
            return steps.stream().filter(Step.Change.class::isInstance).map(s -> ((Step.Change) s).op()).toList();
        }
    }

    public static Recording up(Migration migration, Schema before) {
        Recorder recorder = new Recorder(before);
        migration.up(recorder);
        return new Recording(List.copyOf(recorder.steps), before, recorder.schema);
    }

    public static Recording down(Migration migration, Schema before) {
        Recorder recorder = new Recorder(before);
        migration.down(recorder);
        return new Recording(List.copyOf(recorder.steps), before, recorder.schema);
    }

    private void record(Op op) {
        schema = Replay.apply(schema, op);
        steps.add(new Step.Change(op));
    }

    private Table table(String name) {
        return schema.table(name).orElseThrow(() -> new IllegalArgumentException("there is no table " + name));
    }

    private Column existingColumn(String tableName, String column) {
        return table(tableName).column(column).orElseThrow(() ->
                new IllegalArgumentException("table " + tableName + " has no column " + column));
    }

    private static <T> T named(List<T> items, Function<T, String> name, String wanted, String what, String table) {
        return items.stream().filter(i -> name.apply(i).equals(wanted)).findFirst().orElseThrow(() ->
                new IllegalArgumentException("table " + table + " has no " + what + " " + wanted));
    }

    static Column canonical(Column column) {
        return column.hasDefault() ? column.defaultValue(Expressions.canonicalDefault(column.defaultValue())) : column;
    }

    static Check canonical(Check check) {
        return check.withCondition(Expressions.canonicalCondition(check.condition()));
    }

    @Override
    public void createTable(TableBuilder builder) {
        Table table = builder.build();
        record(new Op.CreateTable(table.mapColumns(Recorder::canonical)
                .withChecks(table.checks().stream().map(Recorder::canonical).toList())));
    }

    @Override
    public void dropTable(String table) {
        record(new Op.DropTable(table(table)));
    }

    @Override
    public void renameTable(String table, String newName) {
        record(new Op.RenameTable(table, newName));
    }

    @Override
    public void addColumn(String table, Column column) {
        record(new Op.AddColumn(table, canonical(column)));
    }

    @Override
    public void dropColumn(String table, String column) {
        record(new Op.DropColumn(table, existingColumn(table, column)));
    }

    @Override
    public void renameColumn(String table, String column, String newName) {
        record(new Op.RenameColumn(table, column, newName));
    }

    @Override
    public void alterColumn(String table, Column column) {
        record(new Op.AlterColumn(table, existingColumn(table, column.name()), canonical(column), null));
    }

    @Override
    public void alterColumn(String table, Column column, String fillNullsWith) {
        record(new Op.AlterColumn(table, existingColumn(table, column.name()), canonical(column),
                Expressions.canonicalDefault(fillNullsWith)));
    }

    @Override
    public void addPrimaryKey(String table, String name, String... columns) {
        record(new Op.AddPrimaryKey(table, new PrimaryKey(name, List.of(columns))));
    }

    @Override
    public void dropPrimaryKey(String table) {
        PrimaryKey key = table(table).primaryKey();
        if (key == null) {
            throw new IllegalArgumentException("table " + table + " has no primary key");
        }
        record(new Op.DropPrimaryKey(table, key));
    }

    @Override
    public void addUnique(String table, String name, String... columns) {
        record(new Op.AddUnique(table, new Unique(name, List.of(columns))));
    }

    @Override
    public void dropUnique(String table, String name) {
        record(new Op.DropUnique(table, named(table(table).uniques(), Unique::name, name, "unique constraint", table)));
    }

    @Override
    public void createIndex(String table, String name, String... columns) {
        record(new Op.CreateIndex(table, new Index(name, List.of(columns), false)));
    }

    @Override
    public void createUniqueIndex(String table, String name, String... columns) {
        record(new Op.CreateIndex(table, new Index(name, List.of(columns), true)));
    }

    @Override
    public void dropIndex(String table, String name) {
        record(new Op.DropIndex(table, named(table(table).indexes(), Index::name, name, "index", table)));
    }

    @Override
    public void addForeignKey(String table, ForeignKeyBuilder foreignKey) {
        record(new Op.AddForeignKey(table, foreignKey.build()));
    }

    @Override
    public void dropForeignKey(String table, String name) {
        record(new Op.DropForeignKey(table, named(table(table).foreignKeys(), ForeignKey::name, name, "foreign key", table)));
    }

    @Override
    public void addCheck(String table, String name, String condition) {
        record(new Op.AddCheck(table, canonical(new Check(name, condition))));
    }

    @Override
    public void dropCheck(String table, String name) {
        record(new Op.DropCheck(table, named(table(table).checks(), Check::name, name, "check", table)));
    }

    @Override
    public void renameConstraint(String table, String name, String newName) {
        record(new Op.RenameConstraint(table, name, newName));
    }

    @Override
    public void sql(String statement) {
        steps.add(new Step.Sql(statement));
    }

    @Override
    public void execute(String description, DataStep step) {
        steps.add(new Step.Code(description, step));
    }
}
