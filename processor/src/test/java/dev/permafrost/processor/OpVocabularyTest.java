package dev.permafrost.processor;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.permafrost.diff.Op;
import dev.permafrost.diff.Replay;
import dev.permafrost.model.Check;
import dev.permafrost.model.Column;
import dev.permafrost.model.ColumnType;
import dev.permafrost.model.ForeignKey;
import dev.permafrost.model.Index;
import dev.permafrost.model.PrimaryKey;
import dev.permafrost.model.Schema;
import dev.permafrost.model.Table;
import dev.permafrost.model.Unique;
import dev.permafrost.processor.diff.Summary;
import dev.permafrost.processor.write.StubWriter;
import dev.permafrost.runtime.internal.OpsMigration;
import dev.permafrost.runtime.internal.Recorder;
import dev.permafrost.runtime.spi.MigrationIndex;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The vocabulary of operations is {@link Op}; three mappings speak it: the stub writer (operation to source), the
 * ops migration (operation to {@code Operations} calls) and the recorder ({@code Operations} calls to operation).
 * One migration holding every kind of operation goes through each and comes back equal, so a new kind of operation
 * cannot be left out of one of them.
 */
class OpVocabularyTest {

    @TempDir
    Path dir;

    private static final Column ID = Column.of("id", ColumnType.BIGINT).notNull();

    private static final Table PARENT = new Table("parent", List.of(ID, Column.of("code", ColumnType.varchar(20))),
            new PrimaryKey("pk_parent", List.of("id")), List.of(), List.of(), List.of(), List.of());

    private static final Table CHILD = new Table("child", List.of(ID, Column.of("p", ColumnType.BIGINT),
            Column.of("n", ColumnType.INTEGER), Column.of("c", ColumnType.varchar(10))),
            new PrimaryKey("pk_child", List.of("id")), List.of(new Unique("uq_child_c", List.of("c"))),
            List.of(new Index("ix_child_n", List.of("n"), false)),
            List.of(new ForeignKey("fk_child_p_parent", List.of("p"), "parent", List.of("id"), ForeignKey.Action.CASCADE,
                    ForeignKey.Action.NO_ACTION)),
            List.of(new Check("ck_child_n", "n >= 0")));

    private static final Schema BEFORE = new Schema(List.of(PARENT, CHILD));

    /** Every kind of operation, in an order that replays onto {@link #BEFORE}. */
    private static List<Op> everyKind() {
        Table extra = new Table("extra", List.of(ID.asIdentity()), new PrimaryKey("pk_extra", List.of("id")), List.of(),
                List.of(), List.of(), List.of());
        Column m = Column.of("m", ColumnType.INTEGER);
        List<Op> ops = new ArrayList<>(List.of(
                new Op.CreateTable(extra),
                new Op.AddColumn("child", m),
                new Op.RenameColumn("child", "m", "m2"),
                new Op.AlterColumn("child", m.withName("m2"), Column.of("m2", ColumnType.BIGINT).notNull(), "0"),
                new Op.AlterColumn("child", Column.of("m2", ColumnType.BIGINT).notNull(),
                        Column.of("m2", ColumnType.BIGINT).notNull().defaultValue("7"), null),
                new Op.AlterColumn("extra", ID.asIdentity(), ID, null),
                new Op.AlterColumn("extra", ID, ID.asIdentity(), null),
                new Op.DropPrimaryKey("extra", extra.primaryKey()),
                new Op.AddPrimaryKey("extra", new PrimaryKey("pk_extra", List.of("id"))),
                new Op.AddUnique("parent", new Unique("uq_parent_code", List.of("code"))),
                new Op.DropUnique("child", CHILD.uniques().get(0)),
                new Op.CreateIndex("child", new Index("ix_child_c", List.of("c"), true)),
                new Op.CreateIndex("child", new Index("ix_child_n_c", List.of("n", "c"), false)),
                new Op.DropIndex("child", CHILD.indexes().get(0)),
                new Op.AddForeignKey("extra", new ForeignKey("fk_extra_id_parent", List.of("id"), "parent", List.of("id"),
                        ForeignKey.Action.SET_NULL, ForeignKey.Action.CASCADE)),
                new Op.DropForeignKey("child", CHILD.foreignKeys().get(0)),
                new Op.AddCheck("extra", new Check("ck_extra_id", "id > 0")),
                new Op.DropCheck("child", CHILD.checks().get(0)),
                new Op.RenameConstraint("child", "ix_child_c", "ix_child_c2"),
                new Op.DropColumn("child", Column.of("p", ColumnType.BIGINT)),
                new Op.RenameTable("extra", "extra2")));
        Schema after = Replay.apply(BEFORE, ops);
        ops.add(new Op.DropTable(after.table("extra2").orElseThrow()));
        return ops;
    }

    @Test
    void theMigrationCoversEveryKindOfOperation() {
        Set<String> kinds = Arrays.stream(Op.class.getPermittedSubclasses()).map(Class::getSimpleName)
                .collect(Collectors.toCollection(TreeSet::new));
        Set<String> used = everyKind().stream().map(o -> o.getClass().getSimpleName())
                .collect(Collectors.toCollection(TreeSet::new));
        assertEquals(kinds, used);
    }

    @Test
    void aStubWrittenFromTheOperationsRecordsThemBack() {
        List<Op> ops = everyKind();
        Summary summary = Summary.of(2, ops);
        String pkg = "vocabulary";
        MigrationIndex index = StubCompiler.compile(List.of(new StubCompiler.Stub(2, pkg + "." + summary.className(),
                summary.description(), StubWriter.write(pkg, summary, ops, Map.of()))), dir);
        var migration = index.load(index.migrations().get(0));

        assertEquals(ops, Recorder.up(migration, BEFORE).ops());
        Schema after = Replay.apply(BEFORE, ops);
        assertEquals(Op.inverseOf(ops), Recorder.down(migration, after).ops());
    }

    @Test
    void theOperationsCalledForThemRecordThemBack() {
        List<Op> ops = everyKind();
        assertEquals(ops, Recorder.up(new OpsMigration(ops), BEFORE).ops());
        assertEquals(Op.inverseOf(ops), Recorder.down(new OpsMigration(ops), Replay.apply(BEFORE, ops)).ops());
    }
}
