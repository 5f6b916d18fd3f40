package dev.permafrost.runtime;

import static dev.permafrost.runtime.Ddl.column;
import static dev.permafrost.runtime.Ddl.foreignKey;
import static dev.permafrost.runtime.Ddl.table;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.permafrost.model.ColumnType;
import dev.permafrost.testing.Db;
import dev.permafrost.testing.TestDatabase;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Dropping indexes that keys added later took over. MariaDB lets a foreign key use an index whose first columns
 * are its own; H2 gives a unique key or foreign key added to a table an existing index over the same columns in
 * any order, and refused to drop it ("Index IX_T44_C3 belongs to constraint UQ_T44_C3", found by the evolution
 * test), also when another table's foreign key references that unique key.
 */
class IndexUnderConstraintTest {

    @TempDir
    Path dir;

    static final class Tables implements Migration {
        @Override
        public void up(Operations op) {
            op.createTable(table("p").column(column("id", ColumnType.BIGINT).notNull())
                    .column(column("a", ColumnType.INTEGER)).column(column("b", ColumnType.INTEGER))
                    .primaryKey("pk_p", "id").uniqueIndex("ux_p_a_b", "a", "b"));
            op.createTable(table("ch").column(column("id", ColumnType.BIGINT).notNull())
                    .column(column("r", ColumnType.BIGINT)).column(column("x", ColumnType.INTEGER))
                    .column(column("y", ColumnType.INTEGER))
                    .primaryKey("pk_ch", "id").index("ix_ch_r", "r").index("ix_ch_y_x", "y", "x"));
        }

        @Override
        public void down(Operations op) {
            op.dropTable("ch");
            op.dropTable("p");
        }
    }

    static final class Keys implements Migration {
        @Override
        public void up(Operations op) {
            op.addUnique("p", "uq_p_b_a", "b", "a");
            op.addForeignKey("ch", foreignKey("fk_ch_r_p", "r").references("p", "id"));
            op.addForeignKey("ch", foreignKey("fk_ch_x_y_p", "y", "x").references("p", "b", "a"));
        }

        @Override
        public void down(Operations op) {
            op.dropForeignKey("ch", "fk_ch_x_y_p");
            op.dropForeignKey("ch", "fk_ch_r_p");
            op.dropUnique("p", "uq_p_b_a");
        }
    }

    static final class DropIndexes implements Migration {
        @Override
        public void up(Operations op) {
            op.dropIndex("ch", "ix_ch_r");
            op.dropIndex("ch", "ix_ch_y_x");
            op.dropIndex("p", "ux_p_a_b");
        }

        @Override
        public void down(Operations op) {
            op.createUniqueIndex("p", "ux_p_a_b", "a", "b");
            op.createIndex("ch", "ix_ch_y_x", "y", "x");
            op.createIndex("ch", "ix_ch_r", "r");
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void indexesKeysTookOverDropAndTheKeysStay(TestDatabase kind) throws Exception {
        try (TestDatabase.Fresh db = kind.create(dir)) {
            Migrator migrator = Migrator.configure(db.url())
                    .migrations(TestIndex.of(new Tables(), new Keys(), new DropIndexes())).build();
            migrator.migrateTo(1);
            Db.execute(db.url(), "insert into p (id, a, b) values (1, 10, 20)", "insert into ch (id, r, x, y) values (5, 1, 10, 20)");
            migrator.migrate();
            assertEquals(List.of(), migrator.validate().problems());

            migrator.migrateTo(2);
            assertEquals(List.of(), migrator.validate().problems());
            migrator.migrate();
            assertEquals(List.of(), migrator.validate().problems());
            assertEquals(List.of("5|1|10|20"), Db.rows(db.url(), "select id, r, x, y from ch"));
        }
    }

    static final class UniqueUnderKey implements Migration {
        @Override
        public void up(Operations op) {
            op.createTable(table("o").column(column("id", ColumnType.BIGINT).notNull()).primaryKey("pk_o", "id"));
            op.createTable(table("b").column(column("id", ColumnType.BIGINT).notNull())
                    .column(column("o_id", ColumnType.BIGINT)).column(column("d", ColumnType.INTEGER))
                    .primaryKey("pk_b", "id").unique("uq_b_o_id_d", "o_id", "d")
                    .foreignKey(foreignKey("fk_b_o_id_o", "o_id").references("o", "id")));
        }

        @Override
        public void down(Operations op) {
            op.dropTable("b");
            op.dropTable("o");
        }
    }

    static final class WidenUnique implements Migration {
        @Override
        public void up(Operations op) {
            op.dropUnique("b", "uq_b_o_id_d");
            op.addUnique("b", "uq_b_o_id_d_id", "o_id", "d", "id");
        }

        @Override
        public void down(Operations op) {
            op.dropUnique("b", "uq_b_o_id_d_id");
            op.addUnique("b", "uq_b_o_id_d", "o_id", "d");
        }
    }

    /**
     * MariaDB lets a foreign key use a unique key's index whose first column is its own, and refused to drop that
     * key ("needed in a foreign key constraint", found by the test kit on a real model): the key is dropped around.
     */
    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void aUniqueKeyAForeignKeyUsesDropsAndTheForeignKeyStays(TestDatabase kind) throws Exception {
        try (TestDatabase.Fresh db = kind.create(dir)) {
            Migrator migrator = Migrator.configure(db.url())
                    .migrations(TestIndex.of(new UniqueUnderKey(), new WidenUnique())).build();
            migrator.migrateTo(1);
            Db.execute(db.url(), "insert into o (id) values (1)", "insert into b (id, o_id, d) values (5, 1, 2)");
            migrator.migrate();
            assertEquals(List.of(), migrator.validate().problems());
            migrator.migrateTo(1);
            assertEquals(List.of(), migrator.validate().problems());
            assertEquals(List.of("5|1|2"), Db.rows(db.url(), "select id, o_id, d from b"));
        }
    }
}
