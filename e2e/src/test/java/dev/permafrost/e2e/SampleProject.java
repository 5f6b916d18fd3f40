package dev.permafrost.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** A copy of a sample project in a temporary directory, built with the real {@code mvn}. */
final class SampleProject {

    /** What one {@code mvn} run printed and returned. */
    record Run(int exitCode, String output) {
        String line(String prefix) {
            return output.lines().filter(l -> l.startsWith(prefix)).findFirst()
                    .orElseThrow(() -> new AssertionError("no line starting with '" + prefix + "' in:\n" + output));
        }
    }

    final Path dir;

    private SampleProject(Path dir) {
        this.dir = dir;
    }

    static SampleProject copy(String name, Path target) throws IOException {
        Path source = Path.of(System.getProperty("samples.dir")).resolve(name);
        try (Stream<Path> walk = Files.walk(source)) {
            for (Path file : walk.toList()) {
                Path copy = target.resolve(source.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(copy);
                } else {
                    String text = Files.readString(file, StandardCharsets.UTF_8)
                            .replace("@permafrost.version@", System.getProperty("permafrost.version"));
                    Files.writeString(copy, text, StandardCharsets.UTF_8);
                }
            }
        }
        return new SampleProject(target);
    }

    /** Runs {@code mvn} with the given arguments in the project; fails the test if it does not finish in time. */
    Run mvn(String... args) throws IOException, InterruptedException {
        Path mvn = Path.of(System.getProperty("maven.home"), "bin", "mvn");
        List<String> command = new ArrayList<>(List.of(mvn.toString(), "-B", "-e",
                "-s", System.getProperty("settings.file"),
                "-Dmaven.repo.local=" + System.getProperty("it.repo")));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        byte[] output = process.getInputStream().readAllBytes();
        if (!process.waitFor(5, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new AssertionError("mvn " + String.join(" ", args) + " did not finish in 5 minutes");
        }
        return new Run(process.exitValue(), new String(output, StandardCharsets.UTF_8));
    }

    Path file(String relative) {
        return dir.resolve(relative);
    }

    String read(String relative) {
        try {
            return Files.readString(file(relative), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void replace(String relative, String from, String to) throws IOException {
        String text = read(relative);
        if (!text.contains(from)) {
            throw new AssertionError(relative + " does not contain " + from);
        }
        Files.writeString(file(relative), text.replace(from, to), StandardCharsets.UTF_8);
    }

    /** Every file of the source tree with its content hash and modification time. */
    Map<String, String> sources() throws IOException {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(file("src"))) {
            for (Path file : walk.filter(Files::isRegularFile).toList()) {
                FileTime modified = Files.getLastModifiedTime(file);
                files.put(dir.relativize(file).toString(), Files.readString(file).hashCode() + "@" + modified.toMillis());
            }
        }
        return files;
    }
}
