package dev.permafrost.processor.write;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeSpec;
import dev.permafrost.diff.Op;
import dev.permafrost.model.Column;
import dev.permafrost.model.ColumnType;
import dev.permafrost.model.ForeignKey;
import dev.permafrost.model.Index;
import dev.permafrost.model.Table;
import dev.permafrost.processor.diff.Summary;
import dev.permafrost.snapshot.Snapshot;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.lang.model.element.Modifier;

/**
 * Writes a migration stub: a small class whose {@code up} lists the operations and whose {@code down}
 * lists their inverses, in the vocabulary of {@code dev.permafrost.runtime.Ddl}. Same operations, same
 * bytes.
 */
public final class StubWriter {

    public static final ClassName MIGRATION = ClassName.get("dev.permafrost.runtime", "Migration");
    public static final ClassName OPERATIONS = ClassName.get("dev.permafrost.runtime", "Operations");
    public static final ClassName DDL = ClassName.get("dev.permafrost.runtime", "Ddl");
    public static final ClassName TABLE_BUILDER = ClassName.get("dev.permafrost.runtime", "TableBuilder");

    /** The most chained calls one method of a stub holds: at most about 35 bytes of bytecode each, some 20 KB in all. */
    public static final int PART_WEIGHT = 600;

    /**
     * The longest chain of calls one expression holds: javac attributes a chain recursively, and overflows its
     * stack at some 800 links (a table of 800 columns). A table with more elements is built by helper methods.
     */
    public static final int CHAIN = 100;

    private StubWriter() {
    }

    /**
     * The stub's source.
     *
     * @param upNotes operation index → comment lines written above that operation in {@code up}
     */
    public static String write(String packageName, Summary summary, List<Op> ops, Map<Integer, List<String>> upNotes) {
        return JavaFile.builder(packageName, type(summary.className(), ops, upNotes))
                .addFileComment("Permafrost migration V$L: $L.\n", Snapshot.versionLabel(summary.version()),
                        summary.description())
                .addFileComment("Written with snapshot $L. Edit it (data steps, a rename) until it ships; once it has\n",
                        Snapshot.fileName(summary.version()))
                .addFileComment("run anywhere it is frozen: every database records its checksum and refuses a changed one.")
                .addStaticImport(DDL, "*")
                .indent("    ")
                .skipJavaLangImports(true)
                .build()
                .toString();
    }

    /**
     * The source of a squashed baseline ({@code B0012_Baseline}): {@code ops} build snapshot {@code version} on an
     * empty schema, and {@code dataNotes} (comment lines, above the first operation) name the data steps of the
     * migrations it replaces that it does not run.
     */
    public static String squashed(String packageName, String className, int version, List<Op> ops,
                                  List<String> dataNotes) {
        Map<Integer, List<String>> notes = dataNotes.isEmpty() ? Map.of() : Map.of(0, dataNotes);
        return JavaFile.builder(packageName, type(className, ops, notes))
                .addFileComment("Permafrost squashed baseline: builds snapshot $L on a fresh database in one migration,\n",
                        Snapshot.fileName(version))
                .addFileComment("in place of V0001 to $L, and records each of them as applied. Databases between those\n",
                        Snapshot.label(version))
                .addFileComment("versions keep migrating with their stubs. Edit it (seed rows) until it ships, like any stub.")
                .addStaticImport(DDL, "*")
                .indent("    ")
                .skipJavaLangImports(true)
                .build()
                .toString();
    }

    private static TypeSpec type(String className, List<Op> ops, Map<Integer, List<String>> upNotes) {
        List<Op> down = Op.inverseOf(ops);
        List<MethodSpec> helpers = new ArrayList<>();
        return TypeSpec.classBuilder(className)
                .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
                .addSuperinterface(MIGRATION)
                .addMethods(methods("up", ops, upNotes, helpers))
                .addMethods(methods("down", down, downNotes(ops), helpers))
                .addMethods(helpers)
                .build();
    }

    /** Notes for {@code down}: one where an inverse restores a schema but not the data up() removed. */
    private static Map<Integer, List<String>> downNotes(List<Op> ops) {
        Map<Integer, List<String>> notes = new java.util.HashMap<>();
        int index = 0;
        for (int i = ops.size() - 1; i >= 0; i--) {
            Op op = ops.get(i);
            if (op instanceof Op.DropTable || op instanceof Op.DropColumn) {
                notes.put(index, List.of("Restores the schema only: the data up() dropped is gone."));
            }
            index += op.inverse().size();
        }
        return notes;
    }

