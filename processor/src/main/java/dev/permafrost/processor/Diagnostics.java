package dev.permafrost.processor;

import javax.annotation.processing.Messager;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.tools.Diagnostic;

/** Owns the {@link Messager}: every report names its element where there is one, and errors are counted. */
final class Diagnostics {

    private final Messager messager;
    private int errors;

    Diagnostics(Messager messager) {
        this.messager = messager;
    }

    void report(Msg msg, Object... args) {
        count(msg);
        messager.printMessage(msg.kind(), msg.format(args));
    }

    void report(Element element, Msg msg, Object... args) {
        count(msg);
        messager.printMessage(msg.kind(), msg.format(args), element);
    }

    void report(Element element, AnnotationMirror annotation, Msg msg, Object... args) {
        count(msg);
        messager.printMessage(msg.kind(), msg.format(args), element, annotation);
    }

    void report(Element element, AnnotationMirror annotation, AnnotationValue value, Msg msg, Object... args) {
        count(msg);
        messager.printMessage(msg.kind(), msg.format(args), element, annotation, value);
    }

    private void count(Msg msg) {
        if (msg.kind() == Diagnostic.Kind.ERROR) {
            errors++;
        }
    }

    int errors() {
        return errors;
    }

    boolean hasErrors() {
        return errors > 0;
    }
}
