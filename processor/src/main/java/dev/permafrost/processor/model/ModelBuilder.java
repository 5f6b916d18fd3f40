package dev.permafrost.processor.model;

import dev.permafrost.diff.Hints;
import dev.permafrost.message.Message;
import dev.permafrost.model.Check;
import dev.permafrost.model.Column;
import dev.permafrost.model.ForeignKey;
import dev.permafrost.model.Index;
import dev.permafrost.model.Names;
import dev.permafrost.model.PrimaryKey;
import dev.permafrost.model.Schema;
import dev.permafrost.model.Table;
import dev.permafrost.model.Unique;
import dev.permafrost.processor.Diagnostics;
import dev.permafrost.processor.read.Annotations;
import dev.permafrost.processor.read.EntitySource;
import dev.permafrost.processor.read.SourceCoverage;
import dev.permafrost.sql.Expressions;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;

/** Turns entities into the canonical schema, resolving references between them and checking names schema-wide. */
public final class ModelBuilder {


    /**
     * The schema the entities describe.
     *
     * @param entities table → entity class, for the snapshot header
     * @param sources table → its entity, for messages
     */
    public record Model(Schema schema, Hints hints, Map<String, String> entities, Map<String, EntitySource> sources) {
    }

    private final Annotations annotations;
    private final Diagnostics diagnostics;

    private final Naming naming;

    /** @param naming how constraints and indexes the entities do not name are named */
    public ModelBuilder(Annotations annotations, Diagnostics diagnostics, Naming naming) {
        this.naming = naming;
        this.annotations = annotations;
        this.diagnostics = diagnostics;
    }

    /** The model, or {@code null} when something is wrong (all reported). */
    public Model build(List<EntitySource> entities) {
        int before = diagnostics.errors();
        Map<String, EntitySource> byTable = new LinkedHashMap<>();
        Map<String, EntitySource> byClass = new HashMap<>();
        for (EntitySource entity : entities) {
            EntitySource previous = byTable.putIfAbsent(entity.table(), entity);
            if (previous != null) {
                String way = entity.implied() || previous.implied()
                        ? "name (@Table, or @JoinTable or @CollectionTable for a join or collection table)"
                        : "@Table(name = ...)";
                if (entity.impliedBy() != null) {
                    diagnostics.report(entity.impliedBy(), Message.DUPLICATE_TABLE, entity.table(), previous.describe(),
                            way, staleHint(previous, entity));
                } else {
                    diagnostics.report(entity.type(), entity.tableAnnotation(), Message.DUPLICATE_TABLE, entity.table(),
                            previous.describe(), way, staleHint(previous, entity));
                }
                continue;
            }
            if (!entity.implied()) {
                byClass.put(entity.className(), entity);
            }
        }
        List<Table> tables = new ArrayList<>();
        for (EntitySource entity : byTable.values()) {
            Table table = table(entity, byClass);
            if (table != null) {
                tables.add(table);
            }
        }
        checkNamesUnique(tables, byTable);
        Hints hints = hints(byTable);
        if (diagnostics.errors() > before) {
            return null;
        }
        Map<String, String> classes = new TreeMap<>();
        byTable.forEach((table, entity) -> classes.put(table, entity.className()));
        return new Model(new Schema(tables), hints, classes, byTable);
    }

    /** A hint when one of two entities of one table is only a class file: likely left from a rename or move. */
    private String staleHint(EntitySource first, EntitySource second) {
        for (EntitySource entity : List.of(first, second)) {
            if (SourceCoverage.fromClassFile(entity.type(), annotations.elements())) {
                return ". " + entity.className() + " is read from a class file, not from a source of this compilation:"
                        + " if it is left from a rename or a move, delete that class file or build the module clean"
                        + " (mvn clean compile)";
            }
        }
        return "";
    }

