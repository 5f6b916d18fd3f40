package dev.permafrost.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Runs a fresh JVM (this one's {@code java}) and times it from the outside. */
final class Jvm {

    /** What a child printed, and how long the whole process took. */
    record Run(double wallMs, List<String> lines) {

        /** The value after {@code key} on the first line starting with it, as a number. */
        double value(String key) {
            return lines.stream().filter(l -> l.startsWith(key + " ")).findFirst()
                    .map(l -> Double.parseDouble(l.substring(key.length() + 1).trim()))
                    .orElseThrow(() -> new IllegalStateException("the child printed no " + key + ": " + lines));
        }
    }

    private Jvm() {
    }

    static String java() {
        return ProcessHandle.current().info().command().orElse(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString());
    }

    static Run run(List<String> jvmOptions, String classpath, Class<?> main, String... args) throws IOException,
            InterruptedException {
        List<String> command = new ArrayList<>(List.of(java(), "-Dorg.jooq.no-logo=true", "-Dorg.jooq.no-tips=true",
                "--enable-native-access=ALL-UNNAMED", "-Djava.util.logging.config.file="
                        + System.getProperty("java.util.logging.config.file")));
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", classpath, main.getName()));
        command.addAll(List.of(args));
        Path out = Files.createTempFile("bench-child", ".out");
        Path err = Files.createTempFile("bench-child", ".err");
        try {
            long start = System.nanoTime();
            Process process = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            int exit = process.waitFor();
            double wall = (System.nanoTime() - start) / 1e6;
            if (exit != 0) {
                throw new IllegalStateException(main.getSimpleName() + " " + String.join(" ", args) + " exited with " + exit
                        + ":\n" + Files.readString(err) + Files.readString(out));
            }
            return new Run(wall, Files.readAllLines(out));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }
}
