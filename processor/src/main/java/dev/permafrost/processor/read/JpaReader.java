package dev.permafrost.processor.read;

import dev.permafrost.message.Message;
import dev.permafrost.model.Column;
import dev.permafrost.model.ColumnType;
import dev.permafrost.model.ForeignKey;
import dev.permafrost.processor.Diagnostics;
import dev.permafrost.processor.Target;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Types;

/**
 * Reads a JPA {@code @Entity} class, unchanged, into the tables Hibernate would make of it: its own table (with a
 * single-table hierarchy's subclasses and discriminator, or a joined subclass's key referencing its parent), its
 * join tables and collection tables. Field access only. What cannot be mapped faithfully is PF230 at the element.
 */
public final class JpaReader {

    private static final String P = Annotations.JPA;
    private static final String NOT_NULL = "jakarta.validation.constraints.NotNull";

    /**
     * What one entity class maps.
     *
     * @param tables its table (none for a single-table subclass) and the join and collection tables it implies
     * @param foreign columns its unidirectional {@code @OneToMany @JoinColumn}s put on other tables, by the class
     *        whose table they go on
     * @param related the entities it references or is part of, to be read too
     */
    public record Reading(List<EntitySource> tables, Map<String, List<EntitySource.ColumnSource>> foreign,
                          List<TypeElement> related) {
    }

    /** One column of an entity's primary key: its name, as written and as physical, and its type. */
    private record KeyPart(String logical, String column, ColumnType type) {
    }

    private final Annotations annotations;
    private final Diagnostics diagnostics;
    private final Types types;
    private final EntityReader common;
    private final Set<Target> targets;
    private final JpaNaming naming;
    private final Map<String, List<KeyPart>> keys = new HashMap<>();
    private Collection<TypeElement> known = List.of();
    private JpaReader quiet;
    private AutoConverters converters = AutoConverters.none();
    private JpaTypes jpaTypes;

    /**
     * @param common the reader of Permafrost's own entities, whose {@code @Check}, {@code @NativeType},
     *        {@code @RenamedFrom} and name rules apply here too
     */
    public JpaReader(Annotations annotations, Diagnostics diagnostics, Types types, EntityReader common,
                     Set<Target> targets, JpaNaming naming) {
        this.annotations = annotations;
        this.diagnostics = diagnostics;
        this.types = types;
        this.common = common;
        this.targets = targets;
        this.naming = naming;
    }

    /** The entities of the compilation: a single-table root's subclasses are found among them. */
    public void know(Collection<TypeElement> entities) {
        this.known = List.copyOf(entities);
    }

    /** The converters Hibernate applies to every attribute of their type. */
    public void convertWith(AutoConverters automatic) {
        this.converters = automatic;
        this.jpaTypes = null;
    }

    private JpaTypes types() {
        if (jpaTypes == null) {
            jpaTypes = new JpaTypes(annotations, diagnostics, types, targets, converters);
        }
        return jpaTypes;
    }

    private JpaReader quiet() {
        if (quiet == null) {
            quiet = new JpaReader(annotations, Diagnostics.silent(), types, common.quiet(), targets, naming);
            quiet.known = known;
            quiet.converters = converters;
        }
        return quiet;
    }

    // ---- the entity ----

    /** What the entity maps; its tables are empty when it has errors (reported). */
    public Reading read(TypeElement type) {
        int before = diagnostics.errors();
        Context context = new Context(type);
        AnnotationMirror entity = Annotations.find(type, Annotations.JPA_ENTITY);
        if (Annotations.find(type, Annotations.TABLE) != null) {
            diagnostics.report(type, entity, Message.JPA_AND_TABLE, type.getSimpleName());
            return context.reading(List.of());
        }
        if (type.getKind() != ElementKind.CLASS) {
            unsupported(type, entity, "@Entity", type.getSimpleName(), "JPA entities are classes; "
                    + type.getKind().toString().toLowerCase(Locale.ROOT).replace('_', ' ') + "s cannot be entities");
            return context.reading(List.of());
        }
        TypeElement root = root(type);
        String strategy = strategy(root);
        if (strategy.equals("TABLE_PER_CLASS")) {
            unsupported(root, Annotations.find(root, P + "Inheritance"), "@Inheritance(strategy = TABLE_PER_CLASS)",
                    root.getSimpleName(), "Permafrost maps SINGLE_TABLE and JOINED hierarchies, not a table per"
                            + " concrete class (whose ids Hibernate must draw from a shared sequence); use JOINED");
            return context.reading(List.of());
        }
        if (!type.equals(root) && strategy.equals("SINGLE_TABLE")) {
            context.related.add(root);
            return context.reading(List.of());
        }
        AnnotationMirror tableAnnotation = Annotations.find(type, P + "Table");
        String table = table(type);
        if (table == null) {
            return context.reading(List.of());
        }
        context.table = table;
        List<EntitySource.ColumnSource> columns = new ArrayList<>();
        TypeElement parent = parentEntity(type);
        if (parent != null) {
            columns.addAll(joinedKey(type, parent));
        }
        List<Element> own = fields(type, parent);
        if (ownKey(type, root, parent, own) == null) {
            return context.reading(List.of());
        }
        for (Element field : own) {
            columns.addAll(attribute(context, field, false));
        }
        if (type.equals(root) && strategy.equals("SINGLE_TABLE")) {
            List<TypeElement> subclasses = subclasses(root);
            AnnotationMirror discriminator = Annotations.find(root, P + "DiscriminatorColumn");
            if (!subclasses.isEmpty() || discriminator != null) {
                EntitySource.ColumnSource column = discriminator(root, discriminator);
                if (column != null) {
                    columns.add(column);
                }
            }
            for (TypeElement subclass : subclasses) {
                for (Element field : fields(subclass, parentEntity(subclass))) {
                    columns.addAll(attribute(context, field, true));
                }
            }
        } else if (Annotations.find(type, P + "DiscriminatorColumn") != null) {
            unsupported(type, Annotations.find(type, P + "DiscriminatorColumn"), "@DiscriminatorColumn",
                    type.getSimpleName(), "Permafrost reads a discriminator only in a SINGLE_TABLE hierarchy");
        }
        columns = unique(columns, table);
        List<EntitySource.IndexSource> indexes = new ArrayList<>();
        List<EntitySource.IndexSource> uniques = new ArrayList<>();
        if (tableAnnotation != null) {
            tableIndexes(type, tableAnnotation, indexes, uniques);
        }
        List<EntitySource.CheckSource> checks = new ArrayList<>();
        for (TypeElement owner : EntityReader.hierarchy(type)) {
            checks.addAll(common.checks(owner, table, null));
        }
        for (EntitySource.ColumnSource column : columns) {
            if (column.element().getKind() == ElementKind.FIELD && columns.stream()
                    .filter(c -> c.element().equals(column.element())).findFirst().orElseThrow() == column) {
                checks.addAll(common.checks(column.element(), table, column.column().name()));
            }
        }
        uniques.addAll(context.compositeUniques);
        if (diagnostics.errors() > before) {
            return context.reading(List.of());
        }
        List<EntitySource> tables = new ArrayList<>();
        tables.add(new EntitySource(type, tableAnnotation != null ? tableAnnotation : entity, table,
                common.renamedFrom(type, "table"), keyOrdered(columns), indexes, uniques, checks, "", false));
        tables.addAll(context.implied);
        return context.reading(tables);
    }

