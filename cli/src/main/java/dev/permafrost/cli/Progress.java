package dev.permafrost.cli;

import java.io.PrintWriter;
import java.text.MessageFormat;
import java.util.ResourceBundle;

/**
 * What the runtime reports while it works (each migration applied or reverted), shown on a terminal as
 * {@code [2/5] applied V0003 ...}; nothing at all when the output is not a terminal or is JSON.
 */
final class Progress implements System.Logger {

    private final boolean shown;
    private final PrintWriter err;
    private int total;
    private int done;

    Progress(boolean shown, PrintWriter err) {
        this.shown = shown;
        this.err = err;
    }

    boolean shown() {
        return shown;
    }

    /** How many migrations the command will apply or revert. */
    void expect(int migrations) {
        this.total = migrations;
    }

    @Override
    public String getName() {
        return "permafrost-cli";
    }

    @Override
    public boolean isLoggable(Level level) {
        return shown && level.getSeverity() >= Level.INFO.getSeverity();
    }

    @Override
    public void log(Level level, ResourceBundle bundle, String message, Throwable thrown) {
        if (isLoggable(level)) {
            line(message);
        }
    }

    @Override
    public void log(Level level, ResourceBundle bundle, String format, Object... params) {
        if (isLoggable(level)) {
            line(params == null || params.length == 0 ? format : MessageFormat.format(format, params));
        }
    }

    private void line(String message) {
        boolean step = message.startsWith("applied ") || message.startsWith("reverted ");
        if (step) {
            done++;
        }
        err.println(step && total > 0 ? "[" + done + "/" + total + "] " + message : message);
        err.flush();
    }
}
