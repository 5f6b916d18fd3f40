package dev.permafrost.sql;

/** An SQL default or check condition that does not parse, or uses what a portable schema cannot hold. */
public final class InvalidExpressionException extends IllegalArgumentException {

    private final String expression;

    public InvalidExpressionException(String expression, String problem) {
        super(problem);
        this.expression = expression;
    }

    /** The expression as the user wrote it. */
    public String expression() {
        return expression;
    }
}