    /** What reading one entity gathers beside its own columns. */
    private final class Context {
        final TypeElement entity;
        String table;
        final List<EntitySource> implied = new ArrayList<>();
        final Map<String, List<EntitySource.ColumnSource>> foreign = new LinkedHashMap<>();
        final List<TypeElement> related = new ArrayList<>();
        final List<EntitySource.IndexSource> compositeUniques = new ArrayList<>();

        Context(TypeElement entity) {
            this.entity = entity;
        }

        Reading reading(List<EntitySource> tables) {
            return new Reading(tables, tables.isEmpty() ? Map.of() : foreign, related);
        }
    }

    /** Columns listed once: a second column of one name is reported, as Hibernate refuses a repeated column. */
    private List<EntitySource.ColumnSource> unique(List<EntitySource.ColumnSource> columns, String table) {
        Map<String, EntitySource.ColumnSource> byName = new LinkedHashMap<>();
        for (EntitySource.ColumnSource column : columns) {
            EntitySource.ColumnSource previous = byName.putIfAbsent(column.column().name(), column);
            if (previous != null) {
                diagnostics.report(column.element(), Message.DUPLICATE_COLUMN, column.column().name(), table,
                        previous.element().getSimpleName());
            }
        }
        return new ArrayList<>(byName.values());
    }

    /** The topmost {@code @Entity} of the type's superclasses (the type itself when none is). */
    private static TypeElement root(TypeElement type) {
        TypeElement root = type;
        for (TypeElement current = EntityReader.superclass(type); current != null;
             current = EntityReader.superclass(current)) {
            if (Annotations.find(current, Annotations.JPA_ENTITY) != null) {
                root = current;
            }
        }
        return root;
    }

    /** The nearest superclass that is an entity, or {@code null}. */
    private static TypeElement parentEntity(TypeElement type) {
        for (TypeElement current = EntityReader.superclass(type); current != null;
             current = EntityReader.superclass(current)) {
            if (Annotations.find(current, Annotations.JPA_ENTITY) != null) {
                return current;
            }
        }
        return null;
    }

    private String strategy(TypeElement root) {
        AnnotationMirror inheritance = Annotations.find(root, P + "Inheritance");
        return inheritance == null ? "SINGLE_TABLE" : annotations.enumName(inheritance, "strategy");
    }

    /** The known entities whose root is {@code root}, by name. */
    private List<TypeElement> subclasses(TypeElement root) {
        Set<String> names = new TreeSet<>();
        Map<String, TypeElement> byName = new HashMap<>();
        for (TypeElement type : known) {
            if (!type.equals(root) && Annotations.isJpaEntity(type) && root(type).equals(root)) {
                names.add(type.getQualifiedName().toString());
                byName.put(type.getQualifiedName().toString(), type);
            }
        }
        return names.stream().map(byName::get).toList();
    }

    /**
     * The persistent fields the type declares itself and through its {@code @MappedSuperclass}es, base first,
     * up to its parent entity (whose table holds that one's fields).
     */
    private List<Element> fields(TypeElement type, TypeElement parent) {
        List<TypeElement> chain = new ArrayList<>();
        for (TypeElement current = type; current != null && !current.equals(parent);
             current = EntityReader.superclass(current)) {
            if (current.equals(type) || Annotations.find(current, P + "MappedSuperclass") != null) {
                chain.add(0, current);
            }
        }
        List<Element> fields = new ArrayList<>();
        for (TypeElement owner : chain) {
            for (VariableElement field : ElementFilter.fieldsIn(owner.getEnclosedElements())) {
                Set<Modifier> modifiers = field.getModifiers();
                if (!modifiers.contains(Modifier.STATIC) && !modifiers.contains(Modifier.TRANSIENT)
                        && Annotations.find(field, P + "Transient") == null
                        && Annotations.find(field, Annotations.TRANSIENT) == null) {
                    fields.add(field);
                }
            }
        }
        return fields;
    }