    /**
     * {@code up} or {@code down} with every operation; when they would not fit the JVM's 64 KB limit of
     * code per method (a baseline of hundreds of tables), the operations go into private parts that the
     * method calls in order.
     */
    private static List<MethodSpec> methods(String name, List<Op> ops, Map<Integer, List<String>> notes,
                                            List<MethodSpec> helpers) {
        List<List<Integer>> parts = new ArrayList<>();
        List<Integer> part = new ArrayList<>();
        int weight = 0;
        for (int i = 0; i < ops.size(); i++) {
            int w = weight(ops.get(i));
            if (!part.isEmpty() && weight + w > PART_WEIGHT) {
                parts.add(part);
                part = new ArrayList<>();
                weight = 0;
            }
            part.add(i);
            weight += w;
        }
        parts.add(part);
        if (parts.size() == 1) {
            return List.of(method(name, ops, notes, parts.get(0), helpers).addAnnotation(Override.class)
                    .addModifiers(Modifier.PUBLIC).build());
        }
        List<MethodSpec> methods = new ArrayList<>();
        CodeBlock.Builder calls = CodeBlock.builder();
        for (int p = 0; p < parts.size(); p++) {
            String partName = name + "Part" + (p + 1);
            calls.addStatement("$L(op)", partName);
            methods.add(method(partName, ops, notes, parts.get(p), helpers)
                    .addModifiers(Modifier.PRIVATE, Modifier.STATIC).build());
        }
        methods.add(0, MethodSpec.methodBuilder(name).addAnnotation(Override.class).addModifiers(Modifier.PUBLIC)
                .addParameter(OPERATIONS, "op").addCode(calls.build()).build());
        return methods;
    }

    /** Roughly how many chained calls an operation compiles to; {@link #PART_WEIGHT} of them stay far below 64 KB. */
    private static int weight(Op op) {
        if (op instanceof Op.CreateTable create) {
            int elements = elements(create.definition());
            return elements > CHAIN ? 1 + (elements + PART_WEIGHT - 1) / PART_WEIGHT : 1 + elements;
        }
        return 1;
    }

    /** The columns, keys, constraints and indexes of a table: one chained call each in {@code createTable}. */
    private static int elements(Table t) {
        return t.columns().size() + t.uniques().size() + t.indexes().size() + t.foreignKeys().size()
                + t.checks().size() + (t.primaryKey() == null ? 0 : 1);
    }

    private static MethodSpec.Builder method(String name, List<Op> ops, Map<Integer, List<String>> notes,
                                             List<Integer> indexes, List<MethodSpec> helpers) {
        CodeBlock.Builder body = CodeBlock.builder();
        for (int i : indexes) {
            for (String note : notes.getOrDefault(i, List.of())) {
                body.add("// $L\n", note);
            }
            body.add(ops.get(i) instanceof Op.CreateTable create && elements(create.definition()) > CHAIN
                    ? wideCreateTable(create.definition(), name, helpers) : statement(ops.get(i)));
        }
        return MethodSpec.methodBuilder(name).addParameter(OPERATIONS, "op").addCode(body.build());
    }

    /**
     * {@code op.createTable(upItems2(upItems1(table("items"))))}: a table of more than {@link #CHAIN} elements
     * is defined by helper methods, each taking the builder and giving it back, with chains of at most
     * {@link #CHAIN} calls and at most {@link #PART_WEIGHT} calls in all.
     */
    private static CodeBlock wideCreateTable(Table table, String method, List<MethodSpec> helpers) {
        List<CodeBlock> calls = elementCalls(table);
        String prefix = method.replaceFirst("Part\\d+$", "") + Summary.pascal(table.name());
        CodeBlock expression = CodeBlock.of("table($S)", table.name());
        for (int start = 0, part = 1; start < calls.size(); start += PART_WEIGHT, part++) {
            String helper = prefix + part;
            CodeBlock.Builder body = CodeBlock.builder();
            List<CodeBlock> chunk = calls.subList(start, Math.min(calls.size(), start + PART_WEIGHT));
            for (int c = 0; c < chunk.size(); c += CHAIN) {
                body.add("t").indent().indent();
                chunk.subList(c, Math.min(chunk.size(), c + CHAIN)).forEach(call -> body.add("\n$L", call));
                body.add(";\n").unindent().unindent();
            }
            body.addStatement("return t");
            helpers.add(MethodSpec.methodBuilder(helper).addModifiers(Modifier.PRIVATE, Modifier.STATIC)
                    .returns(TABLE_BUILDER).addParameter(TABLE_BUILDER, "t").addCode(body.build()).build());
            expression = CodeBlock.of("$L($L)", helper, expression);
        }
        return CodeBlock.of("op.createTable($L);\n", expression);
    }

