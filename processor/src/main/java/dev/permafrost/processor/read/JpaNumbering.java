package dev.permafrost.processor.read;

import dev.permafrost.message.Message;
import dev.permafrost.model.ColumnType;
import dev.permafrost.model.Names;
import dev.permafrost.model.Sequence;
import dev.permafrost.processor.Diagnostics;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;

/** How a JPA key's values are made ({@code @GeneratedValue}, {@code @SequenceGenerator}), as Hibernate 6+ does it. */
final class JpaNumbering {

    private static final String P = Annotations.JPA;

    private final Annotations annotations;
    private final Diagnostics diagnostics;

    JpaNumbering(Annotations annotations, Diagnostics diagnostics) {
        this.annotations = annotations;
        this.diagnostics = diagnostics;
    }

    /** How a key's values are made per {@code @GeneratedValue}: by the database (identity), from a sequence, or not. */
    record Numbering(boolean identity, Sequence sequence) {
        static final Numbering NONE = new Numbering(false, null);
    }

    /**
     * How the key is numbered per {@code @GeneratedValue}, as Hibernate 6+ does it: IDENTITY an identity column;
     * SEQUENCE and AUTO on a number a sequence, named by {@code @SequenceGenerator} (on the field or a class of
     * the entity's hierarchy) or else {@code implicitLogical} ({@code <root table>_SEQ}: the root entity's table
     * name as written, or its entity name), named by {@code physical}, starting at 1, increment 50; on UUID and String keys
     * the application makes the value. Reports TABLE and what Permafrost cannot create.
     */
    Numbering of(TypeElement entity, Element field, ColumnType type, String implicitLogical, UnaryOperator<String> physical) {
        AnnotationMirror generated = Annotations.find(field, P + "GeneratedValue");
        if (generated == null || type == null) {
            return Numbering.NONE;
        }
        String strategy = annotations.enumName(generated, "strategy");
        if (strategy.equals("IDENTITY")) {
            if (!type.isInteger()) {
                unsupported(field, generated, "@GeneratedValue(strategy = IDENTITY)", field.getSimpleName(),
                        "an identity column is an integer; the field is " + type.sql());
                return Numbering.NONE;
            }
            return new Numbering(true, null);
        }
        if (type.kind() == ColumnType.Kind.UUID || type.kind() == ColumnType.Kind.VARCHAR) {
            return Numbering.NONE;
        }
        String label = entity.getSimpleName() + "." + field.getSimpleName();
        if (strategy.equals("TABLE")) {
            unsupported(field, generated, "@GeneratedValue(strategy = TABLE)", label, "Hibernate then keeps ids in a"
                    + " table of its own, which Permafrost does not create; use GenerationType.SEQUENCE or IDENTITY");
            return Numbering.NONE;
        }
        if (!type.isInteger()) {
            unsupported(field, generated, "@GeneratedValue(strategy = " + strategy + ")", label,
                    "a sequence hands out integers; the field is " + type.sql());
            return Numbering.NONE;
        }
        AnnotationMirror onPackage = packageGenerator(entity);
        if (onPackage != null) {
            // Hibernate 7 applies a package's generator to keys of the package that name none: not reproduced yet.
            unsupported(field, generated, "@GeneratedValue(strategy = " + strategy + ")", label, "its package declares"
                    + " a @SequenceGenerator, which Hibernate applies to the package's keys in ways Permafrost does not"
                    + " reproduce yet; declare the generator on the entity (or its @MappedSuperclass) instead");
            return Numbering.NONE;
        }
        String generatorName = annotations.string(generated, "generator");
        AnnotationMirror generator = sequenceGenerator(entity, field, generatorName);
        // A generator name that names no generator here is, to Hibernate 6+, the sequence's name (defaults otherwise).
        String logical = generator == null && !generatorName.isBlank() ? generatorName : implicitLogical;
        long start = 1;
        long increment = 50;
        AnnotationMirror at = generated;
        if (generator != null) {
            at = generator;
            for (String member : List.of("schema", "catalog")) {
                if (Annotations.nonBlank(generator, member) != null) {
                    unsupported(field, generator, "@SequenceGenerator(" + member + " = ...)", label, "Permafrost keeps"
                            + " the whole schema in one place; remove " + member);
                    return Numbering.NONE;
                }
            }
            AnnotationValue sequenceName = Annotations.nonBlank(generator, "sequenceName");
            AnnotationValue name = Annotations.nonBlank(generator, "name");
            if (sequenceName != null) {
                logical = (String) sequenceName.getValue();
            } else if (name != null) {
                logical = (String) name.getValue();
            }
            start = annotations.integer(generator, "initialValue");
            increment = annotations.integer(generator, "allocationSize");
        }
        String name = physical.apply(logical);
        if (!Names.isIdentifier(name)) {
            unsupported(field, at, "sequence " + logical, label, "'" + name + "' is not a portable identifier"
                    + " ([a-z_][a-z0-9_]*, at most " + Names.MAX_LENGTH + " characters); name it with"
                    + " @SequenceGenerator(sequenceName = ...)");
            return Numbering.NONE;
        }
        if (increment <= 0) {
            unsupported(field, at, "@SequenceGenerator(allocationSize = " + increment + ")", label,
                    "a sequence counts upwards; use an allocationSize of 1 or more");
            return Numbering.NONE;
        }
        return new Numbering(false, new Sequence(name, start, increment));
    }

    /**
     * The {@code @SequenceGenerator} a key uses: the one named {@code generator} (or, with no name, an unnamed one,
     * as JPA 3.2 allows) on the field, else on the entity's classes from the entity up. Hibernate 6+ keeps
     * generators local to these places (unless {@code hibernate.jpa.compliance.global_id_generators}), so a
     * generator on another entity is not looked for.
     */
    private AnnotationMirror sequenceGenerator(TypeElement entity, Element field, String generator) {
        List<Element> places = new ArrayList<>();
        places.add(field);
        for (TypeElement type = entity; type != null; type = EntityReader.superclass(type)) {
            places.add(type);
        }
        for (Element place : places) {
            for (AnnotationMirror mirror : sequenceGenerators(place)) {
                if (annotations.string(mirror, "name").equals(generator)) {
                    return mirror;
                }
            }
        }
        return null;
    }

    /** A {@code @SequenceGenerator} on the entity's package ({@code package-info.java}), or {@code null}. */
    private AnnotationMirror packageGenerator(TypeElement entity) {
        Element outer = entity.getEnclosingElement();
        while (outer != null && !(outer instanceof javax.lang.model.element.PackageElement)) {
            outer = outer.getEnclosingElement();
        }
        List<AnnotationMirror> found = outer == null ? List.of() : sequenceGenerators(outer);
        return found.isEmpty() ? null : found.get(0);
    }

    private List<AnnotationMirror> sequenceGenerators(Element place) {
        return annotations.repeated(place, P + "SequenceGenerator", P + "SequenceGenerators");
    }


    private void unsupported(Element element, AnnotationMirror annotation, String what, Object where, String why) {
        diagnostics.report(element, annotation, Message.JPA_UNSUPPORTED, what, where, why);
    }
}