    /** The entity's own key fields, or {@code null} when it has none or uses property access (reported). */
    private List<Element> ownKey(TypeElement type, TypeElement root, TypeElement parent, List<Element> own) {
        if (parent != null) {
            return List.of();
        }
        List<Element> key = own.stream().filter(JpaReader::isKey).toList();
        if (!key.isEmpty()) {
            return key;
        }
        for (TypeElement owner : EntityReader.hierarchy(type)) {
            for (ExecutableElement method : ElementFilter.methodsIn(owner.getEnclosedElements())) {
                if (Annotations.find(method, P + "Id") != null || Annotations.find(method, P + "EmbeddedId") != null) {
                    unsupported(method, null, "@Id on a getter", type.getSimpleName(), "Permafrost reads field access"
                            + " only; put the mapping annotations on the fields");
                    return null;
                }
            }
        }
        unsupported(type, Annotations.find(type, Annotations.JPA_ENTITY), "@Entity", root.getSimpleName(),
                "it has no @Id or @EmbeddedId field; give it one");
        return null;
    }

    private static boolean isKey(Element field) {
        return Annotations.find(field, P + "Id") != null || Annotations.find(field, P + "EmbeddedId") != null;
    }

    /** The entity's physical table name, checked; {@code null} if it is not usable (reported). */
    private String table(TypeElement type) {
        AnnotationMirror table = Annotations.find(type, P + "Table");
        AnnotationValue explicit = table == null ? null : Annotations.nonBlank(table, "name");
        String logical = logicalTable(type);
        return common.checkedName(type, table, explicit, naming.physical(logical), "table",
                "@Table(name = ...) of jakarta.persistence");
    }

    private String logicalTable(TypeElement type) {
        AnnotationMirror table = Annotations.find(type, P + "Table");
        AnnotationValue explicit = table == null ? null : Annotations.nonBlank(table, "name");
        return explicit != null ? (String) explicit.getValue() : entityName(type);
    }

    private String entityName(TypeElement type) {
        AnnotationMirror entity = Annotations.find(type, Annotations.JPA_ENTITY);
        AnnotationValue name = entity == null ? null : Annotations.nonBlank(entity, "name");
        return name != null ? (String) name.getValue() : type.getSimpleName().toString();
    }


    private String physicalLower(String logical) {
        return naming.physical(logical).toLowerCase(Locale.ROOT);
    }

    // ---- keys ----

    /** The entity's primary key columns as another table references them; {@code null} if it has none. */
    private List<KeyPart> keyOf(TypeElement entity) {
        String name = entity.getQualifiedName().toString();
        if (!keys.containsKey(name)) {
            keys.put(name, quiet().computeKey(entity));
        }
        return keys.get(name);
    }

    private List<KeyPart> computeKey(TypeElement entity) {
        TypeElement root = root(entity);
        List<KeyPart> parts = new ArrayList<>();
        Context context = new Context(root);
        context.table = "";
        for (Element field : fields(root, null)) {
            if (isKey(field)) {
                for (EntitySource.ColumnSource column : attribute(context, field, false)) {
                    String logical = logicalColumn(column);
                    parts.add(new KeyPart(logical, column.column().name(), column.column().type()));
                }
            }
        }
        parts.sort(java.util.Comparator.comparingInt((KeyPart p) -> width(p.type())).thenComparing(KeyPart::column));
        if (!entity.equals(root)) {
            AnnotationMirror joinColumn = Annotations.find(entity, P + "PrimaryKeyJoinColumn");
            AnnotationValue name = joinColumn == null ? null : Annotations.nonBlank(joinColumn, "name");
            if (name != null && parts.size() == 1) {
                String logical = (String) name.getValue();
                parts.set(0, new KeyPart(logical, physicalLower(logical), parts.get(0).type()));
            }
        }
        return parts.isEmpty() ? null : parts;
    }

    /** The logical (as written) name of a key column: {@code @Column(name)} or the field's name. */
    private String logicalColumn(EntitySource.ColumnSource column) {
        AnnotationMirror mirror = Annotations.find(column.element(), P + "Column");
        AnnotationValue name = mirror == null ? null : Annotations.nonBlank(mirror, "name");
        return name != null ? (String) name.getValue() : column.element().getSimpleName().toString();
    }

    /** A joined subclass's key: the root's key columns, each also a foreign key to its parent's table. */
    private List<EntitySource.ColumnSource> joinedKey(TypeElement type, TypeElement parent) {
        List<KeyPart> key = keyOf(type);
        if (key == null) {
            return List.of();
        }
        List<KeyPart> parentKey = keyOf(parent);
        EntitySource.ReferenceSource reference = new EntitySource.ReferenceSource(Annotations.find(type,
                Annotations.JPA_ENTITY), parent, key.size() == 1 ? parentKey.get(0).column() : "", "",
                onDelete(type), ForeignKey.Action.NO_ACTION);
        List<EntitySource.ColumnSource> columns = new ArrayList<>();
        for (KeyPart part : key) {
            columns.add(new EntitySource.ColumnSource(type, new Column(part.column(), part.type(), false, null, false),
                    true, false, reference, null));
        }
        return columns;
    }

    /**
     * The columns with a composite primary key's columns in Hibernate's order (6.2+ orders a key's columns as its
     * column-ordering strategy does: narrower types first, then by name), each where the first of them was.
     */
    private static List<EntitySource.ColumnSource> keyOrdered(List<EntitySource.ColumnSource> columns) {
        List<EntitySource.ColumnSource> key = new ArrayList<>(columns.stream().filter(EntitySource.ColumnSource::id)
                .toList());
        if (key.size() < 2) {
            return columns;
        }
        key.sort(java.util.Comparator.comparingInt((EntitySource.ColumnSource c) -> width(c.column().type()))
                .thenComparing(c -> c.column().name()));
        List<EntitySource.ColumnSource> ordered = new ArrayList<>();
        for (EntitySource.ColumnSource column : columns) {
            if (!column.id()) {
                ordered.add(column);
            } else if (column == columns.stream().filter(EntitySource.ColumnSource::id).findFirst().orElseThrow()) {
                ordered.addAll(key);
            }
        }
        return ordered;
    }

