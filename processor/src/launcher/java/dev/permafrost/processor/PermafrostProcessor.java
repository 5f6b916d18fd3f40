package dev.permafrost.processor;

import java.util.Collections;
import java.util.Set;
import java.util.TreeSet;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.Completion;
import javax.annotation.processing.ProcessingEnvironment;
import javax.annotation.processing.Processor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.tools.Diagnostic;

/**
 * Permafrost's annotation processor as javac finds it. This class is compiled for Java 8, so that a javac
 * running on a JDK older than Permafrost's baseline loads it and gets a message that says which JDK is
 * needed and how to select it, instead of a class-version error; on a JDK 21 or newer it hands every call
 * to {@link SchemaProcessor}, the processor proper.
 */
public final class PermafrostProcessor extends AbstractProcessor {

    /** The oldest Java release the processor runs on (jOOQ's baseline). */
    static final int BASELINE = 21;

    /**
     * The format of {@code Msg.JDK_TOO_OLD}, held here because this class cannot load the catalogue on the JDKs it
     * reports on; a test keeps the two equal.
     */
    static final String JDK_TOO_OLD = "[PF107] Permafrost's annotation processor needs javac to run on JDK %d or newer,"
            + " but it runs on Java %s (%s). Select a JDK %d+ for the compiler: with Maven, add"
            + " maven-toolchains-plugin's select-jdk-toolchain goal with <version>[%d,)</version> (as in Permafrost's"
            + " README), or run Maven with JAVA_HOME set to a JDK %d+; with Gradle, set"
            + " java.toolchain.languageVersion = JavaLanguageVersion.of(%d)";

    private Processor delegate;

    /** The Java feature release this JVM runs, from {@code java.specification.version} ("1.8", "17", "25"). */
    static int feature(String specificationVersion) {
        String version = specificationVersion.startsWith("1.") ? specificationVersion.substring(2) : specificationVersion;
        int end = 0;
        while (end < version.length() && Character.isDigit(version.charAt(end))) {
            end++;
        }
        return end == 0 ? 0 : Integer.parseInt(version.substring(0, end));
    }

    @Override
    public synchronized void init(ProcessingEnvironment env) {
        super.init(env);
        String version = System.getProperty("java.specification.version", "?");
        if (feature(version) < BASELINE) {
            env.getMessager().printMessage(Diagnostic.Kind.ERROR, String.format(JDK_TOO_OLD, BASELINE, version,
                    System.getProperty("java.home", "?"), BASELINE, BASELINE, BASELINE, BASELINE));
            return;
        }
        try {
            delegate = (Processor) Class.forName("dev.permafrost.processor.SchemaProcessor", true,
                    PermafrostProcessor.class.getClassLoader()).getConstructor().newInstance();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("Permafrost's processor jar is incomplete: " + e, e);
        }
        delegate.init(env);
    }

    @Override
    public Set<String> getSupportedAnnotationTypes() {
        return delegate == null ? Collections.<String>emptySet() : delegate.getSupportedAnnotationTypes();
    }

    /** On a JDK too old to run, the {@code permafrost.*} options given are claimed, so javac adds no warning to PF107. */
    @Override
    public Set<String> getSupportedOptions() {
        if (delegate != null) {
            return delegate.getSupportedOptions();
        }
        Set<String> given = new TreeSet<String>();
        if (processingEnv != null) {
            for (String option : processingEnv.getOptions().keySet()) {
                if (option.startsWith("permafrost.")) {
                    given.add(option);
                }
            }
        }
        return given;
    }

    @Override
    public SourceVersion getSupportedSourceVersion() {
        return SourceVersion.latestSupported();
    }

    @Override
    public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
        return delegate != null && delegate.process(annotations, round);
    }

    @Override
    public Iterable<? extends Completion> getCompletions(Element element, AnnotationMirror annotation,
                                                         ExecutableElement member, String userText) {
        return delegate == null ? Collections.<Completion>emptyList()
                : delegate.getCompletions(element, annotation, member, userText);
    }
}
