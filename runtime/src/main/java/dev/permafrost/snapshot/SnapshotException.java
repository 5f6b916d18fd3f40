package dev.permafrost.snapshot;

import dev.permafrost.message.Message;

/** A snapshot or manifest that cannot be read, naming the file and, where known, the line. */
public final class SnapshotException extends RuntimeException {

    private final Message code;
    private final String file;
    private final int line;

    /** @param code the catalogue's message: {@link Message#FROZEN_FILE} */
    public SnapshotException(Message code, String file, int line, String message) {
        super(file + (line > 0 ? ":" + line : "") + ": " + message);
        this.code = code;
        this.file = file;
        this.line = line;
    }

    /** The catalogue's message for this problem, whose text is {@link #getMessage()}. */
    public Message code() {
        return code;
    }

    public String file() {
        return file;
    }

    /** The 1-based line, or 0 when the problem is the file as a whole. */
    public int line() {
        return line;
    }
}