    /** How wide a value of the type is stored, for Hibernate's column order: fixed widths first, then by length. */
    private static int width(ColumnType type) {
        return switch (type.kind()) {
            case BOOLEAN -> 1;
            case SMALLINT -> 2;
            case INTEGER, REAL, DATE -> 4;
            case BIGINT, DOUBLE, TIME, TIMESTAMP, TIMESTAMP_TZ -> 8;
            case UUID, DECIMAL -> 16;
            case VARCHAR -> 1_000 + type.length();
            case TEXT, BLOB, JSON -> Integer.MAX_VALUE;
        };
    }

    // ---- attributes ----

    /** The columns one persistent field makes in the entity's table (none for a relation kept elsewhere). */
    private List<EntitySource.ColumnSource> attribute(Context context, Element field, boolean forceNullable) {
        for (String relation : List.of("ManyToOne", "OneToOne")) {
            AnnotationMirror mirror = Annotations.find(field, P + relation);
            if (mirror != null) {
                return relation.equals("ManyToOne") || annotations.string(mirror, "mappedBy").isEmpty()
                        ? toOne(context, field, mirror, relation, forceNullable) : List.of();
            }
        }
        AnnotationMirror oneToMany = Annotations.find(field, P + "OneToMany");
        if (oneToMany != null) {
            if (annotations.string(oneToMany, "mappedBy").isEmpty()) {
                oneToMany(context, field, oneToMany);
            }
            return List.of();
        }
        AnnotationMirror manyToMany = Annotations.find(field, P + "ManyToMany");
        if (manyToMany != null) {
            if (annotations.string(manyToMany, "mappedBy").isEmpty()) {
                joinTable(context, field, manyToMany, false);
            }
            return List.of();
        }
        AnnotationMirror elementCollection = Annotations.find(field, P + "ElementCollection");
        if (elementCollection != null) {
            collectionTable(context, field, elementCollection);
            return List.of();
        }
        TypeElement embeddable = embeddable(field.asType());
        if (embeddable != null || Annotations.find(field, P + "Embedded") != null
                || Annotations.find(field, P + "EmbeddedId") != null) {
            if (embeddable == null) {
                unsupported(field, null, "@Embedded", field.getSimpleName(), "its type " + field.asType()
                        + " is not an @Embeddable; annotate it with jakarta.persistence.Embeddable");
                return List.of();
            }
            return embedded(context, field, embeddable, overrides(field, ""), isKey(field), forceNullable,
                    new ArrayList<>());
        }
        if (TypeMapper.kinds(field.asType()).isEmpty() && relationTarget(field.asType()) != null) {
            unsupported(field, null, "field " + field.getSimpleName(), context.entity.getSimpleName(),
                    "its type is an entity; annotate it with @ManyToOne or @OneToOne");
            return List.of();
        }
        EntitySource.ColumnSource column = basic(context, field, field.asType(), Annotations.find(field, P + "Column"),
                forceNullable, Annotations.find(field, P + "Id") != null, field.getSimpleName().toString());
        return column == null ? List.of() : List.of(column);
    }

    /** {@code @AttributeOverride}s of a field by attribute path (below {@code prefix}). */
    private Map<String, AnnotationMirror> overrides(Element field, String prefix) {
        Map<String, AnnotationMirror> overrides = new HashMap<>();
        for (AnnotationMirror override : annotations.repeated(field, P + "AttributeOverride", P + "AttributeOverrides")) {
            overrides.put(prefix + annotations.string(override, "name"),
                    (AnnotationMirror) annotations.value(override, "column").getValue());
        }
        return overrides;
    }

    /** An embedded value's columns: the embeddable's fields, named as written unless overridden. */
    private List<EntitySource.ColumnSource> embedded(Context context, Element field, TypeElement embeddable,
                                                     Map<String, AnnotationMirror> overrides, boolean key,
                                                     boolean forceNullable, List<TypeElement> holding) {
        if (holding.contains(embeddable)) {
            diagnostics.report(field, Message.EMBEDDING_CYCLE, field.getSimpleName(), embeddable.getSimpleName(),
                    String.join(" > ", holding.stream().map(t -> t.getSimpleName().toString()).toList()));
            return List.of();
        }
        holding.add(embeddable);
        List<EntitySource.ColumnSource> columns = new ArrayList<>();
        for (Element member : fields(embeddable, null)) {
            String path = member.getSimpleName().toString();
            for (String relation : List.of("ManyToOne", "OneToOne", "OneToMany", "ManyToMany", "ElementCollection")) {
                if (Annotations.find(member, P + relation) != null) {
                    unsupported(member, Annotations.find(member, P + relation), "@" + relation,
                            embeddable.getSimpleName() + "." + path, "Permafrost maps relations of entities, not of"
                                    + " embeddables yet; move it to the entity");
                    return List.of();
                }
            }
            TypeElement nested = embeddable(member.asType());
            if (nested != null) {
                Map<String, AnnotationMirror> inner = new HashMap<>(overrides(member, ""));
                overrides.forEach((name, column) -> {
                    if (name.startsWith(path + ".")) {
                        inner.put(name.substring(path.length() + 1), column);
                    }
                });
                columns.addAll(embedded(context, member, nested, inner, key, forceNullable, holding));
                continue;
            }
            AnnotationMirror column = overrides.getOrDefault(path, Annotations.find(member, P + "Column"));
            EntitySource.ColumnSource made = basic(context, member, member.asType(), column, forceNullable, key,
                    field.getSimpleName() + "." + path);
            if (made != null) {
                columns.add(made);
            }
        }
        holding.remove(holding.size() - 1);
        return columns;
    }

    private static TypeElement embeddable(TypeMirror type) {
        return Annotations.declaredAs(type, e -> Annotations.find(e, P + "Embeddable") != null);
    }

