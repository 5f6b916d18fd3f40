package dev.permafrost.processor;

/**
 * Ends a compilation's work after its problem has been reported: a stage that reports an error returns
 * {@code null}, and {@link #unless} turns that into this, so that {@link Generation} reads as the list of
 * its stages. Carries no message and no stack trace; {@link SchemaProcessor} catches it and writes nothing.
 */
public final class Abort extends RuntimeException {

    private Abort() {
        super(null, null, false, false);
    }

    /** {@code value}, or an {@code Abort} when the stage that made it reported an error instead. */
    public static <T> T unless(T value) {
        if (value == null) {
            throw new Abort();
        }
        return value;
    }

    /** An {@code Abort} to throw once a problem has been reported. */
    public static Abort reported() {
        return new Abort();
    }
}
