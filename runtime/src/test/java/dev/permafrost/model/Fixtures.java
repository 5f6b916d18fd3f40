package dev.permafrost.model;

import java.util.List;

/** Schemas used across tests: one that exercises every logical type and constraint kind. */
public final class Fixtures {

    private Fixtures() {
    }

    public static Table products() {
        return new Table("products",
                List.of(
                        Column.of("id", ColumnType.BIGINT).notNull(),
                        Column.of("sku", ColumnType.varchar(40)).notNull(),
                        Column.of("name", ColumnType.varchar(255)).notNull().defaultValue("'unnamed'"),
                        Column.of("price", ColumnType.decimal(10, 2)).defaultValue("0"),
                        Column.of("active", ColumnType.BOOLEAN).notNull().defaultValue("true"),
                        Column.of("rank", ColumnType.SMALLINT),
                        Column.of("stock", ColumnType.INTEGER),
                        Column.of("weight", ColumnType.REAL),
                        Column.of("ratio", ColumnType.DOUBLE),
                        Column.of("notes", ColumnType.TEXT),
                        Column.of("launched_on", ColumnType.DATE),
                        Column.of("opens_at", ColumnType.TIME),
                        Column.of("updated_at", ColumnType.TIMESTAMP),
                        Column.of("created_at", ColumnType.TIMESTAMP_TZ).notNull().defaultValue("current_timestamp"),
                        Column.of("external_id", ColumnType.UUID),
                        Column.of("thumbnail", ColumnType.BLOB),
                        Column.of("customer_id", ColumnType.BIGINT)),
                new PrimaryKey("pk_products", List.of("id")),
                List.of(new Unique("uq_products_sku", List.of("sku"))),
                List.of(new Index("ix_products_customer_id", List.of("customer_id"), false),
                        new Index("ix_products_name_rank", List.of("name", "rank"), true)),
                List.of(),
                List.of(new Check("ck_products_price", "price >= 0")));
    }

    public static Table tests() {
        return new Table("tests",
                List.of(
                        Column.of("id", ColumnType.BIGINT).notNull(),
                        Column.of("product_id", ColumnType.BIGINT).notNull(),
                        Column.of("status", ColumnType.varchar(20)).notNull().defaultValue("'new'")),
                new PrimaryKey("pk_tests", List.of("id")),
                List.of(),
                List.of(new Index("ix_tests_product_id", List.of("product_id"), false)),
                List.of(new ForeignKey("fk_tests_product_id_products", List.of("product_id"), "products", List.of("id"),
                        ForeignKey.Action.CASCADE, ForeignKey.Action.NO_ACTION)),
                List.of());
    }

    /** A table with a composite key and foreign keys using every action. */
    public static Table assignments() {
        return new Table("assignments",
                List.of(
                        Column.of("test_id", ColumnType.BIGINT).notNull(),
                        Column.of("product_id", ColumnType.BIGINT).notNull(),
                        Column.of("owner_id", ColumnType.BIGINT),
                        Column.of("backup_id", ColumnType.BIGINT),
                        Column.of("reviewer_id", ColumnType.BIGINT)),
                new PrimaryKey("pk_assignments", List.of("test_id", "product_id")),
                List.of(),
                List.of(),
                List.of(
                        new ForeignKey("fk_assignments_test_id_tests", List.of("test_id"), "tests", List.of("id"),
                                ForeignKey.Action.RESTRICT, ForeignKey.Action.CASCADE),
                        new ForeignKey("fk_assignments_owner_id_products", List.of("owner_id"), "products", List.of("id"),
                                ForeignKey.Action.SET_NULL, ForeignKey.Action.SET_DEFAULT),
                        new ForeignKey("fk_assignments_backup_id_products", List.of("backup_id"), "products", List.of("id"),
                                ForeignKey.Action.NO_ACTION, ForeignKey.Action.RESTRICT)),
                List.of(new Check("ck_assignments_distinct", "(owner_id <> backup_id or owner_id is null)")));
    }

    public static Schema shop() {
        return new Schema(List.of(products(), tests(), assignments()));
    }

    /**
     * {@link #shop()} as every tested database accepts it: MariaDB's InnoDB refuses {@code SET DEFAULT} and
     * checks over columns that a referential action changes.
     */
    public static Schema portableShop() {
        Table assignments = assignments();
        return new Schema(List.of(products(), tests(), assignments
                .withForeignKeys(assignments.foreignKeys().stream().map(fk -> new ForeignKey(fk.name(), fk.columns(),
                        fk.referencedTable(), fk.referencedColumns(), fk.onDelete(),
                        fk.onUpdate() == ForeignKey.Action.SET_DEFAULT ? ForeignKey.Action.NO_ACTION : fk.onUpdate())).toList())
                .withChecks(List.of(new Check("ck_assignments_distinct", "(reviewer_id is null or reviewer_id > 0)")))));
    }
}