    /** A basic attribute's column; {@code null} when it is in error (reported). */
    private EntitySource.ColumnSource basic(Context context, Element field, TypeMirror javaType, AnnotationMirror column,
                                            boolean forceNullable, boolean key, String label) {
        int before = diagnostics.errors();
        if (column != null) {
            AnnotationValue definition = Annotations.nonBlank(column, "columnDefinition");
            if (definition != null) {
                unsupported(field, column, "@Column(columnDefinition = \"" + definition.getValue() + "\")", label,
                        "Permafrost cannot tell what a column definition means on each database; remove it and use"
                                + " the Java type, @Column(length, precision, scale), or Permafrost's @NativeType for a"
                                + " database's own type");
                return null;
            }
            if (Annotations.nonBlank(column, "table") != null) {
                unsupported(field, column, "@Column(table = ...)", label, "secondary tables are not read yet");
                return null;
            }
        }
        AnnotationValue explicitName = column == null ? null : Annotations.nonBlank(column, "name");
        String logical = explicitName != null ? (String) explicitName.getValue() : field.getSimpleName().toString();
        String name = common.checkedName(field, column, explicitName, naming.physical(logical), "column",
                "@Column(name = ...) of jakarta.persistence");
        ColumnType type = types().of(field, javaType, column, label);
        if (type != null) {
            type = common.nativeTypes(field, type, label);
        }
        boolean declaredNullable = column == null || annotations.bool(column, "nullable");
        // In a single-table subclass Hibernate keeps only an explicit @Column(nullable = false).
        boolean nullable = forceNullable ? declaredNullable : !key && !TypeMapper.isPrimitive(javaType)
                && declaredNullable && Annotations.find(field, NOT_NULL) == null && !notOptional(field);
        JpaNumbering.Numbering numbering = key ? new JpaNumbering(annotations, diagnostics)
                .of(context.entity, field, type, logicalTable(root(context.entity)) + "_SEQ", this::physicalLower)
                : JpaNumbering.Numbering.NONE;
        if (diagnostics.errors() > before || name == null || type == null) {
            return null;
        }
        boolean unique = column != null && annotations.bool(column, "unique");
        Column made = new Column(name, type, nullable, null, numbering.identity(), numbering.sequence());
        return new EntitySource.ColumnSource(field, made, key, unique,
                null, common.renamedFrom(field, "column"));
    }

    private boolean notOptional(Element field) {
        AnnotationMirror basic = Annotations.find(field, P + "Basic");
        return basic != null && !annotations.bool(basic, "optional");
    }


    private EntitySource.ColumnSource discriminator(TypeElement root, AnnotationMirror mirror) {
        AnnotationValue explicit = mirror == null ? null : Annotations.nonBlank(mirror, "name");
        String name = common.checkedName(root, mirror, explicit, naming.physical(explicit != null
                ? (String) explicit.getValue() : "DTYPE"), "column", "@DiscriminatorColumn(name = ...)");
        String kind = mirror == null ? "STRING" : annotations.enumName(mirror, "discriminatorType");
        if (!kind.equals("STRING") && !kind.equals("INTEGER")) {
            unsupported(root, mirror, "@DiscriminatorColumn(discriminatorType = " + kind + ")", root.getSimpleName(),
                    "Hibernate makes it char(1), a type Permafrost does not write; use STRING or INTEGER");
            return null;
        }
        if (name == null) {
            return null;
        }
        ColumnType type = kind.equals("INTEGER") ? ColumnType.simple(ColumnType.Kind.INTEGER)
                : ColumnType.varchar(mirror == null ? 31 : annotations.integer(mirror, "length"));
        return new EntitySource.ColumnSource(root, new Column(name, type, false, null, false), false, false, null, null);
    }

    // ---- relations ----

    /** The entity a field's type (or its collection's element type) is, or {@code null}. */
    private static TypeElement relationTarget(TypeMirror type) {
        return Annotations.declaredAs(type, Annotations::isJpaEntity);
    }

    /** The element type of a collection field, or {@code null} for a map or a raw or unknown type (reported). */
    private TypeMirror elementType(Element field, String what) {
        TypeMirror type = field.asType();
        if (type.getKind() == TypeKind.DECLARED) {
            String name = ((TypeElement) types.asElement(types.erasure(type))).getQualifiedName().toString();
            List<? extends TypeMirror> arguments = ((DeclaredType) type).getTypeArguments();
            if (name.equals("java.util.Map") || name.endsWith("Map")) {
                unsupported(field, null, what, field.getSimpleName(), "maps are not read yet; use a List or Set of"
                        + " entities or embeddables");
                return null;
            }
            if (arguments.size() == 1) {
                return arguments.get(0);
            }
        }
        unsupported(field, null, what, field.getSimpleName(), "give the collection its element type, e.g. List<Pet>");
        return null;
    }

    private boolean isSet(Element field) {
        String name = ((TypeElement) types.asElement(types.erasure(field.asType()))).getQualifiedName().toString();
        return name.endsWith("Set");
    }

    /**
     * Hibernate's {@code @OnDelete(action = ...)} on a relation, collection or joined subclass: the {@code ON DELETE}
     * of the foreign key it makes; no action without it.
     */
    private ForeignKey.Action onDelete(Element element) {
        AnnotationMirror on = Annotations.find(element, "org.hibernate.annotations.OnDelete");
        if (on == null) {
            return ForeignKey.Action.NO_ACTION;
        }
        return switch (annotations.enumName(on, "action")) {
            case "CASCADE" -> ForeignKey.Action.CASCADE;
            case "SET_NULL" -> ForeignKey.Action.SET_NULL;
            case "SET_DEFAULT" -> ForeignKey.Action.SET_DEFAULT;
            case "RESTRICT" -> ForeignKey.Action.RESTRICT;
            default -> ForeignKey.Action.NO_ACTION;
        };
    }

