package dev.bookrental.auth.api;

/**
 * Facts the auth service publishes on {@link AuthTopics#EVENTS}, keyed by account id. The auth
 * service itself arrives with issue 5; the member service already consumes these.
 */
public sealed interface AuthEvent {

    String accountId();

    /** Someone registered: member creates their profile with the welcome bonus. */
    record AccountRegistered(String accountId, String username, String displayName) implements AuthEvent {
    }
}
