package dev.bookrental.auth.api;

/** Kafka topics owned by the auth service. */
public final class AuthTopics {

    /** Facts about accounts ({@link AuthEvent}). */
    public static final String EVENTS = "auth.events";

    private AuthTopics() {
    }
}