    /** The class whose table holds an entity's rows: a single-table subclass's root. */
    private TypeElement tableOwner(TypeElement entity) {
        TypeElement root = root(entity);
        return !entity.equals(root) && strategy(root).equals("SINGLE_TABLE") ? root : entity;
    }

    /** The columns a {@code @ManyToOne} or owning {@code @OneToOne} makes: one per referenced key column. */
    private List<EntitySource.ColumnSource> toOne(Context context, Element field, AnnotationMirror mirror, String relation,
                                                  boolean forceNullable) {
        TypeElement target = relationTarget(field.asType());
        if (target == null) {
            unsupported(field, mirror, "@" + relation, field.getSimpleName(), "its type " + field.asType()
                    + " is not a JPA @Entity");
            return List.of();
        }
        if (Annotations.find(field, P + "MapsId") != null) {
            unsupported(field, Annotations.find(field, P + "MapsId"), "@MapsId", field.getSimpleName(), "a key shared"
                    + " with a relation is not read yet; give the entity its own @Id and reference the other entity");
            return List.of();
        }
        context.related.add(target);
        List<KeyPart> key = keyOf(target);
        if (key == null) {
            unsupported(field, mirror, "@" + relation, field.getSimpleName(), target.getSimpleName() + " has no @Id");
            return List.of();
        }
        List<AnnotationMirror> joinColumns = annotations.repeated(field, P + "JoinColumn", P + "JoinColumns");
        List<KeyPart> referenced = referencedColumns(field, mirror, target, key, joinColumns);
        if (referenced == null) {
            return List.of();
        }
        boolean optional = annotations.bool(mirror, "optional") && Annotations.find(field, NOT_NULL) == null;
        EntitySource.ReferenceSource reference = new EntitySource.ReferenceSource(mirror, tableOwner(target),
                referenced.size() == 1 ? referenced.get(0).column() : "", "", onDelete(field),
                ForeignKey.Action.NO_ACTION);
        boolean oneToOne = relation.equals("OneToOne");
        List<EntitySource.ColumnSource> columns = new ArrayList<>();
        for (int i = 0; i < referenced.size(); i++) {
            AnnotationMirror joinColumn = joinColumns.isEmpty() ? null : joinColumns.get(i);
            KeyPart part = referenced.get(i);
            String name = joinColumnName(field, joinColumn, field.getSimpleName() + "_" + part.logical());
            boolean nullable = (optional && (joinColumn == null || annotations.bool(joinColumn, "nullable")))
                    || forceNullable;
            boolean unique = referenced.size() == 1 && (oneToOne || joinColumn != null
                    && annotations.bool(joinColumn, "unique"));
            if (name != null) {
                columns.add(new EntitySource.ColumnSource(field, new Column(name, part.type(), nullable, null, false),
                        false, unique, reference, common.renamedFrom(field, "column")));
            }
        }
        if (oneToOne && columns.size() > 1) {
            context.compositeUniques.add(new EntitySource.IndexSource(field, mirror, 0, "",
                    columns.stream().map(c -> c.column().name()).toList(), true));
        }
        return columns.size() == referenced.size() ? columns : List.of();
    }

    /**
     * The target's columns the join columns reference, in the target key's order (a single join column may name
     * another, unique column); {@code null} when they do not match (reported).
     */
    private List<KeyPart> referencedColumns(Element field, AnnotationMirror mirror, TypeElement target, List<KeyPart> key,
                                            List<AnnotationMirror> joinColumns) {
        if (joinColumns.isEmpty()) {
            return key;
        }
        if (joinColumns.size() == 1 && Annotations.nonBlank(joinColumns.get(0), "referencedColumnName") != null) {
            String logical = annotations.string(joinColumns.get(0), "referencedColumnName");
            String physical = physicalLower(logical);
            for (KeyPart part : key) {
                if (part.column().equals(physical)) {
                    return List.of(part);
                }
            }
            EntitySource.ColumnSource column = quiet().columnOf(tableOwner(target), physical);
            if (column == null) {
                diagnostics.report(field, joinColumns.get(0), Message.UNKNOWN_COLUMN, "@JoinColumn(referencedColumnName)",
                        physical, target.getSimpleName(), "");
                return null;
            }
            return List.of(new KeyPart(logical, physical, column.column().type()));
        }
        if (joinColumns.size() != key.size()) {
            unsupported(field, mirror, "@JoinColumns", field.getSimpleName(), target.getSimpleName() + "'s key has "
                    + key.size() + " columns; give one @JoinColumn for each");
            return null;
        }
        return key;
    }

    /** A column of an entity's own table by name, or {@code null}. */
    private EntitySource.ColumnSource columnOf(TypeElement entity, String column) {
        for (EntitySource table : read(entity).tables()) {
            for (EntitySource.ColumnSource source : table.columns()) {
                if (!table.implied() && source.column().name().equals(column)) {
                    return source;
                }
            }
        }
        return null;
    }

    private String joinColumnName(Element field, AnnotationMirror joinColumn, String implicit) {
        AnnotationValue explicit = joinColumn == null ? null : Annotations.nonBlank(joinColumn, "name");
        return common.checkedName(field, joinColumn, explicit, naming.physical(explicit != null
                ? (String) explicit.getValue() : implicit), "column", "@JoinColumn(name = ...)");
    }

