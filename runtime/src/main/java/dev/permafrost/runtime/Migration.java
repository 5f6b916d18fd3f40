package dev.permafrost.runtime;

/**
 * One migration: what {@code up} changes and {@code down} undoes, as explicit operations. Permafrost
 * writes a stub implementing this for every model change; you may edit it (add a data step, turn a
 * drop and an add into a rename) until it ships. After that it is frozen: every database records its
 * checksum and refuses to start if it changes.
 *
 * <p>Implementations need a public no-argument constructor and no state.
 */
public interface Migration {

    /** Records the operations that bring the schema from the previous version to this one. */
    void up(Operations op);

    /** Records the operations that bring the schema back from this version to the previous one. */
    void down(Operations op);
}
