package dev.permafrost.message;

/** How serious a message is: an error stops the build or the start, a warning and a note inform. */
public enum Severity {
    ERROR,
    WARNING,
    NOTE
}
