// Permafrost migration V0002: add column features_synced_at to products, create table reviews.
// Written with snapshot V0002.sql. Edit it (data steps, a rename) until it ships; once it has
// run anywhere it is frozen: every database records its checksum and refuses a changed one.
package com.acme.shop.migrations;

import static dev.permafrost.runtime.Ddl.*;

import dev.permafrost.runtime.Migration;
import dev.permafrost.runtime.Operations;

public final class V0002_AlterProductsAndReviews implements Migration {
    @Override
    public void up(Operations op) {
        op.addColumn("products", column("features_synced_at", TIMESTAMP_TZ));
        op.createTable(table("reviews")
                .column(column("id", BIGINT).notNull())
                .column(column("product_id", BIGINT).notNull())
                .column(column("stars", INTEGER).notNull())
                .column(column("body", TEXT))
                .primaryKey("pk_reviews", "id")
                .foreignKey(foreignKey("fk_reviews_product_id_products", "product_id").references("products", "id"))
                .check("ck_reviews_stars", "stars between 1 and 5")
                .index("ix_reviews_product_id_stars", "product_id", "stars"));
    }

    @Override
    public void down(Operations op) {
        op.dropTable("reviews");
        op.dropColumn("products", "features_synced_at");
    }
}
