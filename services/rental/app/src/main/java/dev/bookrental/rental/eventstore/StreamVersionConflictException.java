package dev.bookrental.rental.eventstore;

/**
 * Someone appended to the stream since it was read: the command must be decided again from the
 * stream's fresh state (optimistic concurrency).
 */
public class StreamVersionConflictException extends RuntimeException {

    public StreamVersionConflictException(String streamId, int expectedVersion, Throwable cause) {
        super("Stream " + streamId + " is no longer at version " + expectedVersion, cause);
    }
}
