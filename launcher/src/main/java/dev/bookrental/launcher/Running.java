package dev.bookrental.launcher;

/** A started process (or process tree) the launcher must stop at the end. */
public interface Running {

    /** Process id, or -1 when the engine runs inside the launcher. */
    long pid();

    /** Stops gracefully, and forcibly after a grace period; frees the port. */
    void stop();

    boolean isAlive();
}
