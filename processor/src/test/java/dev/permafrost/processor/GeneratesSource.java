package dev.permafrost.processor;

import java.io.IOException;
import java.io.Writer;
import java.util.Set;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.TypeElement;

/** A code generator: writes one source file in its first round, so that other processors meet it in the second. */
final class GeneratesSource extends AbstractProcessor {
    private final String className;
    private final String source;
    private boolean done;

    GeneratesSource(String className, String source) {
        this.className = className;
        this.source = source;
    }

    @Override
    public Set<String> getSupportedAnnotationTypes() {
        return Set.of("*");
    }

    @Override
    public SourceVersion getSupportedSourceVersion() {
        return SourceVersion.latestSupported();
    }

    @Override
    public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
        if (!done) {
            done = true;
            try (Writer writer = processingEnv.getFiler().createSourceFile(className).openWriter()) {
                writer.write(source);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
        return false;
    }
}
