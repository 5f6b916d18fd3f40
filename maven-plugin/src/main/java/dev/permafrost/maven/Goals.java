package dev.permafrost.maven;

import java.util.ArrayList;
import java.util.List;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

/** The goals, one per command of Permafrost's command line. */
final class Goals {

    private Goals() {
    }

    private static List<String> to(String command, Integer target) {
        List<String> args = new ArrayList<>(List.of(command));
        if (target != null) {
            args.addAll(List.of("--to", String.valueOf(target)));
        }
        return args;
    }

    /** Applies pending migrations, or with {@code -Dpermafrost.target=N} brings the database to version N. */
    @Mojo(name = "migrate", requiresDependencyResolution = ResolutionScope.RUNTIME, threadSafe = true)
    public static final class Migrate extends PermafrostMojo {
        @Parameter(property = "permafrost.target")
        Integer target;

        @Override
        List<String> command() {
            return to("migrate", target);
        }
    }

    /** Every known and applied migration and its state. */
    @Mojo(name = "status", requiresDependencyResolution = ResolutionScope.RUNTIME, threadSafe = true)
    public static final class Status extends PermafrostMojo {
        @Override
        List<String> command() {
            return List.of("status");
        }
    }

    /** The SQL migrate would run ({@code -Dpermafrost.target=N} for another version), without running it. */
    @Mojo(name = "plan", requiresDependencyResolution = ResolutionScope.RUNTIME, threadSafe = true)
    public static final class Plan extends PermafrostMojo {
        @Parameter(property = "permafrost.target")
        Integer target;

        @Override
        List<String> command() {
            return to("plan", target);
        }
    }

    /**
     * Checks applied migrations and the live schema against the project's snapshots; any finding (drift, a changed
     * or unknown migration) fails the build. Runs in {@code verify} when listed in a project's executions.
     */
    @Mojo(name = "validate", defaultPhase = LifecyclePhase.VERIFY, requiresDependencyResolution = ResolutionScope.RUNTIME,
            threadSafe = true)
    public static final class Validate extends PermafrostMojo {
        @Override
        List<String> command() {
            return List.of("validate");
        }

        @Override
        String failure() {
            return "the database differs from the project's migrations";
        }
    }

    /** Adopts a database whose schema already equals snapshot {@code -Dpermafrost.baselineVersion=N}. */
    @Mojo(name = "baseline", requiresDependencyResolution = ResolutionScope.RUNTIME, threadSafe = true)
    public static final class Baseline extends PermafrostMojo {
        @Parameter(property = "permafrost.baselineVersion", required = true)
        int version;

        @Override
        List<String> command() {
            return List.of("baseline", String.valueOf(version));
        }
    }

    /** Forgets migrations that stopped part way, after they were undone or finished by hand. */
    @Mojo(name = "repair", requiresDependencyResolution = ResolutionScope.RUNTIME, threadSafe = true)
    public static final class Repair extends PermafrostMojo {
        @Override
        List<String> command() {
            return List.of("repair");
        }
    }
}
