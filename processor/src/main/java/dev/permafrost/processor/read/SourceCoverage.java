package dev.permafrost.processor.read;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import javax.lang.model.element.Element;
import javax.lang.model.element.ModuleElement;
import javax.lang.model.element.PackageElement;
import javax.lang.model.util.Elements;
import javax.tools.JavaFileObject;

/**
 * How much of the module's sources a compilation holds. IDEs and some builds compile only changed files;
 * only a compilation given every source file of the source root can prove that an entity is gone.
 *
 * @param compiled how many of the source root's files are sources of this compilation
 * @param total how many {@code .java} files the source root holds
 */
public record SourceCoverage(int compiled, int total) {

    public boolean full() {
        return compiled == total;
    }

    /** The coverage of {@code sourceRoot} by the compilation whose root elements are {@code roots}. */
    public static SourceCoverage of(Path sourceRoot, Collection<? extends Element> roots, Elements elements) {
        Set<String> given = new TreeSet<>();
        for (Element root : roots) {
            String file = relativeFile(root, elements);
            if (file != null) {
                given.add(file);
            }
        }
        Set<String> present = new TreeSet<>();
        if (Files.isDirectory(sourceRoot)) {
            try (Stream<Path> walk = Files.walk(sourceRoot)) {
                walk.filter(p -> p.getFileName().toString().endsWith(".java"))
                        .forEach(p -> present.add(sourceRoot.relativize(p).toString().replace('\\', '/')));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot list " + sourceRoot, e);
            }
        }
        int compiled = (int) present.stream().filter(given::contains).count();
        return new SourceCoverage(compiled, present.size());
    }

    /** A root element's source file relative to its source root ({@code com/acme/Item.java}), or {@code null}. */
    private static String relativeFile(Element root, Elements elements) {
        JavaFileObject file;
        try {
            file = elements.getFileObjectOf(root);
        } catch (UnsupportedOperationException e) {
            return null;
        }
        if (file == null || file.getKind() != JavaFileObject.Kind.SOURCE) {
            return null;
        }
        String path = file.toUri().getPath();
        String name = path == null ? file.getName() : path.substring(path.lastIndexOf('/') + 1);
        if (root instanceof ModuleElement) {
            return name;
        }
        PackageElement pkg = root instanceof PackageElement p ? p : elements.getPackageOf(root);
        String dir = pkg.isUnnamed() ? "" : pkg.getQualifiedName().toString().replace('.', '/') + "/";
        return dir + name;
    }

    /** Whether javac read {@code element} from a class file (an earlier build's output), not from a source. */
    public static boolean fromClassFile(Element element, Elements elements) {
        try {
            JavaFileObject file = elements.getFileObjectOf(element);
            return file != null && file.getKind() == JavaFileObject.Kind.CLASS;
        } catch (UnsupportedOperationException e) {
            return false;
        }
    }
}
