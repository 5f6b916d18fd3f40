/**
 * Permafrost's annotation processor. Build tools run it from the processor path, where javac loads the entry
 * point {@code dev.permafrost.processor.PermafrostProcessor} (compiled for Java 8, so that an old JDK hears which
 * JDK to select, ADR 0010); on a processor module path it provides the processor proper. It exports nothing.
 */
module dev.permafrost.processor {
    requires java.compiler;
    requires jdk.compiler;
    requires com.palantir.javapoet;
    requires dev.permafrost.runtime;

    provides javax.annotation.processing.Processor with dev.permafrost.processor.SchemaProcessor;
}
