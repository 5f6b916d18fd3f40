package dev.permafrost.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code java -jar permafrost-cli.jar <command> --url ...}: the runtime's commands for operators and CI pipelines.
 * Exit codes: 0 done (or nothing to do), 1 a migration failed, drift was found or Permafrost refused (a changed,
 * unknown or incomplete migration), 2 the command line is wrong.
 */
@Command(name = "permafrost", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "Applies, plans, checks and adopts Permafrost migrations of a JDBC database.",
        subcommands = {Commands.Status.class, Commands.Migrate.class, Commands.Plan.class, Commands.Validate.class,
            Commands.Baseline.class, Commands.Repair.class, Commands.FleetCommand.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:done, or nothing to do", "1:a migration failed, drift found, or a refusal (checksum, unknown,"
                + " incomplete migration)", "2:the command line is wrong"},
        footer = {"", "The password may come from the environment variable PERMAFROST_PASSWORD; it is never printed."})
public final class Main {

    /** Exit code: a migration failed, drift was found, or Permafrost refused. */
    public static final int FAILED = 1;
    /** Exit code: the command line is wrong. */
    public static final int USAGE = CommandLine.ExitCode.USAGE;

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs one command line and returns its exit code, without exiting. */
    public static int run(String... args) {
        CommandLine line = new CommandLine(new Main());
        line.setExecutionExceptionHandler((e, cmd, parsed) -> {
            if (e instanceof Commands.UsageError usage) {
                cmd.getErr().println("permafrost: " + usage.getMessage());
                return USAGE;
            }
            throw e;
        });
        return line.execute(args);
    }

    /** The version of this jar, from its manifest. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String version = Main.class.getPackage().getImplementationVersion();
            return new String[] {"permafrost " + (version == null ? "(development build)" : version)};
        }
    }
}
