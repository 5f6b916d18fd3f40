package dev.permafrost.spring;

import dev.permafrost.runtime.PermafrostException;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Makes a failed start-up migration the failure Boot reports ("APPLICATION FAILED TO START"): Permafrost's message
 * as the description, not a stack of bean-creation exceptions around it.
 */
class PermafrostFailureAnalyzer extends AbstractFailureAnalyzer<PermafrostMigrationException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, PermafrostMigrationException failure) {
        Throwable cause = failure.getCause();
        String code = cause instanceof PermafrostException p && p.messageCode() != null ? p.messageCode() + " " : "";
        String description = "Permafrost could not migrate '" + failure.instance() + "' at start-up:\n\n"
                + code + cause.getMessage();
        String action = cause instanceof PermafrostMigrationInitializer.FleetFailedException
                ? "Fix each tenant schema the report marks FAILED as its message says (PF codes are explained in the"
                        + " troubleshooting table of Permafrost's README); the others keep what they reached, and the"
                        + " next start migrates what is left."
                : cause instanceof PermafrostException
                ? "Do what the message says" + (code.isEmpty() ? "" : " (" + code.trim() + " is explained in the"
                        + " troubleshooting table of Permafrost's README)") + ". Nothing that uses the database was"
                        + " started."
                : "Check the database named above and its connection settings (spring.datasource.* or"
                        + " permafrost.url).";
        return new FailureAnalysis(description, action, failure);
    }
}
