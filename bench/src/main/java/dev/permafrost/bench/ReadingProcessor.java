package dev.permafrost.bench;

import java.util.Set;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.RoundEnvironment;
import javax.annotation.processing.SupportedAnnotationTypes;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;

/**
 * An annotation processor that reads what any processor of entities must read, every member of every {@code @Table}
 * class with its type and annotations, and does nothing with it: javac's own cost of a processor that looks at the
 * entities (completing their classes during processing), the floor under Permafrost's reading.
 */
@SupportedAnnotationTypes("dev.permafrost.annotations.Table")
public final class ReadingProcessor extends AbstractProcessor {

    /** What was read, so that nothing is optimised away. */
    private long read;

    @Override
    public SourceVersion getSupportedSourceVersion() {
        return SourceVersion.latestSupported();
    }

    @Override
    public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
        for (TypeElement annotation : annotations) {
            for (Element entity : round.getElementsAnnotatedWith(annotation)) {
                for (Element member : entity.getEnclosedElements()) {
                    read += member.asType().getKind().ordinal();
                    for (AnnotationMirror mirror : member.getAnnotationMirrors()) {
                        read += mirror.getElementValues().size();
                    }
                }
            }
        }
        return read < 0;
    }
}