    private Table table(EntitySource entity, Map<String, EntitySource> byClass) {
        int before = diagnostics.errors();
        String name = entity.table();
        List<Column> columns = entity.columns().stream().map(EntitySource.ColumnSource::column).toList();
        List<String> keyColumns = entity.columns().stream().filter(EntitySource.ColumnSource::id)
                .map(c -> c.column().name()).toList();
        PrimaryKey primaryKey = keyColumns.isEmpty() ? null : new PrimaryKey(primaryKeyName(entity), keyColumns);
        if (keyColumns.size() > 1) {
            entity.columns().stream().filter(c -> c.column().identity()).forEach(c -> diagnostics.report(c.element(),
                    Annotations.find(c.element(), Annotations.IDENTITY), Message.IDENTITY_COMPOSITE,
                    c.element().getSimpleName(), name, keyColumns.size(), String.join(", ", keyColumns),
                    c.element().getSimpleName()));
        }
        List<Unique> uniques = new ArrayList<>(entity.columns().stream().filter(EntitySource.ColumnSource::unique)
                .map(c -> new Unique(naming.unique(name, List.of(c.column().name())), List.of(c.column().name())))
                .toList());
        List<Index> indexes = new ArrayList<>();
        java.util.Set<String> names = new java.util.HashSet<>();
        if (primaryKey != null) {
            names.add(primaryKey.name());
        }
        uniques.forEach(u -> names.add(u.name()));
        for (EntitySource.IndexSource unique : entity.uniques()) {
            Index resolved = index(entity, unique, "Unique");
            if (resolved != null && !names.add(resolved.name())) {
                diagnostics.reportRepeated(unique.element(), "Unique", unique.ordinal(), Message.DUPLICATE_NAME,
                        "constraint or index", resolved.name(), "table " + name);
            } else if (resolved != null) {
                uniques.add(new Unique(resolved.name(), resolved.columns()));
            }
        }
        for (EntitySource.IndexSource index : entity.indexes()) {
            Index resolved = index(entity, index, "Index");
            if (resolved != null && !names.add(resolved.name())) {
                diagnostics.reportRepeated(index.element(), "Index", index.ordinal(), Message.DUPLICATE_NAME, "constraint or index",
                        resolved.name(), "table " + name);
            } else if (resolved != null) {
                indexes.add(resolved);
            }
        }
        List<Check> checks = new ArrayList<>();
        for (EntitySource.CheckSource check : entity.checks()) {
            if (!names.add(check.name())) {
                diagnostics.reportRepeated(check.element(), "Check", check.ordinal(), Message.DUPLICATE_NAME,
                        "constraint or index", check.name(), "table " + name);
                continue;
            }
            for (String column : Expressions.columnsOf(check.condition())) {
                if (columns.stream().noneMatch(c -> c.name().equals(column))) {
                    diagnostics.reportRepeated(check.element(), "Check", check.ordinal(), Message.UNKNOWN_COLUMN,
                            "@Check \"" + check.condition() + "\"", column, name, known(entity));
                }
            }
            checks.add(new Check(check.name(), check.condition()));
        }
        List<ForeignKey> foreignKeys = new ArrayList<>();
        for (List<EntitySource.ColumnSource> group : referenceGroups(entity)) {
            EntitySource.ColumnSource column = group.get(0);
            ForeignKey fk = group.size() == 1 ? foreignKey(entity, column, byClass)
                    : compositeForeignKey(entity, group, byClass);
            if (fk != null && !names.add(fk.name())) {
                diagnostics.report(column.element(), Message.DUPLICATE_NAME, "constraint or index", fk.name(),
                        "table " + name);
            } else if (fk != null) {
                foreignKeys.add(fk);
            }
        }
        if (diagnostics.errors() > before) {
            return null;
        }
        try {
            return new Table(name, columns, primaryKey, uniques, indexes, foreignKeys, checks);
        } catch (IllegalArgumentException e) {
            diagnostics.report(entity.type(), entity.tableAnnotation(), Message.TABLE_REFUSED, entity.className(),
                    e.getMessage());
            return null;
        }
    }

