// Permafrost migration V0001: baseline.
// Written with snapshot V0001.sql. Edit it (data steps, a rename) until it ships; once it has
// run anywhere it is frozen: every database records its checksum and refuses a changed one.
package dev.permafrost.example.migrations;

import static dev.permafrost.runtime.Ddl.*;

import dev.permafrost.runtime.Migration;
import dev.permafrost.runtime.Operations;

public final class V0001_Baseline implements Migration {
    @Override
    public void up(Operations op) {
        op.createTable(table("products")
                .column(column("id", BIGINT).notNull())
                .column(column("customer_id", BIGINT).notNull())
                .column(column("name", varchar(120)).notNull())
                .column(column("created_at", TIMESTAMP_TZ).notNull().defaultValue("current_timestamp"))
                .primaryKey("pk_products", "id")
                .index("ix_products_customer_id", "customer_id"));
        op.createTable(table("features")
                .column(column("id", BIGINT).notNull())
                .column(column("product_id", BIGINT).notNull())
                .column(column("name", varchar(120)).notNull())
                .column(column("enabled", BOOLEAN).notNull().defaultValue("true"))
                .primaryKey("pk_features", "id")
                .foreignKey(foreignKey("fk_features_product_id_products", "product_id").references("products", "id"))
                .uniqueIndex("ix_features_product_id_name", "product_id", "name"));
        op.createTable(table("sync_events")
                .column(column("id", UUID).notNull())
                .column(column("customer_id", BIGINT).notNull())
                .column(column("kind", varchar(40)).notNull())
                .column(column("payload", TEXT))
                .column(column("occurred_at", TIMESTAMP_TZ).notNull())
                .primaryKey("pk_sync_events", "id")
                .index("ix_sync_events_customer_id", "customer_id"));
        op.createTable(table("tests")
                .column(column("id", BIGINT).notNull())
                .column(column("product_id", BIGINT).notNull())
                .column(column("title", varchar(200)).notNull())
                .column(column("status", varchar(20)).notNull().defaultValue("'QUEUED'"))
                .column(column("started_at", TIMESTAMP_TZ))
                .column(column("finished_at", TIMESTAMP_TZ))
                .primaryKey("pk_tests", "id")
                .foreignKey(foreignKey("fk_tests_product_id_products", "product_id").references("products", "id").onDelete(CASCADE))
                .index("ix_tests_product_id", "product_id"));
        op.createTable(table("bugs")
                .column(column("id", BIGINT).notNull())
                .column(column("test_id", BIGINT).notNull())
                .column(column("title", varchar(200)).notNull())
                .column(column("severity", varchar(10)).notNull())
                .column(column("description", TEXT))
                .column(column("reported_at", TIMESTAMP_TZ).notNull())
                .primaryKey("pk_bugs", "id")
                .foreignKey(foreignKey("fk_bugs_test_id_tests", "test_id").references("tests", "id").onDelete(CASCADE))
                .index("ix_bugs_test_id", "test_id"));
        op.createTable(table("users")
                .column(column("id", BIGINT).notNull())
                .column(column("customer_id", BIGINT).notNull())
                .column(column("email", varchar(254)).notNull())
                .column(column("display_name", varchar(120)))
                .column(column("created_at", TIMESTAMP_TZ).notNull().defaultValue("current_timestamp"))
                .primaryKey("pk_users", "id")
                .unique("uq_users_email", "email")
                .index("ix_users_customer_id", "customer_id"));
    }

    @Override
    public void down(Operations op) {
        op.dropTable("users");
        op.dropTable("bugs");
        op.dropTable("tests");
        op.dropTable("sync_events");
        op.dropTable("features");
        op.dropTable("products");
    }
}
