package dev.bookrental.rental.card;

import java.time.LocalDate;
import java.util.List;

import dev.bookrental.rental.eventstore.RecordedEvent;

/**
 * A member's rental card, the aggregate of the rental service, rebuilt from the events of its
 * stream {@code rental-card-{memberId}}. Plain Java: the rules need no framework to be tested.
 *
 * <p>A member who never rented has an empty stream and an open card. Issue 4 adds the events (rent
 * requested, rented, returned, suspended, cleared) and the rules deciding them; until then every
 * recorded event is one this code does not know, and replaying it fails rather than skipping a fact.
 *
 * @param version the version of the last event applied, 0 for an empty stream; the expected
 *                version of the next append
 */
public record RentalCard(String memberId, CardStatus status, List<Loan> loans, int outstandingFees, int version) {

    public static final String STREAM_PREFIX = "rental-card-";

    public RentalCard {
        loans = List.copyOf(loans);
    }

    /** The card of a member who never rented: active, nothing out, nothing owed. */
    public static RentalCard open(String memberId) {
        return new RentalCard(memberId, CardStatus.ACTIVE, List.of(), 0, 0);
    }

    /** The card after replaying its stream's events, in version order. */
    public static RentalCard replay(String memberId, List<RecordedEvent> events) {
        RentalCard card = open(memberId);
        for (RecordedEvent event : events) {
            card = card.apply(event);
        }
        return card;
    }

    public static String streamOf(String memberId) {
        return STREAM_PREFIX + memberId;
    }

    private RentalCard apply(RecordedEvent event) {
        if (event.version() != version + 1) {
            throw new IllegalStateException("Event " + event.eventId() + " has version " + event.version()
                    + ", the card is at " + version);
        }
        throw new IllegalStateException("Unknown event type " + event.type() + " in stream " + event.streamId());
    }

    public enum CardStatus { ACTIVE, SUSPENDED }

    /** A copy out on the card, to be returned by its due date. */
    public record Loan(String rentalId, long bookId, long copyId, LocalDate dueDate) {
    }
}
