package dev.permafrost.processor;

import dev.permafrost.message.Message;
import dev.permafrost.processor.read.Annotations;
import java.util.Set;
import java.util.TreeSet;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.ElementFilter;

/**
 * Reads {@code @Table} entities, holds them against the newest frozen snapshot, and writes the next
 * snapshot and migration stub when they differ. Everything happens in the first round that has
 * entities; nothing is written when anything is wrong. javac reaches it through {@link PermafrostProcessor},
 * which first makes sure the JDK can run it.
 */
public final class SchemaProcessor extends AbstractProcessor {

    /** The class javac loads (compiled apart, for old JDKs): the name to give {@code -processor} and {@code @Generated}. */
    public static final String ENTRY_POINT = "dev.permafrost.processor.PermafrostProcessor";

    private boolean done;

    @Override
    public Set<String> getSupportedAnnotationTypes() {
        return Set.of(Annotations.TABLE);
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
        Set<TypeElement> entities = new TreeSet<>((a, b) -> a.getQualifiedName().toString()
                .compareTo(b.getQualifiedName().toString()));
        for (TypeElement annotation : annotations) {
            entities.addAll(ElementFilter.typesIn(round.getElementsAnnotatedWith(annotation)));
        }
        if (entities.isEmpty()) {
            return false;
        }
        Diagnostics diagnostics = new Diagnostics(processingEnv.getMessager(), trees());
        if (done) {
            entities.forEach(e -> diagnostics.report(e, Message.LATE_ENTITY, e.getQualifiedName()));
            return false;
        }
        done = true;
        try {
            new Generation(processingEnv, diagnostics, round.getRootElements()).run(entities);
        } catch (RuntimeException e) {
            diagnostics.report(entities.iterator().next(), Message.INTERNAL, entities.iterator().next().getQualifiedName(), e);
        }
        return false;
    }
}
