// Permafrost migration V0001: baseline.
// Written with snapshot V0001.sql. Edit it (data steps, a rename) until it ships; once it has
// run anywhere it is frozen: every database records its checksum and refuses a changed one.
package com.acme.shop.migrations;

import static dev.permafrost.runtime.Ddl.*;

import dev.permafrost.runtime.Migration;
import dev.permafrost.runtime.Operations;

public final class V0001_Baseline implements Migration {
    @Override
    public void up(Operations op) {
        op.createTable(table("categories")
                .column(column("id", BIGINT).notNull())
                .column(column("title", varchar(60)).notNull())
                .column(column("parent_id", BIGINT))
                .primaryKey("pk_categories", "id"));
        op.createTable(table("products")
                .column(column("id", BIGINT).notNull())
                .column(column("sku", varchar(40)).notNull())
                .column(column("name", varchar(255)).notNull().defaultValue("'unnamed'"))
                .column(column("price", decimal(10, 2)).defaultValue("0"))
                .column(column("cost", decimal(38, 2)))
                .column(column("active", BOOLEAN).notNull())
                .column(column("flags", SMALLINT).notNull())
                .column(column("rank", SMALLINT).notNull())
                .column(column("stock", INTEGER).notNull())
                .column(column("views", BIGINT).notNull())
                .column(column("weight", REAL).notNull())
                .column(column("ratio", DOUBLE).notNull())
                .column(column("featured", BOOLEAN))
                .column(column("shelf", SMALLINT))
                .column(column("aisle", INTEGER))
                .column(column("barcode", BIGINT))
                .column(column("rating", REAL))
                .column(column("score", DOUBLE))
                .column(column("notes", TEXT))
                .column(column("code", varchar(255)))
                .column(column("thumbnail", BLOB))
                .column(column("external_id", UUID))
                .column(column("launched_on", DATE))
                .column(column("opens_at", TIME))
                .column(column("updated_at", TIMESTAMP))
                .column(column("created_at", TIMESTAMP_TZ))
                .column(column("reviewed_at", TIMESTAMP_TZ))
                .column(column("status", varchar(12)))
                .column(column("imported_at", TIMESTAMP_TZ).notNull().defaultValue("current_timestamp"))
                .column(column("customer_id", BIGINT))
                .primaryKey("pk_products", "id")
                .unique("uq_products_sku", "sku")
                .check("ck_products_positive_price", "price >= 0")
                .index("ix_products_customer_id", "customer_id")
                .uniqueIndex("ix_products_name_launch", "name", "launched_on"));
        op.createTable(table("product_categories")
                .column(column("product_id", BIGINT).notNull())
                .column(column("category_id", BIGINT).notNull())
                .column(column("sort_order", INTEGER).notNull())
                .primaryKey("pk_product_categories", "product_id", "category_id")
                .foreignKey(foreignKey("fk_product_categories_category_id_categories", "category_id").references("categories", "id").onDelete(RESTRICT).onUpdate(CASCADE))
                .foreignKey(foreignKey("fk_product_categories_product_id_products", "product_id").references("products", "id").onDelete(CASCADE)));
    }

    @Override
    public void down(Operations op) {
        op.dropTable("product_categories");
        op.dropTable("products");
        op.dropTable("categories");
    }
}
