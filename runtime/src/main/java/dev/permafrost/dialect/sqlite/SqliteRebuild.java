package dev.permafrost.dialect.sqlite;

import dev.permafrost.dialect.SqlRenderer;
import dev.permafrost.dialect.TableRebuild;
import dev.permafrost.diff.Op;
import dev.permafrost.model.Column;
import dev.permafrost.model.Index;
import dev.permafrost.model.Names;
import dev.permafrost.model.Schema;
import dev.permafrost.model.Table;
import dev.permafrost.sql.Expressions;
import dev.permafrost.sql.Identifiers;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jooq.Field;
import org.jooq.impl.DSL;

/**
 * A table rebuilt the way SQLite's documentation prescribes for changes {@code ALTER TABLE} cannot
 * make: create the new definition under a temporary name, copy the rows, drop the old table, rename
 * the new one, recreate the indexes. The executor runs it inside the migration's transaction with
 * foreign-key enforcement switched off beforehand (it cannot change inside a transaction), keeps
 * triggers and views that mention the table, and checks foreign keys before committing.
 *
 * @param table the table's name before and after
 * @param before the table as it is
 * @param after the table as it will be
 * @param sources each column of {@code after} that takes its values from the old rows → the
 *     expression over the old table's columns; columns not listed get their default
 */
