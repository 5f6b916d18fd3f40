package dev.permafrost.processor;

import com.sun.source.tree.AnnotationTree;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.ModifiersTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.TreePath;
import com.sun.source.util.Trees;
import dev.permafrost.message.Message;
import dev.permafrost.message.Severity;
import java.util.List;
import javax.annotation.processing.Messager;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.tools.Diagnostic;

/** Owns the {@link Messager}: every report names its element where there is one, and errors are counted. */
public final class Diagnostics {

    private final Messager messager;
    private final Trees trees;
    private int errors;
    private int problems;
    private int reported;

    /**
     * @param trees javac's tree API, to point at one of several repeated annotations; {@code null} where
     *     the compiler has none
     */
    public Diagnostics(Messager messager, Trees trees) {
        this.messager = counting(messager);
        this.trees = trees;
    }

    /** {@code messager}, counting every error and warning it is given in {@link #problems}. */
    private Messager counting(Messager messager) {
        return new Messager() {
            private void count(Diagnostic.Kind kind) {
                reported++;
                if (kind != Diagnostic.Kind.NOTE) {
                    problems++;
                }
            }

            @Override
            public void printMessage(Diagnostic.Kind kind, CharSequence msg) {
                count(kind);
                messager.printMessage(kind, msg);
            }

            @Override
            public void printMessage(Diagnostic.Kind kind, CharSequence msg, Element e) {
                count(kind);
                messager.printMessage(kind, msg, e);
            }

            @Override
            public void printMessage(Diagnostic.Kind kind, CharSequence msg, Element e, AnnotationMirror a) {
                count(kind);
                messager.printMessage(kind, msg, e, a);
            }

            @Override
            public void printMessage(Diagnostic.Kind kind, CharSequence msg, Element e, AnnotationMirror a,
                                     AnnotationValue v) {
                count(kind);
                messager.printMessage(kind, msg, e, a, v);
            }
        };
    }

    public void report(Message msg, Object... args) {
        count(msg);
        messager.printMessage(kind(msg), msg.format(args));
    }

    public void report(Element element, Message msg, Object... args) {
        count(msg);
        messager.printMessage(kind(msg), msg.format(args), element);
    }

    public void report(Element element, AnnotationMirror annotation, Message msg, Object... args) {
        count(msg);
        if (annotation == null) {
            messager.printMessage(kind(msg), msg.format(args), element);
        } else {
            messager.printMessage(kind(msg), msg.format(args), element, annotation);
        }
    }

    public void report(Element element, AnnotationMirror annotation, AnnotationValue value, Message msg, Object... args) {
        if (annotation == null) {
            report(element, msg, args);
            return;
        }
        count(msg);
        messager.printMessage(kind(msg), msg.format(args), element, annotation, value);
    }

    /**
     * Reports at the {@code ordinal}-th annotation of type {@code annotation} (simple name) on
     * {@code element}. javac wraps repeated annotations in a synthesized container whose mirrors it cannot
     * place, so the annotation's tree is found instead; without source (a class file) the element is used.
     */
    public void reportRepeated(Element element, String annotation, int ordinal, Message msg, Object... args) {
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
                    trees.printMessage(kind(msg), msg.format(args), matching.get(ordinal), path.getCompilationUnit());
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
    public static String reason(Throwable e) {
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

    /** The stack trace of {@code e} and its causes, at most 40 lines, for a crash report. */
    public static String trace(Throwable e) {
        java.io.StringWriter out = new java.io.StringWriter();
        e.printStackTrace(new java.io.PrintWriter(out));
        List<String> lines = out.toString().lines().toList();
        return String.join(System.lineSeparator(), lines.subList(0, Math.min(lines.size(), 40)))
                + (lines.size() > 40 ? System.lineSeparator() + "\t... " + (lines.size() - 40) + " more lines" : "");
    }

    private static String simpleName(String name) {
        return name.substring(name.lastIndexOf('.') + 1);
    }

    private void count(Message msg) {
        if (kind(msg) == Diagnostic.Kind.ERROR) {
            errors++;
        }
    }

    private static Diagnostic.Kind kind(Message msg) {
        return kind(msg.severity());
    }

    private static Diagnostic.Kind kind(Severity severity) {
        return switch (severity) {
            case ERROR -> Diagnostic.Kind.ERROR;
            case WARNING -> Diagnostic.Kind.WARNING;
            case NOTE -> Diagnostic.Kind.NOTE;
        };
    }

    /** Reports {@code msg} with another severity than its own (a warning that an option turns into an error). */
    public void report(Element element, Severity severity, Message msg, Object... args) {
        if (severity == Severity.ERROR) {
            errors++;
        }
        if (element == null) {
            messager.printMessage(kind(severity), msg.format(args));
        } else {
            messager.printMessage(kind(severity), msg.format(args), element);
        }
    }

    /** Reports a problem an exception describes in its own words, under its catalogue code. */
    public void reportText(Element element, Message msg, String text) {
        count(msg);
        String full = "[" + msg.code() + "] " + text;
        if (element == null) {
            messager.printMessage(kind(msg), full);
        } else {
            messager.printMessage(kind(msg), full, element);
        }
    }

    /** Diagnostics that print nothing (errors are still counted), for work whose problems are reported elsewhere. */
    public static Diagnostics silent() {
        return new Diagnostics(new Messager() {
            @Override
            public void printMessage(Diagnostic.Kind kind, CharSequence msg) {
            }

            @Override
            public void printMessage(Diagnostic.Kind kind, CharSequence msg, Element e) {
            }

            @Override
            public void printMessage(Diagnostic.Kind kind, CharSequence msg, Element e, AnnotationMirror a) {
            }

            @Override
            public void printMessage(Diagnostic.Kind kind, CharSequence msg, Element e, AnnotationMirror a,
                                     AnnotationValue v) {
            }
        }, null);
    }

    public int errors() {
        return errors;
    }

    /** How many errors and warnings were reported (notes are not counted). */
    public int problems() {
        return problems;
    }

    /** How many messages of any kind, notes too, were reported. */
    public int reported() {
        return reported;
    }

    public boolean hasErrors() {
        return errors > 0;
    }
}
