package dev.permafrost.maven;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.stream.Stream;

/**
 * The installed JDKs a goal may fork when the build selected none (a goal run alone, {@code mvn permafrost:migrate},
 * runs no lifecycle phase, so {@code select-jdk-toolchain} has not run): {@code JAVA_HOME}, then the places JDKs are
 * installed on Linux, macOS, Windows and by SDKMAN, as maven-toolchains-plugin's discovery looks; each JDK's
 * {@code release} file says its version.
 */
final class Jdks {

    private Jdks() {
    }

    /** The {@code java} of the newest JDK of at least {@code feature}, if one is installed. */
    static Optional<Path> newest(int feature) {
        List<Path> homes = new ArrayList<>();
        String javaHome = System.getenv("JAVA_HOME");
        if (javaHome != null && !javaHome.isBlank()) {
            homes.add(Path.of(javaHome));
        }
        String user = System.getProperty("user.home");
        for (Path parent : List.of(Path.of("/usr/lib/jvm"), Path.of("/opt/java"), Path.of("/Library/Java/JavaVirtualMachines"),
                Path.of(user, ".sdkman", "candidates", "java"), Path.of(user, ".jdks"),
                Path.of(System.getenv().getOrDefault("ProgramFiles", "C:\\Program Files"), "Java"),
                Path.of(System.getenv().getOrDefault("ProgramFiles", "C:\\Program Files"), "Eclipse Adoptium"))) {
            if (Files.isDirectory(parent)) {
                try (Stream<Path> children = Files.list(parent)) {
                    children.sorted().forEach(child -> {
                        homes.add(child);
                        homes.add(child.resolve("Contents").resolve("Home"));
                    });
                } catch (IOException e) {
                    // An unreadable directory holds no JDK we can use.
                }
            }
        }
        return homes.stream().filter(home -> version(home) >= feature)
                .max(Comparator.comparingInt(Jdks::version))
                .map(home -> home.resolve("bin").resolve(isWindows() ? "java.exe" : "java"))
                .filter(Files::isExecutable);
    }

    /** The feature version a JDK's {@code release} file names ({@code JAVA_VERSION="21.0.5"}), or 0. */
    static int version(Path home) {
        Path release = home.resolve("release");
        if (!Files.isRegularFile(release)) {
            return 0;
        }
        Properties properties = new Properties();
        try (var in = Files.newInputStream(release)) {
            properties.load(in);
        } catch (IOException e) {
            return 0;
        }
        String version = properties.getProperty("JAVA_VERSION", "").replace("\"", "");
        try {
            String first = version.split("[.+-]")[0];
            return first.equals("1") ? 8 : Integer.parseInt(first);
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static boolean isWindows() {
        return System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT).contains("win");
    }
}
