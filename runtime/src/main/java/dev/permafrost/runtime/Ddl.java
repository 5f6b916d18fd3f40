package dev.permafrost.runtime;

import dev.permafrost.model.Column;
import dev.permafrost.model.ColumnType;
import dev.permafrost.model.ForeignKey;

/**
 * The vocabulary of migration stubs, for static import: {@code table("products")},
 * {@code column("name", varchar(255)).notNull()}, {@code foreignKey(..).references(..)}, the logical
 * types and the referential actions.
 */
public final class Ddl {

    public static final ColumnType BOOLEAN = ColumnType.BOOLEAN;
    public static final ColumnType SMALLINT = ColumnType.SMALLINT;
    public static final ColumnType INTEGER = ColumnType.INTEGER;
    public static final ColumnType BIGINT = ColumnType.BIGINT;
    public static final ColumnType REAL = ColumnType.REAL;
    public static final ColumnType DOUBLE = ColumnType.DOUBLE;
    public static final ColumnType TEXT = ColumnType.TEXT;
    public static final ColumnType DATE = ColumnType.DATE;
    public static final ColumnType TIME = ColumnType.TIME;
    public static final ColumnType TIMESTAMP = ColumnType.TIMESTAMP;
    public static final ColumnType TIMESTAMP_TZ = ColumnType.TIMESTAMP_TZ;
    public static final ColumnType UUID = ColumnType.UUID;
    public static final ColumnType BLOB = ColumnType.BLOB;
    public static final ColumnType JSON = ColumnType.JSON;

    public static final ForeignKey.Action NO_ACTION = ForeignKey.Action.NO_ACTION;
    public static final ForeignKey.Action RESTRICT = ForeignKey.Action.RESTRICT;
    public static final ForeignKey.Action CASCADE = ForeignKey.Action.CASCADE;
    public static final ForeignKey.Action SET_NULL = ForeignKey.Action.SET_NULL;
    public static final ForeignKey.Action SET_DEFAULT = ForeignKey.Action.SET_DEFAULT;

    private Ddl() {
    }

    public static ColumnType varchar(int length) {
        return ColumnType.varchar(length);
    }

    public static ColumnType decimal(int precision, int scale) {
        return ColumnType.decimal(precision, scale);
    }

    /** A nullable column without default; chain {@code .notNull()} and {@code .defaultValue("sql")}. */
    public static Column column(String name, ColumnType type) {
        return Column.of(name, type);
    }

    /** The start of a table definition for {@link Operations#createTable}. */
    public static TableBuilder table(String name) {
        return new TableBuilder(name);
    }

    /** The start of a foreign key: its name and columns; chain {@code .references(table, columns...)}. */
    public static ForeignKeyBuilder foreignKey(String name, String... columns) {
        return new ForeignKeyBuilder(name, java.util.List.of(columns), null, java.util.List.of(),
                ForeignKey.Action.NO_ACTION, ForeignKey.Action.NO_ACTION);
    }
}