    public static CodeBlock statement(Op op) {
        return switch (op) {
            case Op.CreateTable o -> createTable(o.definition());
            case Op.DropTable o -> CodeBlock.of("op.dropTable($S);\n", o.table());
            case Op.RenameTable o -> CodeBlock.of("op.renameTable($S, $S);\n", o.table(), o.newName());
            case Op.AddColumn o -> CodeBlock.of("op.addColumn($S, $L);\n", o.table(), column(o.column()));
            case Op.DropColumn o -> CodeBlock.of("op.dropColumn($S, $S);\n", o.table(), o.column().name());
            case Op.RenameColumn o -> CodeBlock.of("op.renameColumn($S, $S, $S);\n", o.table(), o.column(), o.newName());
            case Op.AlterColumn o -> o.fillNulls() == null
                    ? CodeBlock.of("op.alterColumn($S, $L); // was $L\n", o.table(), column(o.to()), definition(o.from()))
                    : CodeBlock.of("op.alterColumn($S, $L, $S); // was $L\n", o.table(), column(o.to()), o.fillNulls(),
                            definition(o.from()));
            case Op.AddPrimaryKey o -> CodeBlock.of("op.addPrimaryKey($S, $S, $L);\n", o.table(), o.key().name(),
                    strings(o.key().columns()));
            case Op.DropPrimaryKey o -> CodeBlock.of("op.dropPrimaryKey($S);\n", o.table());
            case Op.AddUnique o -> CodeBlock.of("op.addUnique($S, $S, $L);\n", o.table(), o.unique().name(),
                    strings(o.unique().columns()));
            case Op.DropUnique o -> CodeBlock.of("op.dropUnique($S, $S);\n", o.table(), o.unique().name());
            case Op.CreateIndex o -> CodeBlock.of("op.$L($S, $S, $L);\n", o.index().unique() ? "createUniqueIndex" : "createIndex",
                    o.table(), o.index().name(), strings(o.index().columns()));
            case Op.DropIndex o -> CodeBlock.of("op.dropIndex($S, $S);\n", o.table(), o.index().name());
            case Op.AddForeignKey o -> CodeBlock.of("op.addForeignKey($S, $L);\n", o.table(), foreignKey(o.foreignKey()));
            case Op.DropForeignKey o -> CodeBlock.of("op.dropForeignKey($S, $S);\n", o.table(), o.foreignKey().name());
            case Op.AddCheck o -> CodeBlock.of("op.addCheck($S, $S, $S);\n", o.table(), o.check().name(), o.check().condition());
            case Op.DropCheck o -> CodeBlock.of("op.dropCheck($S, $S);\n", o.table(), o.check().name());
            case Op.RenameConstraint o -> CodeBlock.of("op.renameConstraint($S, $S, $S);\n", o.table(), o.constraint(),
                    o.newName());
        };
    }

    private static CodeBlock createTable(Table table) {
        CodeBlock.Builder code = CodeBlock.builder().add("op.createTable(table($S)", table.name()).indent().indent();
        elementCalls(table).forEach(call -> code.add("\n$L", call));
        return code.add(");\n").unindent().unindent().build();
    }

    /** One chained call per element of the table, in the order a stub lists them: {@code .column(..)}, ... */
    private static List<CodeBlock> elementCalls(Table table) {
        List<CodeBlock> calls = new ArrayList<>();
        for (Column column : table.columns()) {
            calls.add(CodeBlock.of(".column($L)", column(column)));
        }
        if (table.primaryKey() != null) {
            calls.add(CodeBlock.of(".primaryKey($S, $L)", table.primaryKey().name(), strings(table.primaryKey().columns())));
        }
        table.uniques().forEach(u -> calls.add(CodeBlock.of(".unique($S, $L)", u.name(), strings(u.columns()))));
        table.foreignKeys().forEach(f -> calls.add(CodeBlock.of(".foreignKey($L)", foreignKey(f))));
        table.checks().forEach(c -> calls.add(CodeBlock.of(".check($S, $S)", c.name(), c.condition())));
        for (Index index : table.indexes()) {
            calls.add(CodeBlock.of(".$L($S, $L)", index.unique() ? "uniqueIndex" : "index", index.name(),
                    strings(index.columns())));
        }
        return calls;
    }

    public static CodeBlock column(Column column) {
        CodeBlock.Builder code = CodeBlock.builder().add("column($S, $L)", column.name(), type(column.type()));
        column.type().natives().forEach((database, type) -> code.add(".nativeType($S, $S)", database, type));
        if (column.identity()) {
            return code.add(".asIdentity()").build();
        }
        if (!column.nullable()) {
            code.add(".notNull()");
        }
        if (column.hasDefault()) {
            code.add(".defaultValue($S)", column.defaultValue());
        }
        if (column.sequence() != null) {
            code.add(".sequence($S, $L, $L)", column.sequence().name(), column.sequence().start(),
                    column.sequence().increment());
        }
        return code.build();
    }

    private static String definition(Column column) {
        return column.describe();
    }

    private static CodeBlock type(ColumnType type) {
        return switch (type.kind()) {
            case VARCHAR -> CodeBlock.of("varchar($L)", type.length());
            case DECIMAL -> CodeBlock.of("decimal($L, $L)", type.precision(), type.scale());
            default -> CodeBlock.of("$L", type.kind().name());
        };
    }

    private static CodeBlock foreignKey(ForeignKey fk) {
        CodeBlock.Builder code = CodeBlock.builder()
                .add("foreignKey($S, $L).references($S, $L)", fk.name(), strings(fk.columns()), fk.referencedTable(),
                        strings(fk.referencedColumns()));
        if (fk.onDelete() != ForeignKey.Action.NO_ACTION) {
            code.add(".onDelete($L)", fk.onDelete().name());
        }
        if (fk.onUpdate() != ForeignKey.Action.NO_ACTION) {
            code.add(".onUpdate($L)", fk.onUpdate().name());
        }
        return code.build();
    }

    private static CodeBlock strings(List<String> values) {
        return CodeBlock.join(values.stream().map(v -> CodeBlock.of("$S", v)).toList(), ", ");
    }
}
