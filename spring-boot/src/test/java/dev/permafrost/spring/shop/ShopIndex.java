package dev.permafrost.spring.shop;

import static dev.permafrost.runtime.Ddl.INTEGER;
import static dev.permafrost.runtime.Ddl.BIGINT;
import static dev.permafrost.runtime.Ddl.column;
import static dev.permafrost.runtime.Ddl.table;
import static dev.permafrost.runtime.Ddl.varchar;

import dev.permafrost.runtime.Migration;
import dev.permafrost.runtime.Operations;
import dev.permafrost.runtime.spi.MigrationEntry;
import dev.permafrost.runtime.spi.MigrationIndex;
import java.util.List;

/**
 * The shop's migrations, written by hand as the processor would: V0001 creates {@code items}, V0002 adds its price.
 * Registered for {@link java.util.ServiceLoader} beside {@code AuditIndex}, so that the class path holds two modules'
 * migrations as a real application with several databases does.
 */
public final class ShopIndex implements MigrationIndex {

    /** V0001's checksum; a test changes it to stand for an applied migration edited afterwards. */
    public static volatile String v1Checksum = "shop-1";

    @Override
    public List<MigrationEntry> migrations() {
        return List.of(new MigrationEntry(1, "baseline", v1Checksum, V0001.class.getName()),
                new MigrationEntry(2, "item price", "shop-2", V0002.class.getName()));
    }

    @Override
    public Migration load(MigrationEntry entry) {
        return entry.version() == 1 ? new V0001() : new V0002();
    }

    public static final class V0001 implements Migration {
        @Override
        public void up(Operations op) {
            op.createTable(table("items")
                    .column(column("id", BIGINT).notNull())
                    .column(column("name", varchar(100)).notNull())
                    .primaryKey("pk_items", "id"));
        }

        @Override
        public void down(Operations op) {
            op.dropTable("items");
        }
    }

    public static final class V0002 implements Migration {
        @Override
        public void up(Operations op) {
            op.addColumn("items", column("price", INTEGER));
        }

        @Override
        public void down(Operations op) {
            op.dropColumn("items", "price");
        }
    }
}
