package dev.permafrost.testkit;

import java.util.ResourceBundle;
import java.util.function.Supplier;

/**
 * The test kit's log: the checks apply and revert every migration many times, and a passing run should
 * print a few lines, not one per migration. Warnings and errors go to the runtime's usual logger.
 */
final class QuietLog implements System.Logger {

    static final QuietLog INSTANCE = new QuietLog();

    private final System.Logger delegate = System.getLogger("dev.permafrost.runtime");

    private QuietLog() {
    }

    @Override
    public String getName() {
        return delegate.getName();
    }

    @Override
    public boolean isLoggable(Level level) {
        return level.getSeverity() >= Level.WARNING.getSeverity() && delegate.isLoggable(level);
    }

    @Override
    public void log(Level level, ResourceBundle bundle, String message, Throwable thrown) {
        if (isLoggable(level)) {
            delegate.log(level, bundle, message, thrown);
        }
    }

    @Override
    public void log(Level level, ResourceBundle bundle, String format, Object... params) {
        if (isLoggable(level)) {
            delegate.log(level, bundle, format, params);
        }
    }

    @Override
    public void log(Level level, Supplier<String> message) {
        if (isLoggable(level)) {
            delegate.log(level, message);
        }
    }
}