    /**
     * The index an {@code @Index} (or the columns and name a {@code @Unique}) declares, or {@code null} when it
     * names no, unknown or repeated columns (reported).
     *
     * @param kind the annotation's simple name, {@code Index} or {@code Unique}
     */
    private Index index(EntitySource entity, EntitySource.IndexSource index, String kind) {
        if (index.columns().isEmpty()) {
            diagnostics.reportRepeated(index.element(), kind, index.ordinal(), Message.NO_INDEX_COLUMNS, "@" + kind,
                    entity.table(), "@" + kind, entity.columns().isEmpty() ? "id" : entity.columns().get(0).column().name());
            return null;
        }
        boolean ok = true;
        java.util.Set<String> listed = new java.util.HashSet<>();
        for (String column : index.columns()) {
            if (!listed.add(column)) {
                diagnostics.reportRepeated(index.element(), kind, index.ordinal(), Message.COLUMN_LISTED_TWICE, "@" + kind,
                        entity.table(), column);
                ok = false;
            }
            if (entity.columns().stream().noneMatch(c -> c.column().name().equals(column))) {
                diagnostics.reportRepeated(index.element(), kind, index.ordinal(), Message.UNKNOWN_COLUMN,
                        "@" + kind, column, entity.table(), known(entity));
                ok = false;
            }
        }
        if (!index.name().isEmpty() && !Names.isIdentifier(index.name())) {
            diagnostics.reportRepeated(index.element(), kind, index.ordinal(), Message.NOT_AN_IDENTIFIER,
                    kind.equals("Index") ? "index" : "constraint", index.name(), "");
            ok = false;
        }
        if (!ok) {
            return null;
        }
        String name = !index.name().isEmpty() ? index.name() : kind.equals("Index")
                ? naming.index(entity.table(), index.columns()) : naming.unique(entity.table(), index.columns());
        return new Index(name, index.columns(), index.unique());
    }

    /**
     * The referencing columns, one group per foreign key: a reference by object to a composite key makes several
     * columns that share one reference.
     */
    private static List<List<EntitySource.ColumnSource>> referenceGroups(EntitySource entity) {
        List<List<EntitySource.ColumnSource>> groups = new ArrayList<>();
        for (EntitySource.ColumnSource column : entity.columns()) {
            if (column.reference() == null) {
                continue;
            }
            List<EntitySource.ColumnSource> last = groups.isEmpty() ? null : groups.get(groups.size() - 1);
            if (last != null && last.get(0).reference() == column.reference()) {
                last.add(column);
            } else {
                groups.add(new ArrayList<>(List.of(column)));
            }
        }
        return groups;
    }

    /** One foreign key over the columns a reference by object to a composite key made, to that key. */
    private ForeignKey compositeForeignKey(EntitySource entity, List<EntitySource.ColumnSource> group,
                                           Map<String, EntitySource> byClass) {
        EntitySource.ReferenceSource reference = group.get(0).reference();
        EntitySource target = byClass.get(reference.target().getQualifiedName().toString());
        if (target == null) {
            return null;
        }
        List<EntitySource.ColumnSource> key = target.columns().stream().filter(EntitySource.ColumnSource::id).toList();
        List<String> columns = group.stream().map(c -> c.column().name()).toList();
        for (int i = 0; i < group.size(); i++) {
            EntitySource.ColumnSource own = group.get(i);
            if (i >= key.size() || !own.column().type().equals(key.get(i).column().type())) {
                diagnostics.report(own.element(), reference.annotation(), Message.REFERENCE_TYPE_MISMATCH,
                        own.element().getSimpleName(), own.column().name(), own.column().type().sql(), target.table(),
                        i < key.size() ? key.get(i).column().name() : "?", i < key.size() ? key.get(i).column().type().sql()
                                : "missing");
                return null;
            }
        }
        return new ForeignKey(reference.name().isEmpty() ? naming.foreignKey(entity.table(), columns, target.table())
                : reference.name(), columns, target.table(), key.stream().map(c -> c.column().name()).toList(),
                reference.onDelete(), reference.onUpdate());
    }

