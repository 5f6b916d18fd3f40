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
        /**
         * The first line that starts with {@code prefix}, once the terminal colour codes Maven sometimes writes at the
         * start of a line ({@code ESC[0m}) are taken off.
         */
        String line(String prefix) {
            return output.lines().map(l -> l.replaceAll("\u001B\\[[0-9;]*m", "")).filter(l -> l.startsWith(prefix))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError("no line starting with '" + prefix + "' in:\n" + output));
        }
    }

    final Path dir;

    private SampleProject(Path dir) {
        this.dir = dir;
    }

    /**
     * A new project made of the files README.md gives, exactly as written: every fenced block that follows a
     * line {@code File `path`:}. Only the Permafrost version is set to the one under test.
     */
    static SampleProject fromReadme(Path target) throws IOException {
        String readme = Files.readString(Path.of(System.getProperty("readme.file")), StandardCharsets.UTF_8);
        java.util.regex.Matcher file = java.util.regex.Pattern
                .compile("(?m)^File `([^`]+)`:\n\n```[a-z]*\n(.*?)^```$", java.util.regex.Pattern.DOTALL)
                .matcher(readme);
        int files = 0;
        while (file.find()) {
            Path path = target.resolve(file.group(1));
            Files.createDirectories(path.getParent());
            Files.writeString(path, file.group(2).replace("<permafrost.version>0.1.0-SNAPSHOT</permafrost.version>",
                    "<permafrost.version>" + System.getProperty("permafrost.version") + "</permafrost.version>"),
                    StandardCharsets.UTF_8);
            files++;
        }
        if (files == 0) {
            throw new AssertionError("README.md gives no files (no line 'File `path`:' before a code block)");
        }
        return new SampleProject(target);
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
        return mvnOn(null, args);
    }

    /**
     * Runs {@code mvn} with Maven itself on the JDK at {@code javaHome} ({@code null}: as the build was
     * started, which on these machines is the default JDK 17).
     */
    Run mvnOn(Path javaHome, String... args) throws IOException, InterruptedException {
        Path mvn = Path.of(System.getProperty("maven.home"), "bin", "mvn");
        List<String> command = new ArrayList<>(List.of(mvn.toString(), "-B", "-e", "-Dstyle.color=never",
                "-s", System.getProperty("settings.file"),
                "-Dmaven.repo.local=" + System.getProperty("it.repo")));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true);
        if (javaHome != null) {
            builder.environment().put("JAVA_HOME", javaHome.toString());
        } else if (System.getProperty("maven.java.home") != null) {
            builder.environment().put("JAVA_HOME", System.getProperty("maven.java.home"));
        }
        return run(builder, "mvn " + String.join(" ", args));
    }

    /** Runs {@code command} in the project directory, as a user would after a build. */
    Run exec(List<String> command) throws IOException, InterruptedException {
        return exec(command, Map.of());
    }

    /** Runs {@code command} in the project directory with {@code environment} added to this one. */
    Run exec(List<String> command, Map<String, String> environment) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true);
        builder.environment().putAll(environment);
        return run(builder, String.join(" ", command));
    }

    private static Run run(ProcessBuilder builder, String what) throws IOException, InterruptedException {
        Process process = builder.start();
        byte[] output = process.getInputStream().readAllBytes();
        if (!process.waitFor(5, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new AssertionError(what + " did not finish in 5 minutes");
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
