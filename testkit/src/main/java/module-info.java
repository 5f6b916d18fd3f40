/** JUnit checks of a project's frozen migrations ({@link dev.permafrost.testkit.MigrationChecks}, {@link dev.permafrost.testkit.Scenario}). */
module dev.permafrost.testkit {
    requires transitive dev.permafrost.runtime;
    requires transitive org.junit.jupiter.api;
    requires java.compiler;

    exports dev.permafrost.testkit;
}