    /** {@code @Table(primaryKey)}, or the name the naming style gives. */
    private String primaryKeyName(EntitySource entity) {
        String explicit = entity.primaryKey();
        if (explicit.isEmpty()) {
            return naming.primaryKey(entity.table());
        }
        if (!Names.isIdentifier(explicit)) {
            diagnostics.report(entity.type(), entity.tableAnnotation(), Annotations.explicit(entity.tableAnnotation(),
                    "primaryKey"), Message.NOT_AN_IDENTIFIER, "primary key", explicit, "");
        }
        return explicit;
    }

    private ForeignKey foreignKey(EntitySource entity, EntitySource.ColumnSource column, Map<String, EntitySource> byClass) {
        EntitySource.ReferenceSource reference = column.reference();
        AnnotationMirror mirror = reference.annotation();
        Element element = column.element();
        String field = element.getSimpleName().toString();
        EntitySource target = reference.target() == null ? null
                : byClass.get(reference.target().getQualifiedName().toString());
        if (target == null) {
            String targetName = reference.target() == null ? annotations.type(mirror, "value").toString()
                    : reference.target().getSimpleName().toString();
            diagnostics.report(element, mirror, Annotations.explicit(mirror, "value"), Message.NOT_AN_ENTITY, targetName, field,
                    targetName);
            return null;
        }
        String referenced = reference.column();
        List<String> key = target.columns().stream().filter(EntitySource.ColumnSource::id).map(c -> c.column().name()).toList();
        if (referenced.isEmpty()) {
            if (key.size() != 1) {
                String simple = target.type().getSimpleName().toString();
                diagnostics.report(element, mirror, Message.REFERENCE_NEEDS_COLUMN, simple, field, simple,
                        key.isEmpty() ? "no @Id" : "a composite key " + key, simple);
                return null;
            }
            referenced = key.get(0);
        }
        String wanted = referenced;
        EntitySource.ColumnSource targetColumn = target.columns().stream()
                .filter(c -> c.column().name().equals(wanted)).findFirst().orElse(null);
        if (targetColumn == null) {
            diagnostics.report(element, mirror, Annotations.explicit(mirror, "column"), Message.UNKNOWN_COLUMN,
                    "@References", referenced, target.table(), known(target));
            return null;
        }
        boolean isKey = key.equals(List.of(referenced)) || targetColumn.unique();
        if (!isKey) {
            diagnostics.report(element, mirror, Annotations.explicit(mirror, "column"), Message.NOT_A_KEY, field, target.table(),
                    referenced);
            return null;
        }
        if (!column.column().type().equals(targetColumn.column().type())) {
            diagnostics.report(element, mirror, Message.REFERENCE_TYPE_MISMATCH, field, column.column().name(),
                    column.column().type().sql(), target.table(), referenced, targetColumn.column().type().sql());
            return null;
        }
        List<String> columns = List.of(column.column().name());
        return new ForeignKey(reference.name().isEmpty() ? naming.foreignKey(entity.table(), columns, target.table())
                : reference.name(), columns, target.table(),
                List.of(referenced), reference.onDelete(), reference.onUpdate());
    }

    private static final String PERMAFROST_PREFIX = "permafrost_";

