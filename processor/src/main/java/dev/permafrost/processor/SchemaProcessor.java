package dev.permafrost.processor;

import dev.permafrost.message.Message;
import dev.permafrost.processor.read.Annotations;
import dev.permafrost.processor.read.Unresolved;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.TreeSet;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.ElementFilter;

/**
 * Reads {@code @Table} entities, holds them against the newest frozen snapshot, and writes the next
 * snapshot and migration stub when they differ. That happens once, in the first round whose entities'
 * types are all resolved: an entity that uses a type another processor generates waits for it (and is
 * reported at processing's end if it never comes). Nothing is written when anything is wrong. javac
 * reaches it through {@link PermafrostProcessor}, which first makes sure the JDK can run it.
 */
public final class SchemaProcessor extends AbstractProcessor {

    /** The class javac loads (compiled apart, for old JDKs): the name to give {@code -processor} and {@code @Generated}. */
    public static final String ENTRY_POINT = "dev.permafrost.processor.PermafrostProcessor";

    private static final Comparator<TypeElement> BY_NAME = Comparator.comparing(t -> t.getQualifiedName().toString());

    private boolean done;
    /** Entities of earlier rounds that wait for a type, by name (elements are looked up again each round). */
    private final Set<String> waiting = new TreeSet<>();
    /** The sources of every round so far: the compilation's own, then generated ones. */
    private final Set<Element> roots = new LinkedHashSet<>();

    @Override
    public Set<String> getSupportedAnnotationTypes() {
        return Set.of(Annotations.TABLE, Annotations.JPA_ENTITY);
    }

    @Override
    public Set<String> getSupportedOptions() {
        return new TreeSet<>(Options.ALL);
    }

    @Override
    public SourceVersion getSupportedSourceVersion() {
        return SourceVersion.latestSupported();
    }

    /** javac's tree API, or {@code null} under another compiler. */
    private com.sun.source.util.Trees trees() {
        try {
            return com.sun.source.util.Trees.instance(processingEnv);
        } catch (IllegalArgumentException | NoClassDefFoundError e) {
            return null;
        }
    }

    @Override
    public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
        roots.addAll(round.getRootElements());
        Set<TypeElement> entities = new TreeSet<>(BY_NAME);
        for (TypeElement annotation : annotations) {
            entities.addAll(ElementFilter.typesIn(round.getElementsAnnotatedWith(annotation)));
        }
        Diagnostics diagnostics = new Diagnostics(processingEnv.getMessager(), trees());
        if (done) {
            entities.forEach(e -> diagnostics.report(e, Message.LATE_ENTITY, e.getQualifiedName()));
            return false;
        }
        for (String name : waiting) {
            TypeElement type = processingEnv.getElementUtils().getTypeElement(name);
            if (type != null) {
                entities.add(type);
            }
        }
        if (entities.isEmpty() || waitsForTypes(entities, round.processingOver(), diagnostics)) {
            return false;
        }
        done = true;
        Generation generation = new Generation(processingEnv, diagnostics, roots);
        try {
            generation.run(entities);
        } catch (Abort reported) {
            // reported where it was found; nothing was written
        } catch (RuntimeException | StackOverflowError e) {
            Element at = generation.concerned() != null ? generation.concerned() : entities.iterator().next();
            diagnostics.report(at, Message.INTERNAL, generation.stage(), e, Diagnostics.trace(e));
        }
        return false;
    }

    /**
     * Whether an entity has a column of an unresolved type. Before the last round the entities then wait
     * for a later round; in the last round each such column is reported and the processor stops.
     */
    private boolean waitsForTypes(Set<TypeElement> entities, boolean lastRound, Diagnostics diagnostics) {
        boolean unresolved = false;
        for (TypeElement entity : entities) {
            Element column = Unresolved.in(entity);
            if (column == null) {
                continue;
            }
            unresolved = true;
            if (lastRound) {
                diagnostics.report(column, Message.UNRESOLVED_TYPE, column == entity ? "the superclass"
                        : "field " + column.getSimpleName(), entity.getQualifiedName(),
                        column == entity ? entity.getSuperclass() : column.asType());
            }
        }
        if (!unresolved) {
            waiting.clear();
            return false;
        }
        if (lastRound) {
            done = true;
        } else {
            entities.forEach(e -> waiting.add(e.getQualifiedName().toString()));
        }
        return true;
    }
}
