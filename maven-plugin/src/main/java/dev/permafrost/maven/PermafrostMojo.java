package dev.permafrost.maven;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.apache.maven.artifact.Artifact;
import org.apache.maven.artifact.DependencyResolutionRequiredException;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.descriptor.PluginDescriptor;
import org.apache.maven.plugins.annotations.Component;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;
import org.apache.maven.toolchain.Toolchain;
import org.apache.maven.toolchain.ToolchainManager;

/**
 * What every goal shares. A goal runs Permafrost's command line ({@code permafrost-cli}) in a JVM of its own, a
 * Java 21+ one ({@link #java()}), since the runtime needs Java 21 while Maven itself may run on 17. The child gets the project's
 * compiled classes and runtime class path, where the migrations and their index are; the password goes through
 * its environment, never its command line. A refusal, a failed migration or drift fails the build.
 */
abstract class PermafrostMojo extends AbstractMojo {

    @Parameter(defaultValue = "${project}", readonly = true, required = true)
    MavenProject project;

    @Parameter(defaultValue = "${session}", readonly = true, required = true)
    MavenSession session;

    @Parameter(defaultValue = "${plugin}", readonly = true, required = true)
    PluginDescriptor plugin;

    @Component
    ToolchainManager toolchains;

    /** The database's JDBC URL. */
    @Parameter(property = "permafrost.url", required = true)
    String url;

    @Parameter(property = "permafrost.user")
    String user;

    /** The password; the environment variable {@code PERMAFROST_PASSWORD} is read when this is not set. */
    @Parameter(property = "permafrost.password")
    String password;

    /** The package of the migrations, when the class path holds several indexes. */
    @Parameter(property = "permafrost.migrationsPackage")
    String migrationsPackage;

    @Parameter(property = "permafrost.allowUnknownMigrations", defaultValue = "false")
    boolean allowUnknownMigrations;

    /** Seconds to wait for another instance that is migrating. */
    @Parameter(property = "permafrost.lockTimeout", defaultValue = "300")
    long lockTimeout;

    /** Whether PostgreSQL migrations take the lock-safe form on tables that exist; false: one transaction each. */
    @Parameter(property = "permafrost.lockSafeDdl", defaultValue = "true")
    boolean lockSafeDdl;

    /** Whether the pending migrations are applied in one transaction where DDL is transactional. */
    @Parameter(property = "permafrost.groupPending", defaultValue = "false")
    boolean groupPending;

    /** Milliseconds one DDL statement waits for a lock before it is retried. */
    @Parameter(property = "permafrost.statementLockTimeout", defaultValue = "5000")
    long statementLockTimeout;

    /** Tables Permafrost does not own, left out of drift checks. */
    @Parameter(property = "permafrost.ignoreTables")
    List<String> ignoreTables = new ArrayList<>();

    @Parameter(property = "permafrost.skip", defaultValue = "false")
    boolean skip;

    /** The command line's command and its own arguments: {@code migrate --to 3}. */
    abstract List<String> command();

    /** What exit code 1 means for this goal, for the build's failure message. */
    String failure() {
        return "Permafrost " + command().get(0) + " failed";
    }