    /** A unidirectional {@code @OneToMany}: a join column on the target's table, or a join table. */
    private void oneToMany(Context context, Element field, AnnotationMirror mirror) {
        TypeMirror element = elementType(field, "@OneToMany");
        TypeElement target = element == null ? null : relationTarget(element);
        if (element != null && target == null) {
            unsupported(field, mirror, "@OneToMany", field.getSimpleName(), element + " is not a JPA @Entity");
        }
        if (target == null) {
            return;
        }
        context.related.add(target);
        List<AnnotationMirror> joinColumns = annotations.repeated(field, P + "JoinColumn", P + "JoinColumns");
        if (joinColumns.isEmpty()) {
            joinTable(context, field, mirror, true);
            return;
        }
        TypeElement owner = tableOwner(context.entity);
        List<KeyPart> key = keyOf(owner);
        if (key == null || joinColumns.size() != key.size()) {
            unsupported(field, mirror, "@JoinColumn", field.getSimpleName(), "give one @JoinColumn per column of "
                    + context.entity.getSimpleName() + "'s key");
            return;
        }
        EntitySource.ReferenceSource reference = new EntitySource.ReferenceSource(mirror, owner,
                key.size() == 1 ? key.get(0).column() : "", "", onDelete(field), ForeignKey.Action.NO_ACTION);
        List<EntitySource.ColumnSource> columns = context.foreign.computeIfAbsent(
                tableOwner(target).getQualifiedName().toString(), k -> new ArrayList<>());
        for (int i = 0; i < key.size(); i++) {
            AnnotationMirror joinColumn = joinColumns.get(i);
            String name = joinColumnName(field, joinColumn, field.getSimpleName() + "_" + key.get(i).logical());
            if (name != null) {
                columns.add(new EntitySource.ColumnSource(field, new Column(name, key.get(i).type(),
                        annotations.bool(joinColumn, "nullable"), null, false), false, false, reference, null));
            }
        }
    }

    /**
     * The join table of an owning {@code @ManyToMany}, or of a unidirectional {@code @OneToMany} without a join
     * column (whose target columns are then unique): the owner's key columns and the target's, a primary key over
     * both for a {@code Set}.
     */
    private void joinTable(Context context, Element field, AnnotationMirror mirror, boolean oneToMany) {
        String what = oneToMany ? "@OneToMany" : "@ManyToMany";
        TypeMirror element = elementType(field, what);
        TypeElement target = element == null ? null : relationTarget(element);
        if (element != null && target == null) {
            unsupported(field, mirror, what, field.getSimpleName(), element + " is not a JPA @Entity");
        }
        if (target == null || refuseOrderColumn(field)) {
            return;
        }
        context.related.add(target);
        TypeElement owner = tableOwner(context.entity);
        List<KeyPart> ownerKey = keyOf(owner);
        List<KeyPart> targetKey = keyOf(target);
        if (ownerKey == null || targetKey == null) {
            return;
        }
        AnnotationMirror joinTable = Annotations.find(field, P + "JoinTable");
        AnnotationValue explicit = joinTable == null ? null : Annotations.nonBlank(joinTable, "name");
        String logical = explicit != null ? (String) explicit.getValue() : naming.joinTable(naming.physical(
                logicalTable(owner)), logicalTable(owner), field.getSimpleName().toString(), logicalTable(tableOwner(target)));
        String table = common.checkedName(field, joinTable, explicit, naming.physical(logical), "table",
                "@JoinTable(name = ...)");
        String ownerBase = inverseAttribute(target, field);
        if (ownerBase == null) {
            ownerBase = entityName(context.entity);
        }
        List<EntitySource.ColumnSource> columns = new ArrayList<>();
        columns.addAll(keyColumns(field, joinTable, "joinColumns", ownerKey, ownerBase, owner));
        List<EntitySource.ColumnSource> inverse = keyColumns(field, joinTable, "inverseJoinColumns", targetKey,
                field.getSimpleName().toString(), tableOwner(target));
        List<EntitySource.IndexSource> uniques = new ArrayList<>();
        if (oneToMany) {
            if (inverse.size() == 1) {
                EntitySource.ColumnSource only = inverse.get(0);
                inverse = List.of(new EntitySource.ColumnSource(only.element(), only.column(), false, true,
                        only.reference(), null));
            } else {
                uniques.add(new EntitySource.IndexSource(field, mirror, 0, "",
                        inverse.stream().map(c -> c.column().name()).toList(), true));
            }
        }
        columns.addAll(inverse);
        if (table == null || columns.size() != ownerKey.size() + targetKey.size()) {
            return;
        }
        boolean keyed = isSet(field);
        columns = columns.stream().map(c -> new EntitySource.ColumnSource(c.element(), c.column(), keyed, c.unique(),
                c.reference(), null)).toList();
        context.implied.add(new EntitySource(context.entity, joinTable != null ? joinTable : mirror, table, null,
                keyOrdered(columns), List.of(), uniques, List.of(), "", true));
    }

    /** The attribute of {@code target} that is the inverse side of {@code field} ({@code mappedBy}), or {@code null}. */
    private String inverseAttribute(TypeElement target, Element field) {
        for (Element candidate : fields(target, null)) {
            for (String relation : List.of("ManyToMany", "ManyToOne", "OneToMany", "OneToOne")) {
                AnnotationMirror mirror = Annotations.find(candidate, P + relation);
                if (mirror != null && Annotations.explicit(mirror, "mappedBy") != null
                        && annotations.string(mirror, "mappedBy").equals(field.getSimpleName().toString())) {
                    return candidate.getSimpleName().toString();
                }
            }
        }
        return null;
    }

