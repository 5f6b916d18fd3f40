package dev.permafrost.runtime.internal;

import dev.permafrost.diff.Op;
import dev.permafrost.model.Column;
import dev.permafrost.model.ForeignKey;
import dev.permafrost.model.Table;
import dev.permafrost.runtime.Ddl;
import dev.permafrost.runtime.ForeignKeyBuilder;
import dev.permafrost.runtime.Migration;
import dev.permafrost.runtime.Operations;
import dev.permafrost.runtime.TableBuilder;
import java.util.List;

/**
 * A migration made of operations rather than source: it calls the {@link Operations} a generated stub
 * would call for each one. Its {@code down} is the inverse. For building a database straight from a
 * snapshot, and for tests.
 */
public final class OpsMigration implements Migration {

    private final List<Op> ops;

    public OpsMigration(List<Op> ops) {
        this.ops = List.copyOf(ops);
    }

    @Override
    public void up(Operations op) {
        record(op, ops);
    }

    @Override
    public void down(Operations op) {
        record(op, Op.inverseOf(ops));
    }

    public static void record(Operations op, List<Op> ops) {
        for (Op o : ops) {
            record(op, o);
        }
    }

    static void record(Operations op, Op o) {
        switch (o) {
            case Op.CreateTable c -> op.createTable(builder(c.definition()));
            case Op.DropTable d -> op.dropTable(d.table());
            case Op.RenameTable r -> op.renameTable(r.table(), r.newName());
            case Op.AddColumn a -> op.addColumn(a.table(), a.column());
            case Op.DropColumn d -> op.dropColumn(d.table(), d.column().name());
            case Op.RenameColumn r -> op.renameColumn(r.table(), r.column(), r.newName());
            case Op.AlterColumn a -> {
                if (a.fillNulls() == null) {
                    op.alterColumn(a.table(), a.to());
                } else {
                    op.alterColumn(a.table(), a.to(), a.fillNulls());
                }
            }
            case Op.AddPrimaryKey a -> op.addPrimaryKey(a.table(), a.key().name(), a.key().columns().toArray(String[]::new));
            case Op.DropPrimaryKey d -> op.dropPrimaryKey(d.table());
            case Op.AddUnique a -> op.addUnique(a.table(), a.unique().name(), a.unique().columns().toArray(String[]::new));
            case Op.DropUnique d -> op.dropUnique(d.table(), d.unique().name());
            case Op.CreateIndex c -> {
                if (c.index().unique()) {
                    op.createUniqueIndex(c.table(), c.index().name(), c.index().columns().toArray(String[]::new));
                } else {
                    op.createIndex(c.table(), c.index().name(), c.index().columns().toArray(String[]::new));
                }
            }
            case Op.DropIndex d -> op.dropIndex(d.table(), d.index().name());
            case Op.AddForeignKey a -> op.addForeignKey(a.table(), foreignKey(a.foreignKey()));
            case Op.DropForeignKey d -> op.dropForeignKey(d.table(), d.foreignKey().name());
            case Op.AddCheck a -> op.addCheck(a.table(), a.check().name(), a.check().condition());
            case Op.DropCheck d -> op.dropCheck(d.table(), d.check().name());
            case Op.RenameConstraint r -> op.renameConstraint(r.table(), r.constraint(), r.newName());
        }
    }

    private static TableBuilder builder(Table table) {
        TableBuilder builder = Ddl.table(table.name());
        for (Column column : table.columns()) {
            builder.column(column);
        }
        if (table.primaryKey() != null) {
            builder.primaryKey(table.primaryKey().name(), table.primaryKey().columns().toArray(String[]::new));
        }
        table.uniques().forEach(u -> builder.unique(u.name(), u.columns().toArray(String[]::new)));
        table.foreignKeys().forEach(f -> builder.foreignKey(foreignKey(f)));
        table.checks().forEach(c -> builder.check(c.name(), c.condition()));
        table.indexes().forEach(i -> {
            if (i.unique()) {
                builder.uniqueIndex(i.name(), i.columns().toArray(String[]::new));
            } else {
                builder.index(i.name(), i.columns().toArray(String[]::new));
            }
        });
        return builder;
    }

    private static ForeignKeyBuilder foreignKey(ForeignKey fk) {
        return Ddl.foreignKey(fk.name(), fk.columns().toArray(String[]::new))
                .references(fk.referencedTable(), fk.referencedColumns().toArray(String[]::new))
                .onDelete(fk.onDelete()).onUpdate(fk.onUpdate());
    }
}
