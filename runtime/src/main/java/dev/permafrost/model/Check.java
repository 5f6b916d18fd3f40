package dev.permafrost.model;

/**
 * A check constraint.
 *
 * @param condition the condition as canonical SQL (see {@link dev.permafrost.sql.Expressions})
 */
public record Check(String name, String condition) {

    public Check {
        Names.requireIdentifier(name, "check constraint name");
        if (condition == null || condition.isBlank()) {
            throw new IllegalArgumentException("check " + name + " has no condition");
        }
    }

    public Check withName(String newName) {
        return new Check(newName, condition);
    }

    public Check withCondition(String newCondition) {
        return new Check(name, newCondition);
    }

    /** The canonical SQL of this constraint as it appears inside {@code create table}. */
    public String sql() {
        return "constraint " + Names.quoted(name) + " check (" + condition + ")";
    }
}
