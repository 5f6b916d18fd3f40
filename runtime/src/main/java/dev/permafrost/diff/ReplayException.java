package dev.permafrost.diff;

/** An operation that does not fit the schema it is applied to, for example dropping a missing column. */
public final class ReplayException extends IllegalStateException {

    private final transient Op op;

    public ReplayException(Op op, String message) {
        super(message);
        this.op = op;
    }

    public Op op() {
        return op;
    }
}
