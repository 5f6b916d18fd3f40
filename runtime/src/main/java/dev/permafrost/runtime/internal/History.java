package dev.permafrost.runtime.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;

/**
 * The history table {@value #TABLE}: one row per applied migration. Read with plain JDBC (the start of
 * an up-to-date application touches nothing else); created with jOOQ the first time a migration runs.
 */
public final class History {

    public static final String TABLE = "permafrost_history";

    private static final String COLUMNS = "version, description, checksum, applied_at, execution_ms, success, statements";

    private History() {
    }

    /** The applied migrations by version, or an empty list when the table does not exist yet. */
    public static List<AppliedMigration> read(Connection connection) throws SQLException {
        if (!exists(connection)) {
            return List.of();
        }
        List<AppliedMigration> applied = new ArrayList<>();
        try (Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("select " + COLUMNS + " from " + TABLE + " order by version")) {
            while (rs.next()) {
                applied.add(new AppliedMigration(rs.getInt(1), rs.getString(2), rs.getString(3),
                        Instant.parse(rs.getString(4)), rs.getLong(5), rs.getBoolean(6), rs.getInt(7)));
            }
        }
        return applied;
    }

    /** The row of one version, or {@code null}; for re-checking inside a migration's transaction. */
    public static AppliedMigration find(Connection connection, int version) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "select " + COLUMNS + " from " + TABLE + " where version = ?")) {
            statement.setInt(1, version);
            try (ResultSet rs = statement.executeQuery()) {
                if (!rs.next()) {
                    return null;
                }
                return new AppliedMigration(rs.getInt(1), rs.getString(2), rs.getString(3),
                        Instant.parse(rs.getString(4)), rs.getLong(5), rs.getBoolean(6), rs.getInt(7));
            }
        }
    }

    static boolean exists(Connection connection) throws SQLException {
        // Looked up in the connection's current schema; H2 folds unquoted names to upper case.
        for (String name : new String[] {TABLE, TABLE.toUpperCase(java.util.Locale.ROOT)}) {
            try (ResultSet rs = connection.getMetaData().getTables(connection.getCatalog(), connection.getSchema(),
                    name, new String[] {"TABLE"})) {
                while (rs.next()) {
                    if (TABLE.equalsIgnoreCase(rs.getString("TABLE_NAME"))) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    /** Creates the table unless it exists. */
    public static void create(DSLContext ctx) {
        ctx.createTableIfNotExists(DSL.name(TABLE))
                .column(DSL.name("version"), SQLDataType.INTEGER.nullable(false))
                .column(DSL.name("description"), SQLDataType.VARCHAR(200).nullable(false))
                .column(DSL.name("checksum"), SQLDataType.VARCHAR(64).nullable(false))
                .column(DSL.name("applied_at"), SQLDataType.VARCHAR(40).nullable(false))
                .column(DSL.name("execution_ms"), SQLDataType.BIGINT.nullable(false))
                .column(DSL.name("success"), SQLDataType.BOOLEAN.nullable(false))
                .column(DSL.name("statements"), SQLDataType.INTEGER.nullable(false))
                .constraints(DSL.constraint(DSL.name("pk_" + TABLE)).primaryKey(DSL.name("version")))
                .execute();
    }

    public static void insert(Connection connection, AppliedMigration row) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "insert into " + TABLE + " (" + COLUMNS + ") values (?, ?, ?, ?, ?, ?, ?)")) {
            statement.setInt(1, row.version());
            statement.setString(2, truncate(row.description()));
            statement.setString(3, row.checksum());
            statement.setString(4, row.appliedAt().toString());
            statement.setLong(5, row.executionMillis());
            statement.setBoolean(6, row.success());
            statement.setInt(7, row.statements());
            statement.executeUpdate();
        }
    }

    public static void delete(Connection connection, int version) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("delete from " + TABLE + " where version = ?")) {
            statement.setInt(1, version);
            statement.executeUpdate();
        }
    }

    private static String truncate(String description) {
        return description.length() <= 200 ? description : description.substring(0, 197) + "...";
    }
}
