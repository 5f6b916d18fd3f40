package dev.permafrost.diff;

/** Two schemas whose difference cannot be expressed safely in one migration, with the reason and the way out. */
public final class DiffException extends IllegalArgumentException {

    public DiffException(String message) {
        super(message);
    }
}