public record SqliteRebuild(String table, Table before, Table after, Map<String, Field<?>> sources)
        implements TableRebuild {

    public SqliteRebuild {
        sources = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(sources));
    }

    /** A rebuild of {@code table} that so far changes nothing; {@link #fold} adds operations to it. */
    public static SqliteRebuild of(Table table) {
        Map<String, Field<?>> sources = new LinkedHashMap<>();
        table.columns().forEach(c -> sources.put(c.name(), DSL.field(Identifiers.name(c.name()))));
        return new SqliteRebuild(table.name(), table, table, sources);
    }

    /** Whether SQLite can only perform {@code op} on a database whose schema is {@code before} by rebuilding. */
    public static boolean needed(Op op, Schema before) {
        return switch (op) {
            case Op.AddColumn o -> (!o.column().nullable() && !o.column().hasDefault())
                    || (o.column().hasDefault() && !Expressions.isLiteral(o.column().defaultValue()));
            case Op.AlterColumn o -> true;
            case Op.AddPrimaryKey o -> true;
            case Op.DropPrimaryKey o -> true;
            case Op.AddUnique o -> true;
            case Op.DropUnique o -> true;
            case Op.AddForeignKey o -> true;
            case Op.DropForeignKey o -> true;
            case Op.AddCheck o -> true;
            case Op.DropCheck o -> true;
            case Op.RenameConstraint o -> before.table(o.table()).orElseThrow().indexes().stream()
                    .noneMatch(i -> i.name().equals(o.constraint()));
            case Op.CreateTable o -> false;
            case Op.DropTable o -> false;
            case Op.RenameTable o -> false;
            case Op.DropColumn o -> false;
            case Op.RenameColumn o -> false;
            case Op.CreateIndex o -> false;
            case Op.DropIndex o -> false;
        };
    }

    /**
     * Whether {@code op} can join a rebuild of its table. Renames cannot: SQLite's own rename also
     * rewrites the foreign keys of other tables that point at the renamed column or table.
     */
    public static boolean foldable(Op op) {
        return switch (op) {
            case Op.CreateTable o -> false;
            case Op.DropTable o -> false;
            case Op.RenameTable o -> false;
            case Op.RenameColumn o -> false;
            case Op.AddColumn o -> true;
            case Op.DropColumn o -> true;
            case Op.AlterColumn o -> true;
            case Op.AddPrimaryKey o -> true;
            case Op.DropPrimaryKey o -> true;
            case Op.AddUnique o -> true;
            case Op.DropUnique o -> true;
            case Op.CreateIndex o -> true;
            case Op.DropIndex o -> true;
            case Op.AddForeignKey o -> true;
            case Op.DropForeignKey o -> true;
            case Op.AddCheck o -> true;
            case Op.DropCheck o -> true;
            case Op.RenameConstraint o -> true;
        };
    }

    /** This rebuild with {@code op} (on this table, {@linkplain #foldable foldable}) folded in; {@code result} is the table after it. */
    @Override
    public SqliteRebuild fold(Op op, Table result) {
        Map<String, Field<?>> next = new LinkedHashMap<>(sources);
        switch (op) {
            case Op.DropColumn o -> next.remove(o.column().name());
            case Op.AddColumn o -> {
                // Existing rows take the default the column is added with, as ALTER TABLE ADD COLUMN gives
                // them, even if a later operation of this rebuild changes that default.
                if (o.column().hasDefault()) {
                    next.put(o.column().name(), Expressions.defaultField(o.column().defaultValue()));
                }
            }
            case Op.AlterColumn o -> {
                Field<?> source = next.get(o.column());
                String fill = o.effectiveFill();
                if (o.from().nullable() && !o.to().nullable() && fill != null) {
                    // A column added earlier in this rebuild has no source yet: every row takes the fill.
                    next.put(o.column(), source == null ? Expressions.defaultField(fill)
                            : DSL.coalesce(source, Expressions.defaultField(fill)));
                }
            }
            case Op.CreateTable o -> { } // changes constraints only, or never folds
            case Op.DropTable o -> { } // changes constraints only, or never folds
            case Op.RenameTable o -> { } // changes constraints only, or never folds
            case Op.RenameColumn o -> { } // changes constraints only, or never folds
            case Op.AddPrimaryKey o -> { } // changes constraints only, or never folds
            case Op.DropPrimaryKey o -> { } // changes constraints only, or never folds
            case Op.AddUnique o -> { } // changes constraints only, or never folds
            case Op.DropUnique o -> { } // changes constraints only, or never folds
            case Op.CreateIndex o -> { } // changes constraints only, or never folds
            case Op.DropIndex o -> { } // changes constraints only, or never folds
            case Op.AddForeignKey o -> { } // changes constraints only, or never folds
            case Op.DropForeignKey o -> { } // changes constraints only, or never folds
            case Op.AddCheck o -> { } // changes constraints only, or never folds
            case Op.DropCheck o -> { } // changes constraints only, or never folds
            case Op.RenameConstraint o -> { } // changes constraints only, or never folds
        }
        return new SqliteRebuild(table, before, result, next);
    }

    /** The temporary name the new definition is created under. */
    public String temporaryName() {
        return Names.shorten("permafrost_rebuild_" + table);
    }

    /**
     * What the live table holds that no migration created (a column or index added by hand) and a rebuild
     * must carry over, as SQLite stores it.
     *
     * @param columns column name → its definition as written ({@code notes text default 'x'}), in table order
     * @param indexes the {@code create index} statements of the indexes
     */
    public record Kept(Map<String, String> columns, List<String> indexes) {

        private static final Kept NONE = new Kept(Map.of(), List.of());

        public Kept {
            columns = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(columns));
            indexes = List.copyOf(indexes);
        }

        public static Kept none() {
            return NONE;
        }

        public boolean isEmpty() {
            return columns.isEmpty() && indexes.isEmpty();
        }
    }

    /**
     * The statements of the rebuild proper, in order: create, copy, drop, rename, indexes. Keeping
     * triggers and views, and the foreign key check, are the executor's.
     */
    @Override
    public List<String> statements(SqlRenderer renderer) {
        return statements(renderer, Kept.none());
    }

    /**
     * The statements of a rebuild that also carries {@code kept} over: each kept column is added to the new
     * table as it was written and copied with the rest, each kept index is created again at the end.
     */
    public List<String> statements(SqlRenderer renderer, Kept kept) {
        var ctx = renderer.context();
        String temporary = temporaryName();
        List<String> statements = new ArrayList<>();
        statements.add(renderer.createTableOnly(after.withName(temporary)));
        kept.columns().values().forEach(definition -> statements.add("alter table " + ctx.render(Identifiers.name(temporary))
                + " add column " + definition));
        List<Field<?>> targets = new ArrayList<>();
        List<Field<?>> values = new ArrayList<>();
        sources.forEach((column, source) -> {
            if (after.hasColumn(column)) {
                targets.add(DSL.field(Identifiers.name(column)));
                values.add(source);
            }
        });
        kept.columns().keySet().forEach(column -> {
            targets.add(DSL.field(Identifiers.name(column)));
            values.add(DSL.field(Identifiers.name(column)));
        });
        if (targets.isEmpty()) {
            // Every old column went: keep the rows, filling the first column with its default.
            Column first = after.columns().get(0);
            targets.add(DSL.field(Identifiers.name(first.name())));
            values.add(first.hasDefault() ? Expressions.defaultField(first.defaultValue()) : DSL.inline((Object) null));
        }
        statements.add(ctx.insertInto(DSL.table(Identifiers.name(temporary)), targets)
                .select(ctx.select(values).from(DSL.table(Identifiers.name(table)))).getSQL());
        statements.add(ctx.dropTable(DSL.table(Identifiers.name(table))).getSQL());
        statements.add(ctx.alterTable(DSL.table(Identifiers.name(temporary))).renameTo(Identifiers.name(table)).getSQL());
        for (Index index : after.indexes()) {
            statements.add(renderer.createIndex(table, index));
        }
        statements.addAll(kept.indexes());
        return statements;
    }
}