    @Override
    public final void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("Permafrost: skipped (permafrost.skip)");
            return;
        }
        List<String> args = new ArrayList<>(List.of(java(), "--enable-native-access=ALL-UNNAMED", "-cp", cliJar(),
                "dev.permafrost.cli.Main"));
        args.addAll(command());
        args.addAll(List.of("--url", url, "--classpath", String.join(File.pathSeparator, classpath())));
        if (user != null) {
            args.addAll(List.of("--user", user));
        }
        if (migrationsPackage != null && !migrationsPackage.isBlank()) {
            args.addAll(List.of("--migrations-package", migrationsPackage));
        }
        if (allowUnknownMigrations) {
            args.add("--allow-unknown-migrations");
        }
        args.addAll(List.of("--lock-timeout", String.valueOf(lockTimeout)));
        args.addAll(List.of("--statement-lock-timeout", String.valueOf(statementLockTimeout)));
        if (!lockSafeDdl) {
            args.add("--no-lock-safe-ddl");
        }
        if (groupPending) {
            args.add("--group-pending");
        }
        if (!ignoreTables.isEmpty()) {
            args.addAll(List.of("--ignore-tables", String.join(",", ignoreTables)));
        }
        int exit = run(args);
        if (exit == 1) {
            throw new MojoFailureException(failure() + ": see the lines above");
        }
        if (exit != 0) {
            throw new MojoExecutionException("Permafrost's command line refused the arguments the plugin gave it (exit "
                    + exit + "): please report this with the lines above");
        }
    }

    private int run(List<String> args) throws MojoExecutionException {
        ProcessBuilder builder = new ProcessBuilder(args).directory(project.getBasedir());
        String secret = password != null ? password : System.getenv("PERMAFROST_PASSWORD");
        if (secret != null) {
            builder.environment().put("PERMAFROST_PASSWORD", secret);
        }
        try {
            Process process = builder.start();
            process.getOutputStream().close();
            Thread errors = pump(process.getErrorStream(), line -> getLog().error(line));
            Thread output = pump(process.getInputStream(), line -> getLog().info(line));
            int exit = process.waitFor();
            errors.join();
            output.join();
            return exit;
        } catch (IOException e) {
            throw new MojoExecutionException("cannot start " + args.get(0) + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MojoExecutionException("interrupted while Permafrost ran", e);
        }
    }

    private static Thread pump(InputStream stream, Consumer<String> sink) {
        Thread thread = new Thread(() -> {
            try (var reader = new java.io.BufferedReader(new java.io.InputStreamReader(stream, StandardCharsets.UTF_8))) {
                reader.lines().forEach(sink);
            } catch (IOException e) {
                sink.accept("(output lost: " + e.getMessage() + ")");
            }
        }, "permafrost-output");
        thread.start();
        return thread;
    }

    /**
     * The java to fork: the project's JDK toolchain (selected by its build), else a JDK 21+ of toolchains.xml, else
     * the JVM Maven runs on when it is 21 or newer, else the newest JDK 21+ installed ({@link Jdks}).
     */
    private String java() throws MojoExecutionException {
        Toolchain jdk = toolchains.getToolchainFromBuildContext("jdk", session);
        if (jdk != null && jdk.findTool("java") != null) {
            return jdk.findTool("java");
        }
        for (Toolchain declared : toolchains.getToolchains(session, "jdk", java.util.Map.of("version", "[21,)"))) {
            if (declared.findTool("java") != null) {
                return declared.findTool("java");
            }
        }
        if (Runtime.version().feature() >= 21) {
            return Path.of(System.getProperty("java.home"), "bin", "java").toString();
        }
        return Jdks.newest(21).map(Path::toString).orElseThrow(() -> new MojoExecutionException("Permafrost's runtime"
                + " needs Java 21 or newer, but Maven runs on Java " + Runtime.version().feature() + ", the project"
                + " selects no JDK toolchain and no JDK 21+ is installed where JDKs are looked for (JAVA_HOME,"
                + " /usr/lib/jvm, SDKMAN, ...). Install one, declare it in ~/.m2/toolchains.xml, or run Maven on it"));
    }

    private String cliJar() throws MojoExecutionException {
        Artifact cli = plugin.getArtifactMap().get("dev.permafrost:permafrost-cli");
        if (cli == null || cli.getFile() == null || !Files.isRegularFile(cli.getFile().toPath())) {
            throw new MojoExecutionException("the plugin's permafrost-cli jar is missing from its class path");
        }
        return cli.getFile().getAbsolutePath();
    }

    private List<String> classpath() throws MojoExecutionException {
        try {
            return project.getRuntimeClasspathElements();
        } catch (DependencyResolutionRequiredException e) {
            throw new MojoExecutionException("cannot read the project's runtime class path: " + e.getMessage(), e);
        }
    }
}
