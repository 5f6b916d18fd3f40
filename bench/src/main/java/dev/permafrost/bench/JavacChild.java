package dev.permafrost.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.tools.ToolProvider;

/**
 * javac in a fresh JVM with the arguments in a file, printing how long the compilation took inside the
 * JVM and the JVM's peak memory. Arguments: {@code <argument file>}.
 */
public final class JavacChild {

    private JavacChild() {
    }

    public static void main(String[] args) throws Exception {
        List<String> arguments = Files.readAllLines(Path.of(args[0]));
        long start = System.nanoTime();
        int exit = ToolProvider.getSystemJavaCompiler().run(null, null, System.err, arguments.toArray(String[]::new));
        System.out.printf("MS %.3f%n", (System.nanoTime() - start) / 1e6);
        Memory.print();
        Memory.printCpu();
        System.exit(exit);
    }
}
