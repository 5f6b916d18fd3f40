package dev.permafrost.annotations;

/** The action a foreign key takes when the referenced row is deleted or its key updated. */
public enum ReferentialAction {
    NO_ACTION,
    RESTRICT,
    CASCADE,
    SET_NULL,
    SET_DEFAULT
}
