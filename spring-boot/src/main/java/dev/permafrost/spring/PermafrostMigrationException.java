package dev.permafrost.spring;

/**
 * Start-up stopped because an instance could not be migrated; the cause is Permafrost's own exception, whose message
 * says what is wrong and the way out ({@link PermafrostFailureAnalyzer} prints it as start-up's failure).
 */
public class PermafrostMigrationException extends RuntimeException {

    private final String instance;

    public PermafrostMigrationException(String instance, Throwable cause) {
        super("Permafrost could not migrate '" + instance + "' at start-up: " + cause.getMessage(), cause);
        this.instance = instance;
    }

    /** The instance's name. */
    public String instance() {
        return instance;
    }
}
