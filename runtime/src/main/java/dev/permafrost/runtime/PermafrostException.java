package dev.permafrost.runtime;

/**
 * A migration problem with its {@link ErrorCode} (what kind of problem, for code to act on) and its message code
 * ({@code PF701}, the row of the README's troubleshooting table); the message says what is wrong, where, and the
 * way out.
 */
public class PermafrostException extends RuntimeException {

    private final ErrorCode code;
    private final String messageCode;

    public PermafrostException(ErrorCode code, String message) {
        this(code, null, message, null);
    }

    public PermafrostException(ErrorCode code, String message, Throwable cause) {
        this(code, null, message, cause);
    }

    /** A problem reported under {@code messageCode} ({@code PF701}); {@code cause} may be {@code null}. */
    public PermafrostException(ErrorCode code, String messageCode, String message, Throwable cause) {
        super(message, cause);
        this.code = code;
        this.messageCode = messageCode;
    }

    public ErrorCode code() {
        return code;
    }

    /** The message's code in Permafrost's catalogue ({@code PF701}), or {@code null} for one made elsewhere. */
    public String messageCode() {
        return messageCode;
    }

    /** As one JSON document: {@code {"error":{"code":"PF803","kind":"CHECKSUM_MISMATCH","message":".."}}}. */
    public String toJson() {
        return dev.permafrost.runtime.internal.Json.write(dev.permafrost.runtime.internal.Json.object("error",
                dev.permafrost.runtime.internal.Json.object("code", messageCode, "kind", code.name(), "message",
                        getMessage())));
    }

    @Override
    public String toString() {
        return "PermafrostException[" + (messageCode == null ? "" : messageCode + " ") + code + "]: " + getMessage();
    }
}
