package dev.permafrost.diff;

import dev.permafrost.message.Message;

/** Two schemas whose difference cannot be expressed safely in one migration, with the reason and the way out. */
public final class DiffException extends IllegalArgumentException {

    private final Message code;

    public DiffException(Message code, Object... args) {
        super(code.text(args));
        this.code = code;
    }

    /** The catalogue's message for this problem, whose text is {@link #getMessage()}. */
    public Message code() {
        return code;
    }
}
