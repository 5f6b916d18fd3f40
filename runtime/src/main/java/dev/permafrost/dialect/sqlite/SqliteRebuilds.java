package dev.permafrost.dialect.sqlite;

import dev.permafrost.dialect.SqlRenderer;
import dev.permafrost.dialect.TableRebuild;
import dev.permafrost.dialect.TableRebuilds;
import dev.permafrost.diff.Op;
import dev.permafrost.model.Table;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * SQLite's rebuilds as its documentation prescribes: the triggers and views that mention the table are dropped
 * before and recreated after, and what the live table holds beyond the schema (a column or index added by hand)
 * is carried over, or the migration refused, so that a rebuild never deletes it unasked.
 */
final class SqliteRebuilds implements TableRebuilds {

    static final SqliteRebuilds INSTANCE = new SqliteRebuilds();

    private SqliteRebuilds() {
    }

    @Override
    public TableRebuild start(Table table) {
        return SqliteRebuild.of(table);
    }

    @Override
    public boolean foldable(Op op) {
        return SqliteRebuild.foldable(op);
    }

    @Override
    public Run prepare(Connection connection, TableRebuild planned, SqlRenderer renderer, String label)
            throws SQLException {
        SqliteRebuild rebuild = (SqliteRebuild) planned;
        SqliteRebuild.Kept kept = SqliteKept.read(connection, rebuild, label);
        List<String> notes = new ArrayList<>();
        notes.add("SQLite cannot ALTER this, so the table is rebuilt with foreign keys off (set before the"
                + " transaction), keeping triggers and views that mention it, and checking foreign keys before the commit");
        String warning = null;
        if (!kept.isEmpty()) {
            notes.add("it also keeps what no migration created: " + describe(kept));
            warning = label + " rebuilds table " + rebuild.table() + " and keeps what no migration created: "
                    + describe(kept) + " (Migrator.validate() reports them as drift)";
        }
        List<String> drops = new ArrayList<>();
        List<String> recreate = new ArrayList<>();
        String needle = rebuild.table().toLowerCase(Locale.ROOT);
        try (Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery(
                     "select type, name, sql from sqlite_master where type in ('trigger', 'view') and sql is not null"
                             + " order by case type when 'view' then 0 else 1 end, name")) {
            while (rs.next()) {
                if (rs.getString(3).toLowerCase(Locale.ROOT).contains(needle)) {
                    drops.add("drop " + rs.getString(1) + " \"" + rs.getString(2).replace("\"", "\"\"") + "\"");
                    recreate.add(rs.getString(3));
                }
            }
        }
        return new Run(notes, warning, drops, rebuild.statements(renderer, kept), recreate);
    }

    /** What a rebuild keeps, for people: {@code column notes, index ix_manual}. */
    static String describe(SqliteRebuild.Kept kept) {
        List<String> parts = new ArrayList<>();
        kept.columns().keySet().forEach(c -> parts.add("column " + c));
        kept.indexes().forEach(sql -> parts.add("index " + sql.replaceFirst("(?is)^create\\s+(unique\\s+)?index\\s+"
                + "(if\\s+not\\s+exists\\s+)?", "").replaceFirst("(?s)\\s+on\\s.*$", "")));
        return String.join(", ", parts);
    }
}
