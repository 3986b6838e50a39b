package dev.bookrental.platform.messaging;

/**
 * A message that can never be applied, whatever the number of attempts (unreadable payload,
 * missing envelope header): it goes to the dead-letter topic at once, without retries.
 */
public class PoisonMessageException extends RuntimeException {

    public PoisonMessageException(String message) {
        super(message);
    }

    public PoisonMessageException(String message, Throwable cause) {
        super(message, cause);
    }
}
