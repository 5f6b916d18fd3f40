package dev.permafrost.diff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.permafrost.model.Check;
import dev.permafrost.model.Column;
import dev.permafrost.model.ColumnType;
import dev.permafrost.model.Fixtures;
import dev.permafrost.model.ForeignKey;
import dev.permafrost.model.Index;
import dev.permafrost.model.PrimaryKey;
import dev.permafrost.model.Schema;
import dev.permafrost.model.Table;
import dev.permafrost.model.Unique;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DifferTest {

    private static final Schema SHOP = Fixtures.shop();

    /** Asserts the exact operations and that they, their inverse and the reverse diff all round-trip. */
    private static void assertDiff(Schema from, Schema to, Hints hints, List<Op> expected) {
        List<Op> ops = Differ.diff(from, to, hints);
        assertEquals(expected, ops);
        assertTrue(Differ.equivalent(to, Replay.apply(from, ops)), "up reaches the target");
        assertTrue(Differ.equivalent(from, Replay.apply(Replay.apply(from, ops), Op.inverseOf(ops))),
                "the inverse returns to the source");
        List<Op> back = Differ.diff(to, from, Hints.none());
        assertTrue(Differ.equivalent(from, Replay.apply(to, back)), "the reverse diff returns to the source");
    }

    private static Schema replace(Schema schema, Table table) {
        return schema.with(table);
    }

    private static Table products() {
        return SHOP.table("products").orElseThrow();
    }

    @Test
    void equalSchemasNeedNothingEvenWithColumnsInAnotherOrder() {
        Table reordered = products().withColumns(products().columns().reversed());
        assertEquals(List.of(), Differ.diff(SHOP, replace(SHOP, reordered)));
    }

    @Test
    void createAndDropTableOrderParentsAndChildren() {
        Schema empty = Schema.empty();
        List<Op> ops = Differ.diff(empty, SHOP);
        assertEquals(List.of("products", "tests", "assignments"),
                ops.stream().map(Op::table).toList(), "parents are created before the tables that reference them");
        assertDiff(empty, SHOP, Hints.none(), ops);
        List<Op> drops = Differ.diff(SHOP, empty);
        assertEquals(List.of("assignments", "tests", "products"), drops.stream().map(Op::table).toList());
    }

    @Test
    void addAndDropColumn() {
        Column synced = Column.of("features_synced_at", ColumnType.TIMESTAMP_TZ);
        List<Column> columns = new ArrayList<>(products().columns());
        columns.add(synced);
        Schema to = replace(SHOP, products().withColumns(columns));
        assertDiff(SHOP, to, Hints.none(), List.of(new Op.AddColumn("products", synced)));
        assertEquals(List.of(new Op.DropColumn("products", synced)), Differ.diff(to, SHOP));
    }

    @Test
    void alterTypeNullabilityAndDefault() {
        Column before = products().column("name").orElseThrow();
        Column after = before.withType(ColumnType.varchar(100)).withNullable(true).defaultValue(null);
        Schema to = replace(SHOP, products().mapColumns(c -> c.name().equals("name") ? after : c));
        assertDiff(SHOP, to, Hints.none(), List.of(new Op.AlterColumn("products", before, after, null)));
    }

    @Test
    void renameColumnFollowsIntoKeysIndexesChecksAndReferencingForeignKeys() {
        Hints hints = new Hints(Map.of(), Map.of("products", Map.of("product_id", "id")));
        Table renamed = Replay.apply(SHOP, new Op.RenameColumn("products", "id", "product_id")).table("products").orElseThrow();
        Schema to = Replay.apply(SHOP, new Op.RenameColumn("products", "id", "product_id"));
        assertEquals(List.of("product_id"), renamed.primaryKey().columns());
        assertEquals(List.of("product_id"), to.table("tests").orElseThrow().foreignKeys().get(0).referencedColumns());
        assertDiff(SHOP, to, hints, List.of(new Op.RenameColumn("products", "id", "product_id")));
        List<Op> withoutHint = Differ.diff(SHOP, to);
        assertTrue(withoutHint.contains(new Op.DropColumn("products", products().column("id").orElseThrow())),
                "without @RenamedFrom a rename is a drop and an add: " + withoutHint);
    }

    @Test
    void renameColumnRewritesCheckConditions() {
        Schema to = Replay.apply(SHOP, new Op.RenameColumn("products", "price", "cost"));
        assertEquals(List.of(new Check("ck_products_price", "cost >= 0")), to.table("products").orElseThrow().checks());
        assertDiff(SHOP, to, new Hints(Map.of(), Map.of("products", Map.of("cost", "price"))),
                List.of(new Op.RenameColumn("products", "price", "cost")));
    }

    @Test
    void renameTableRenamesItsConstraintsThatFollowTheConvention() {
        Table goods = rename(products(), "goods");
        Schema to = SHOP.without("products").with(goods).mapTables(t -> t.withForeignKeys(t.foreignKeys().stream()
                .map(fk -> fk.referencedTable().equals("products") ? fk.withReference("goods", fk.referencedColumns()) : fk)
                .toList()));
        List<Op> ops = Differ.diff(SHOP, to, new Hints(Map.of("goods", "products"), Map.of()));
        assertEquals(new Op.RenameTable("products", "goods"), ops.get(0));
        assertTrue(ops.contains(new Op.RenameConstraint("goods", "pk_products", "pk_goods")), ops.toString());
        assertTrue(ops.contains(new Op.RenameConstraint("goods", "ix_products_customer_id", "ix_goods_customer_id")), ops.toString());
        assertTrue(ops.stream().noneMatch(op -> op instanceof Op.DropTable || op instanceof Op.DropColumn), ops.toString());
        assertDiff(SHOP, to, new Hints(Map.of("goods", "products"), Map.of()), ops);
    }

    private static Table rename(Table table, String name) {
        String prefix = "_" + table.name() + "_";
        return new Table(name, table.columns(),
                table.primaryKey() == null ? null : new PrimaryKey("pk_" + name, table.primaryKey().columns()),
                table.uniques().stream().map(u -> u.withName(u.name().replace(prefix, "_" + name + "_"))).toList(),
                table.indexes().stream().map(i -> i.withName(i.name().replace(prefix, "_" + name + "_"))).toList(),
                table.foreignKeys(),
                table.checks().stream().map(c -> c.withName(c.name().replace(prefix, "_" + name + "_"))).toList());
    }

    @Test
    void keysIndexesUniquesChecksAndForeignKeysComeAndGo() {
        Table tests = SHOP.table("tests").orElseThrow();
        Table changed = tests
                .withIndexes(List.of(new Index("ix_tests_status", List.of("status"), false)))
                .withUniques(List.of(new Unique("uq_tests_status_product_id", List.of("status", "product_id"))))
                .withChecks(List.of(new Check("ck_tests_status", "status in ('new', 'done')")))
                .withForeignKeys(List.of(tests.foreignKeys().get(0).withName("fk_tests_product_id_products")));
        Schema to = replace(SHOP, changed);
        assertDiff(SHOP, to, Hints.none(), List.of(
                new Op.DropIndex("tests", tests.indexes().get(0)),
                new Op.AddUnique("tests", changed.uniques().get(0)),
                new Op.AddCheck("tests", changed.checks().get(0)),
                new Op.CreateIndex("tests", changed.indexes().get(0))));
    }

    @Test
    void aChangedOnDeleteIsDroppedAndAddedAgain() {
        Table tests = SHOP.table("tests").orElseThrow();
        ForeignKey old = tests.foreignKeys().get(0);
        ForeignKey restrict = new ForeignKey(old.name(), old.columns(), old.referencedTable(), old.referencedColumns(),
                ForeignKey.Action.RESTRICT, ForeignKey.Action.NO_ACTION);
        Schema to = replace(SHOP, tests.withForeignKeys(List.of(restrict)));
        assertDiff(SHOP, to, Hints.none(), List.of(
                new Op.DropForeignKey("tests", old), new Op.AddForeignKey("tests", restrict)));
    }

    @Test
    void primaryKeyChange() {
        Table tests = SHOP.table("tests").orElseThrow();
        PrimaryKey composite = new PrimaryKey("pk_tests", List.of("id", "product_id"));
        Schema to = replace(SHOP, tests.withPrimaryKey(composite));
        assertDiff(SHOP, to, Hints.none(), List.of(
                new Op.DropForeignKey("assignments", SHOP.table("assignments").orElseThrow().foreignKeys().stream()
                        .filter(fk -> fk.referencedTable().equals("tests")).findFirst().orElseThrow()),
                new Op.DropPrimaryKey("tests", tests.primaryKey()),
                new Op.AddPrimaryKey("tests", composite),
                new Op.AddForeignKey("assignments", SHOP.table("assignments").orElseThrow().foreignKeys().stream()
                        .filter(fk -> fk.referencedTable().equals("tests")).findFirst().orElseThrow())));
    }

    @Test
    void foreignKeysOverARetypedColumnAreRecreated() {
        Table tests = SHOP.table("tests").orElseThrow();
        Column productId = tests.column("product_id").orElseThrow();
        Column wider = productId.withType(ColumnType.decimal(20, 0));
        Schema to = replace(SHOP, tests.mapColumns(c -> c == productId ? wider : c));
        assertDiff(SHOP, to, Hints.none(), List.of(
                new Op.DropForeignKey("tests", tests.foreignKeys().get(0)),
                new Op.AlterColumn("tests", productId, wider, null),
                new Op.AddForeignKey("tests", tests.foreignKeys().get(0))));
    }

    @Test
    void foreignKeyCyclesAreSplitOffDeterministically() {
        Table a = new Table("a", List.of(Column.of("id", ColumnType.BIGINT).notNull(), Column.of("b_id", ColumnType.BIGINT)),
                new PrimaryKey("pk_a", List.of("id")), List.of(), List.of(),
                List.of(new ForeignKey("fk_a_b_id_b", List.of("b_id"), "b", List.of("id"), ForeignKey.Action.NO_ACTION,
                        ForeignKey.Action.NO_ACTION)), List.of());
        Table b = new Table("b", List.of(Column.of("id", ColumnType.BIGINT).notNull(), Column.of("a_id", ColumnType.BIGINT)),
                new PrimaryKey("pk_b", List.of("id")), List.of(), List.of(),
                List.of(new ForeignKey("fk_b_a_id_a", List.of("a_id"), "a", List.of("id"), ForeignKey.Action.NO_ACTION,
                        ForeignKey.Action.NO_ACTION)), List.of());
        Schema cyclic = new Schema(List.of(a, b));
        List<Op> ops = Differ.diff(Schema.empty(), cyclic);
        assertEquals(List.of(
                new Op.CreateTable(a.withForeignKeys(List.of())),
                new Op.CreateTable(b),
                new Op.AddForeignKey("a", a.foreignKeys().get(0))), ops);
        assertDiff(Schema.empty(), cyclic, Hints.none(), ops);
        List<Op> drops = Differ.diff(cyclic, Schema.empty());
        assertEquals(new Op.DropForeignKey("b", b.foreignKeys().get(0)), drops.get(0));
    }

    @Test
    void renamingOntoAnExistingNameIsRefusedWithTheWayOut() {
        Table tests = SHOP.table("tests").orElseThrow();
        Schema to = replace(SHOP, tests.mapColumns(c -> c.name().equals("status") ? c.withName("state") : c));
        Schema both = replace(SHOP, tests.withColumns(List.of(tests.columns().get(0), tests.columns().get(1),
                tests.columns().get(2), Column.of("state", ColumnType.TEXT))));
        DiffException e = assertThrows(DiffException.class, () -> Differ.diff(both, to,
                new Hints(Map.of(), Map.of("tests", Map.of("state", "status")))));
        assertEquals("column tests.status cannot be renamed to state because a column state exists too;"
                + " drop or rename that one in an earlier migration", e.getMessage());
    }

    @Test
    void staleRenameHintsAreIgnored() {
        assertEquals(List.of(), Differ.diff(SHOP, SHOP, new Hints(Map.of("products", "goods"),
                Map.of("products", Map.of("name", "title")))));
    }

    @Test
    void inverseOfDroppingANotNullColumnRefillsRows() {
        Column sku = products().column("sku").orElseThrow();
        List<Op> inverse = new Op.DropColumn("products", sku).inverse();
        assertEquals(List.of(
                new Op.AddColumn("products", sku.defaultValue("''")),
                new Op.AlterColumn("products", sku.defaultValue("''"), sku, null)), inverse);
    }

    @Test
    void aDefaultAloneChanges() {
        Column status = SHOP.table("tests").orElseThrow().column("status").orElseThrow();
        Column changed = status.defaultValue("'queued'");
        Schema to = replace(SHOP, SHOP.table("tests").orElseThrow().mapColumns(c -> c == status ? changed : c));
        assertDiff(SHOP, to, Hints.none(), List.of(new Op.AlterColumn("tests", status, changed, null)));
    }

    @Test
    void nullabilityAloneChangesBothWays() {
        Column rank = products().column("rank").orElseThrow();
        Column required = rank.notNull().defaultValue("0");
        Schema to = replace(SHOP, products().mapColumns(c -> c == rank ? required : c));
        assertDiff(SHOP, to, Hints.none(), List.of(new Op.AlterColumn("products", rank, required, null)));
        assertEquals(List.of(new Op.AlterColumn("products", required, rank, null)), Differ.diff(to, SHOP));
    }

    @Test
    void aUniqueIndexAndAUniqueConstraintAreDistinct() {
        Index unique = new Index("ix_products_sku", List.of("sku"), true);
        Table changed = products().withUniques(List.of()).withIndexes(List.of(products().indexes().get(0),
                products().indexes().get(1), unique));
        Schema to = replace(SHOP, changed);
        assertDiff(SHOP, to, Hints.none(), List.of(
                new Op.DropUnique("products", products().uniques().get(0)),
                new Op.CreateIndex("products", unique)));
    }

    @Test
    void aChangedCheckConditionIsDroppedAndAdded() {
        Check old = products().checks().get(0);
        Check stricter = new Check(old.name(), "price > 0");
        Schema to = replace(SHOP, products().withChecks(List.of(stricter)));
        assertDiff(SHOP, to, Hints.none(), List.of(new Op.DropCheck("products", old), new Op.AddCheck("products", stricter)));
    }

    @Test
    void droppingAReferencedTableDropsTheReferencesFirst() {
        Schema to = SHOP.without("tests").mapTables(t -> t.withForeignKeys(t.foreignKeys().stream()
                .filter(fk -> !fk.referencedTable().equals("tests")).toList()));
        List<Op> ops = Differ.diff(SHOP, to);
        assertEquals(new Op.DropForeignKey("assignments", SHOP.table("assignments").orElseThrow().foreignKeys().stream()
                .filter(fk -> fk.referencedTable().equals("tests")).findFirst().orElseThrow()), ops.get(0));
        assertDiff(SHOP, to, Hints.none(), ops);
    }

    @Test
    void aNewTableReferencingAKeyAddedInTheSameMigrationComesAfterTheKey() {
        Table parents = new Table("parents", List.of(Column.of("id", ColumnType.BIGINT).notNull(),
                Column.of("code", ColumnType.varchar(20))), new PrimaryKey("pk_parents", List.of("id")), List.of(),
                List.of(), List.of(), List.of());
        Table keyed = parents.withUniques(List.of(new Unique("uq_parents_code", List.of("code"))));
        Table child = new Table("children", List.of(Column.of("id", ColumnType.BIGINT).notNull(),
                Column.of("parent_code", ColumnType.varchar(20))), new PrimaryKey("pk_children", List.of("id")),
                List.of(), List.of(), List.of(new ForeignKey("fk_children_parent_code_parents", List.of("parent_code"),
                        "parents", List.of("code"), ForeignKey.Action.NO_ACTION, ForeignKey.Action.NO_ACTION)), List.of());
        Schema from = new Schema(List.of(parents));
        Schema to = new Schema(List.of(keyed, child));

        List<Op> ops = Differ.diff(from, to);

        assertEquals(List.of(new Op.AddUnique("parents", keyed.uniques().get(0)), new Op.CreateTable(child)), ops);
        assertEquals(List.of(new Op.DropTable(child), new Op.DropUnique("parents", keyed.uniques().get(0))),
                Op.inverseOf(ops), "down drops the table that references the key before the key");
        assertDiff(from, to, Hints.none(), ops);
    }
}
