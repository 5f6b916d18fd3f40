package dev.permafrost.dialect.h2;

import dev.permafrost.dialect.Dialect;
import dev.permafrost.dialect.LiveReading;
import dev.permafrost.dialect.SqlRenderer;
import dev.permafrost.diff.Op;
import dev.permafrost.model.ColumnType;
import dev.permafrost.model.ForeignKey;
import dev.permafrost.model.Index;
import dev.permafrost.model.Schema;
import dev.permafrost.model.Table;
import dev.permafrost.model.Unique;
import dev.permafrost.sql.Identifiers;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jooq.Field;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;

/**
 * H2: every DDL statement commits, a column is redefined in one statement, the lock is within this JVM (H2 has
 * no session lock Permafrost can use), and the schema is read from {@code information_schema} and the driver.
 */
public final class H2Dialect implements Dialect {

    public static final H2Dialect INSTANCE = new H2Dialect();

    private H2Dialect() {
    }

    @Override
    public String historyTableSql(String table) {
        return Dialect.historyTableSql(table, "bigint");
    }

    @Override
    public String displayName() {
        return "H2";
    }

    @Override
    public String nativeKey() {
        return "h2";
    }

    @Override
    public SQLDialect jooq() {
        return SQLDialect.H2;
    }

    /**
     * A JSON column's default is a document: H2 reads a plain string literal assigned to JSON as a JSON string
     * ({@code "{}"}), so the literal is marked {@code format json}.
     */
    @Override
    public Field<?> defaultField(String canonical, ColumnType type) {
        Field<?> field = Dialect.super.defaultField(canonical, type);
        return type.kind() == ColumnType.Kind.JSON && canonical.startsWith("'") ? DSL.field("{0} format json", field) : field;
    }

    /**
     * Text becomes JSON documents through a new column in the old one's place: H2 turns a string assigned to JSON
     * into a JSON string ({@code "{\"k\": 1}"}), with no {@code USING}; {@code format json} parses it instead.
     */
    private static List<String> textToJson(Op.AlterColumn alter, SqlRenderer renderer) {
        var ctx = renderer.context();
        var table = DSL.table(Identifiers.name(alter.table()));
        var column = DSL.field(Identifiers.name(alter.column()));
        var scratch = DSL.field(Identifiers.name("permafrost_json"));
        List<String> statements = new ArrayList<>();
        statements.add(ctx.render(DSL.query("alter table {0} add column {1} json before {2}", table, scratch, column)));
        statements.add(ctx.render(DSL.query("update {0} set {1} = {2} format json", table, scratch, column)));
        statements.add(ctx.alterTable(table).dropColumn(column).getSQL());
        statements.add(ctx.alterTable(table).renameColumn(scratch).to(column).getSQL());
        Op.AlterColumn rest = new Op.AlterColumn(alter.table(), alter.to().withNullable(true).defaultValue(null), alter.to(),
                alter.fillNulls());
        if (!rest.from().equals(rest.to())) {
            statements.addAll(renderer.redefineColumn(rest, renderer.dropDefault(rest)));
        }
        return statements;
    }

    /** One query of the catalog, for the table as written or as H2 folds an unquoted name (upper case). */
    @Override
    public boolean tableExists(Connection connection, String table) throws SQLException {
        try (java.sql.PreparedStatement statement = connection.prepareStatement("select count(*) from"
                + " information_schema.tables where table_schema = current_schema and table_name in (?, ?)")) {
            statement.setString(1, table);
            statement.setString(2, table.toUpperCase(java.util.Locale.ROOT));
            try (java.sql.ResultSet rs = statement.executeQuery()) {
                return rs.next() && rs.getInt(1) > 0;
            }
        }
    }

    /** H2 commits the open transaction at every DDL statement. */
    @Override
    public boolean transactionalDdl() {
        return false;
    }

    @Override
    public List<String> render(Op op, Schema before, SqlRenderer renderer) {
        if (op instanceof Op.AlterColumn alter && alter.to().type().kind() == ColumnType.Kind.JSON
                && alter.from().type().kind() != ColumnType.Kind.JSON) {
            return textToJson(alter, renderer);
        }
        if (op instanceof Op.AlterColumn alter) {
            List<String> statements = new ArrayList<>();
            if (alter.from().identity() && !alter.to().identity()) {
                statements.add(renderer.dropIdentity(alter.table(), alter.column()));
            }
            statements.addAll(renderer.redefineColumn(alter, renderer.dropDefault(alter)));
            return statements;
        }
        if (op instanceof Op.DropIndex drop) {
            return dropIndex(drop, before, renderer);
        }
        return renderer.standard(op, before);
    }

    /**
     * H2 (2.x) gives a unique constraint or foreign key added to an existing table an existing index over the same
     * columns, in any order ("Index ... belongs to constraint" on dropping it), and older H2s one whose first
     * columns they are. Which one it took is not in the schema, so every constraint it could have taken is dropped
     * and added again around the drop, with the foreign keys elsewhere that reference such a unique key.
     */
    private static List<String> dropIndex(Op.DropIndex op, Schema before, SqlRenderer renderer) {
        Table table = before.table(op.table()).orElseThrow();
        Index index = op.index();
        List<Unique> uniques = index.unique() ? table.uniques().stream()
                .filter(u -> u.columns().containsAll(index.columns())).toList() : List.of();
        Map<String, List<ForeignKey>> relying = new LinkedHashMap<>();
        for (Table other : before.tables()) {
            for (ForeignKey fk : other.foreignKeys()) {
                boolean own = other.name().equals(table.name()) && fk.columns().size() <= index.columns().size()
                        && Set.copyOf(fk.columns()).equals(Set.copyOf(index.columns().subList(0, fk.columns().size())));
                boolean referenced = fk.referencedTable().equals(table.name()) && uniques.stream()
                        .anyMatch(u -> u.columns().size() == fk.referencedColumns().size()
                                && Set.copyOf(u.columns()).equals(Set.copyOf(fk.referencedColumns())));
                if (own || referenced) {
                    relying.computeIfAbsent(other.name(), t -> new ArrayList<>()).add(fk);
                }
            }
        }
        return renderer.dropIndexAround(before, table.name(), index, uniques, relying);
    }

    /** H2 restarts an identity only at a literal, so the statement is made from the greatest value and executed. */
    @Override
    public List<String> continueIdentity(String table, String column, SqlRenderer renderer) {
        var ctx = renderer.context();
        String restart = ctx.render(DSL.query("alter table {0} alter column {1} restart with ", DSL.table(Identifiers.name(table)),
                DSL.field(Identifiers.name(column))));
        return List.of("execute immediate " + ctx.render(DSL.inline(restart)) + " || ("
                + ctx.render(renderer.nextIdentityValue(table, column)) + ")");
    }

    /**
     * H2 cannot rename a sequence: a new one is made, restarted where the old one stood (its {@code base_value},
     * the next value it would give), and the old one dropped.
     */
    @Override
    public List<String> renameSequence(dev.permafrost.model.Sequence from, dev.permafrost.model.Sequence to,
                                       String table, String column, SqlRenderer renderer) {
        var ctx = renderer.context();
        String position = "(select base_value from information_schema.sequences where sequence_schema = current_schema()"
                + " and lower(sequence_name) = " + ctx.render(DSL.inline(from.name())) + ")";
        return List.of(renderer.createSequence(to), renderer.restartSequenceAt(to, position), renderer.dropSequence(from));
    }

    @Override
    public LiveReading read(Connection connection, Set<String> ignoredTables) throws SQLException {
        return H2Catalog.read(connection, ignoredTables);
    }
}
