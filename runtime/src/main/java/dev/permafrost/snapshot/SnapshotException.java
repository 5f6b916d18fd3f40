package dev.permafrost.snapshot;

/** A snapshot or manifest that cannot be read, naming the file and, where known, the line. */
public final class SnapshotException extends RuntimeException {

    private final String file;
    private final int line;

    public SnapshotException(String file, int line, String message) {
        super(file + (line > 0 ? ":" + line : "") + ": " + message);
        this.file = file;
        this.line = line;
    }

    public String file() {
        return file;
    }

    /** The 1-based line, or 0 when the problem is the file as a whole. */
    public int line() {
        return line;
    }
}
