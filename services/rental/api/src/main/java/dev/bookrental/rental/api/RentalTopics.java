package dev.bookrental.rental.api;

/** Kafka topics owned by the rental service. */
public final class RentalTopics {

    /** Facts of the rental cards ({@link RentalEvent}), keyed by member id: every event appended to a card's stream. */
    public static final String EVENTS = "rental.events";

    /**
     * Where the participants of the rent saga (book, member) answer its commands, keyed by rental
     * id. The replies are declared by the participants that send them (book-api, member-api).
     */
    public static final String SAGA_REPLIES = "rental.saga-replies";

    private RentalTopics() {
    }
}