    /**
     * Index and constraint names are schema-wide in PostgreSQL and SQLite: no two may meet; none may use
     * Permafrost's prefix, and no index may be named like a table.
     */
    private void checkNamesUnique(List<Table> tables, Map<String, EntitySource> byTable) {
        Map<String, String> owners = new HashMap<>();
        // each table's constraint and index names, sorted once: the messages come in that order
        List<List<String>> constraintNames = new ArrayList<>(tables.size());
        for (Table table : tables) {
            EntitySource entity = byTable.get(table.name());
            if (table.name().startsWith(PERMAFROST_PREFIX)) {
                diagnostics.report(entity.type(), entity.tableAnnotation(), Message.PERMAFROST_NAME, "table", table.name());
            }
            List<String> names = new ArrayList<>(table.constraintNames());
            names.sort(null);
            constraintNames.add(names);
            for (String name : names) {
                if (name.startsWith(PERMAFROST_PREFIX)) {
                    diagnostics.report(entity.type(), entity.tableAnnotation(), Message.PERMAFROST_NAME,
                            "constraint or index", name);
                }
                // PostgreSQL keeps tables and indexes in one namespace.
                if (byTable.containsKey(name) && isIndex(table, name)) {
                    diagnostics.report(entity.type(), entity.tableAnnotation(), Message.DUPLICATE_NAME, "index", name,
                            "table " + name + " and an index on " + table.name());
                }
            }
        }
        for (int t = 0; t < tables.size(); t++) {
            Table table = tables.get(t);
            for (String name : constraintNames.get(t)) {
                String owner = owners.putIfAbsent(name, table.name());
                if (owner != null && !owner.equals(table.name())) {
                    EntitySource entity = byTable.get(table.name());
                    diagnostics.report(entity.type(), entity.tableAnnotation(), Message.DUPLICATE_NAME, "constraint or index",
                            name, "tables " + owner + " and " + table.name());
                }
            }
        }
        // A sequence belongs to one column, and shares PostgreSQL's namespace with tables and indexes.
        Map<String, String> sequences = new HashMap<>();
        for (Table table : tables) {
            for (Column column : table.columns()) {
                if (column.sequence() == null) {
                    continue;
                }
                String name = column.sequence().name();
                String here = table.name() + "." + column.name();
                String other = byTable.containsKey(name) ? "table " + name
                        : owners.containsKey(name) ? "an index or constraint of " + owners.get(name)
                        : sequences.containsKey(name) ? "the sequence of " + sequences.get(name) : null;
                sequences.putIfAbsent(name, here);
                if (other != null) {
                    EntitySource entity = byTable.get(table.name());
                    javax.lang.model.element.Element element = entity.columns().stream()
                            .filter(c -> c.column().name().equals(column.name())).map(EntitySource.ColumnSource::element)
                            .findFirst().orElse(entity.type());
                    diagnostics.report(element, Message.DUPLICATE_NAME, "sequence", name, other + " and the sequence of "
                            + here);
                }
            }
        }
    }

    private static boolean isIndex(Table table, String name) {
        for (Index index : table.indexes()) {
            if (index.name().equals(name)) {
                return true;
            }
        }
        return false;
    }

    private Hints hints(Map<String, EntitySource> byTable) {
        Map<String, String> tables = new TreeMap<>();
        Map<String, EntitySource> tableClaims = new HashMap<>();
        Map<String, Map<String, String>> columns = new TreeMap<>();
        for (EntitySource entity : byTable.values()) {
            if (entity.renamedFrom() != null) {
                EntitySource other = tableClaims.putIfAbsent(entity.renamedFrom(), entity);
                if (other != null) {
                    diagnostics.report(entity.type(), Annotations.find(entity.type(), Annotations.RENAMED_FROM),
                            Message.RENAMED_FROM_TWICE, entity.renamedFrom(), other.className(), entity.className(), "table");
                } else {
                    tables.put(entity.table(), entity.renamedFrom());
                }
            }
            Map<String, EntitySource.ColumnSource> columnClaims = new HashMap<>();
            for (EntitySource.ColumnSource column : entity.columns()) {
                if (column.renamedFrom() == null) {
                    continue;
                }
                EntitySource.ColumnSource other = columnClaims.putIfAbsent(column.renamedFrom(), column);
                if (other != null) {
                    diagnostics.report(column.element(), Annotations.find(column.element(), Annotations.RENAMED_FROM),
                            Message.RENAMED_FROM_TWICE, column.renamedFrom(), other.element().getSimpleName(),
                            column.element().getSimpleName(), "column");
                } else {
                    columns.computeIfAbsent(entity.table(), t -> new TreeMap<>()).put(column.column().name(), column.renamedFrom());
                }
            }
        }
        return new Hints(tables, columns);
    }

    private static String known(EntitySource entity) {
        return "; its columns are " + String.join(", ", entity.columns().stream().map(c -> c.column().name()).toList());
    }
}