    /**
     * The columns of a join or collection table that reference {@code referenced}'s key: from the
     * {@code member} join columns of {@code table} if given, else {@code <base>_<key column>}.
     */
    private List<EntitySource.ColumnSource> keyColumns(Element field, AnnotationMirror table, String member,
                                                       List<KeyPart> key, String base, TypeElement referenced) {
        List<AnnotationMirror> given = new ArrayList<>();
        if (table != null) {
            for (AnnotationValue value : annotations.list(table, member)) {
                given.add((AnnotationMirror) value.getValue());
            }
        }
        if (!given.isEmpty() && given.size() != key.size()) {
            unsupported(field, table, "@" + ((TypeElement) table.getAnnotationType().asElement()).getSimpleName() + "("
                    + member + ")", field.getSimpleName(), referenced.getSimpleName() + "'s key has " + key.size()
                    + " columns; give one @JoinColumn for each");
            return List.of();
        }
        // @OnDelete on a collection acts on the key to its owner (the join or collection table's joinColumns).
        EntitySource.ReferenceSource reference = new EntitySource.ReferenceSource(table, referenced,
                key.size() == 1 ? key.get(0).column() : "", "", member.equals("joinColumns") ? onDelete(field)
                : ForeignKey.Action.NO_ACTION, ForeignKey.Action.NO_ACTION);
        List<EntitySource.ColumnSource> columns = new ArrayList<>();
        for (int i = 0; i < key.size(); i++) {
            AnnotationMirror joinColumn = given.isEmpty() ? null : given.get(i);
            String name = joinColumnName(field, joinColumn, base + "_" + key.get(i).logical());
            if (name != null) {
                columns.add(new EntitySource.ColumnSource(field, new Column(name, key.get(i).type(), false, null, false),
                        false, false, reference, null));
            }
        }
        return columns;
    }

    private boolean refuseOrderColumn(Element field) {
        AnnotationMirror order = Annotations.find(field, P + "OrderColumn");
        if (order != null) {
            unsupported(field, order, "@OrderColumn", field.getSimpleName(), "ordered collections are not read yet;"
                    + " remove it, or order in the query with @OrderBy");
            return true;
        }
        return false;
    }

    /** An {@code @ElementCollection}'s table: the owner's key columns and the element's column or columns. */
    private void collectionTable(Context context, Element field, AnnotationMirror mirror) {
        TypeMirror element = elementType(field, "@ElementCollection");
        if (element == null || refuseOrderColumn(field)) {
            return;
        }
        TypeElement owner = tableOwner(context.entity);
        List<KeyPart> ownerKey = keyOf(owner);
        if (ownerKey == null) {
            return;
        }
        AnnotationMirror collectionTable = Annotations.find(field, P + "CollectionTable");
        AnnotationValue explicit = collectionTable == null ? null : Annotations.nonBlank(collectionTable, "name");
        String logical = explicit != null ? (String) explicit.getValue()
                : entityName(context.entity) + "_" + field.getSimpleName();
        String table = common.checkedName(field, collectionTable, explicit, naming.physical(logical), "table",
                "@CollectionTable(name = ...)");
        List<EntitySource.ColumnSource> columns = new ArrayList<>(keyColumns(field, collectionTable, "joinColumns",
                ownerKey, entityName(context.entity), owner));
        int keyColumns = columns.size();
        TypeElement embeddable = embeddable(element);
        Context inner = new Context(context.entity);
        inner.table = table;
        if (embeddable != null) {
            if (isSet(field)) {
                unsupported(field, mirror, "@ElementCollection", field.getSimpleName(), "a Set of embeddables is not"
                        + " read yet; use a List");
                return;
            }
            columns.addAll(embedded(inner, field, embeddable, overrides(field, ""), false, false, new ArrayList<>()));
        } else {
            EntitySource.ColumnSource value = basic(inner, field, element, Annotations.find(field, P + "Column"), false,
                    false, field.getSimpleName().toString());
            if (value == null) {
                return;
            }
            columns.add(value);
        }
        if (table == null || keyColumns != ownerKey.size()) {
            return;
        }
        List<EntitySource.IndexSource> uniques = new ArrayList<>();
        if (embeddable == null && isSet(field)) {
            List<String> all = columns.stream().map(c -> c.column().name()).toList();
            if (columns.get(columns.size() - 1).column().nullable()) {
                uniques.add(new EntitySource.IndexSource(field, mirror, 0, "", all, true));
            } else {
                columns = columns.stream().map(c -> new EntitySource.ColumnSource(c.element(), c.column(), true,
                        c.unique(), c.reference(), null)).toList();
            }
        }
        context.implied.add(new EntitySource(context.entity, collectionTable != null ? collectionTable : mirror, table,
                null, keyOrdered(columns), List.of(), uniques, List.of(), "", true));
    }

    // ---- the table's indexes and unique constraints ----

    private void tableIndexes(TypeElement type, AnnotationMirror table, List<EntitySource.IndexSource> indexes,
                              List<EntitySource.IndexSource> uniques) {
        int ordinal = 0;
        for (AnnotationValue value : annotations.list(table, "uniqueConstraints")) {
            AnnotationMirror constraint = (AnnotationMirror) value.getValue();
            uniques.add(new EntitySource.IndexSource(type, constraint, ordinal++,
                    annotations.string(constraint, "name").toLowerCase(Locale.ROOT),
                    annotations.strings(constraint, "columnNames").stream().map(this::physicalLower).toList(), true));
        }
        ordinal = 0;
        for (AnnotationValue value : annotations.list(table, "indexes")) {
            AnnotationMirror index = (AnnotationMirror) value.getValue();
            List<String> columns = new ArrayList<>();
            for (String part : annotations.string(index, "columnList").split(",")) {
                String[] words = part.trim().split("\\s+");
                if (words.length > 1 && words[1].equalsIgnoreCase("desc")) {
                    unsupported(type, index, "@Index(columnList = \"" + annotations.string(index, "columnList") + "\")",
                            type.getSimpleName(), "descending index columns are not written yet; remove DESC");
                }
                if (!words[0].isEmpty()) {
                    columns.add(physicalLower(words[0]));
                }
            }
            indexes.add(new EntitySource.IndexSource(type, index, ordinal++,
                    annotations.string(index, "name").toLowerCase(Locale.ROOT), columns, annotations.bool(index, "unique")));
        }
    }

    private void unsupported(Element element, AnnotationMirror annotation, String what, Object where, String why) {
        diagnostics.report(element, annotation, Message.JPA_UNSUPPORTED, what, where, why);
    }
}
