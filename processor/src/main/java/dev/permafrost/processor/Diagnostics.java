package dev.permafrost.processor;

import com.sun.source.tree.AnnotationTree;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.ModifiersTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.TreePath;
import com.sun.source.util.Trees;
import java.util.List;
import javax.annotation.processing.Messager;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.tools.Diagnostic;

/** Owns the {@link Messager}: every report names its element where there is one, and errors are counted. */
final class Diagnostics {

    private final Messager messager;
    private final Trees trees;
    private int errors;

    /**
     * @param trees javac's tree API, to point at one of several repeated annotations; {@code null} where
     *     the compiler has none
     */
    Diagnostics(Messager messager, Trees trees) {
        this.messager = messager;
        this.trees = trees;
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

    /**
     * Reports at the {@code ordinal}-th annotation of type {@code annotation} (simple name) on
     * {@code element}. javac wraps repeated annotations in a synthesized container whose mirrors it cannot
     * place, so the annotation's tree is found instead; without source (a class file) the element is used.
     */
    void reportRepeated(Element element, String annotation, int ordinal, Msg msg, Object... args) {
        TreePath path = trees == null ? null : trees.getPath(element);
        if (path != null) {
            Tree leaf = path.getLeaf();
            ModifiersTree modifiers = leaf instanceof ClassTree c ? c.getModifiers()
                    : leaf instanceof VariableTree v ? v.getModifiers() : null;
            if (modifiers != null) {
                List<? extends AnnotationTree> matching = modifiers.getAnnotations().stream()
                        .filter(a -> simpleName(a.getAnnotationType().toString()).equals(annotation)).toList();
                if (ordinal < matching.size()) {
                    count(msg);
                    trees.printMessage(msg.kind(), msg.format(args), matching.get(ordinal), path.getCompilationUnit());
                    return;
                }
            }
        }
        report(element, msg, args);
    }

    /**
     * Why an I/O operation failed, for people: a {@code FileSystemException}'s message is often only the path
     * ("/proc/adv"), so the kind of failure is named too.
     */
    static String reason(Throwable e) {
        if (e instanceof java.nio.file.FileSystemException f) {
            String kind = switch (f) {
                case java.nio.file.AccessDeniedException a -> "permission denied";
                case java.nio.file.NoSuchFileException n -> "no such file or directory";
                case java.nio.file.FileAlreadyExistsException x -> "it exists already";
                case java.nio.file.NotDirectoryException d -> "not a directory";
                case java.nio.file.DirectoryNotEmptyException d -> "the directory is not empty";
                default -> f.getReason() != null ? f.getReason() : f.getClass().getSimpleName();
            };
            return (f.getFile() == null ? "" : f.getFile() + ": ") + kind
                    + (f.getOtherFile() == null ? "" : " (" + f.getOtherFile() + ")");
        }
        String message = e.getMessage();
        return message == null || message.isBlank() ? e.getClass().getSimpleName()
                : message + (e.getCause() != null && e.getCause() != e ? " (" + reason(e.getCause()) + ")" : "");
    }

    private static String simpleName(String name) {
        return name.substring(name.lastIndexOf('.') + 1);
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
