package dev.permafrost.spring.audit;

import static dev.permafrost.runtime.Ddl.BIGINT;
import static dev.permafrost.runtime.Ddl.column;
import static dev.permafrost.runtime.Ddl.table;
import static dev.permafrost.runtime.Ddl.varchar;

import dev.permafrost.runtime.Migration;
import dev.permafrost.runtime.Operations;
import dev.permafrost.runtime.spi.MigrationEntry;
import dev.permafrost.runtime.spi.MigrationIndex;
import java.util.List;

/** The audit database's migrations: V0001 creates {@code events}. */
public final class AuditIndex implements MigrationIndex {

    @Override
    public List<MigrationEntry> migrations() {
        return List.of(new MigrationEntry(1, "baseline", "audit-1", V0001.class.getName()));
    }

    @Override
    public Migration load(MigrationEntry entry) {
        return new V0001();
    }

    public static final class V0001 implements Migration {
        @Override
        public void up(Operations op) {
            op.createTable(table("events")
                    .column(column("id", BIGINT).notNull())
                    .column(column("kind", varchar(40)).notNull())
                    .primaryKey("pk_events", "id"));
        }

        @Override
        public void down(Operations op) {
            op.dropTable("events");
        }
    }
}
