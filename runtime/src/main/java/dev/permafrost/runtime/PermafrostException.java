package dev.permafrost.runtime;

/** A migration problem with its {@link ErrorCode}; the message says what is wrong, where, and the way out. */
public class PermafrostException extends RuntimeException {

    private final ErrorCode code;

    public PermafrostException(ErrorCode code, String message) {
        super(message);
        this.code = code;
    }

    public PermafrostException(ErrorCode code, String message, Throwable cause) {
        super(message, cause);
        this.code = code;
    }

    public ErrorCode code() {
        return code;
    }

    @Override
    public String toString() {
        return "PermafrostException[" + code + "]: " + getMessage();
    }
}
