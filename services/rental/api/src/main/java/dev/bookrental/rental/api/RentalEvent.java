package dev.bookrental.rental.api;

import java.time.Instant;

/**
 * The events of a member's rental card, stream {@code rental-card-{memberId}} in rental's event
 * store, published on {@link RentalTopics#EVENTS} keyed by member id in the order they were appended.
 */
public sealed interface RentalEvent {

    String memberId();

    /** A member asked to rent a book and the card's rules allowed it: the rent saga starts. */
    record RentRequested(String rentalId, String memberId, long bookId) implements RentalEvent {
    }

    /** The saga reserved a copy and charged the rent: the copy is out until {@code dueAt}. */
    record BookRented(String rentalId, String memberId, long bookId, long copyId, int pointsCharged, Instant dueAt)
            implements RentalEvent {
    }

    /** The saga ended without a loan; whatever it had done was compensated. */
    record RentRejected(String rentalId, String memberId, long bookId, RejectionReason reason) implements RentalEvent {
    }

    /** A loan passed its due date without a return: the card is suspended until it is back and its fee paid. */
    record LoanOverdue(String rentalId, String memberId, long bookId, Instant dueAt) implements RentalEvent {
    }

    /**
     * The member brought the copy back; book makes it available again (choreography). {@code lateFee}
     * (points) is owed for the {@code overdueDays} (each day begun after {@code dueAt} counts): member
     * charges it and answers with {@code LateFeePaid} or {@code LateFeeOutstanding}.
     */
    record BookReturned(String rentalId, String memberId, long bookId, long copyId, Instant returnedAt,
            int overdueDays, int lateFee) implements RentalEvent {
    }

    /** Member could not charge a late fee: the card stays suspended until it is paid. */
    record LateFeeUnpaid(String rentalId, String memberId, int fee) implements RentalEvent {
    }

    /** A late fee was charged: it no longer holds the card suspended. */
    record LateFeeSettled(String rentalId, String memberId, int fee) implements RentalEvent {
    }

    /** Why a rent was rejected. */
    enum RejectionReason {
        /** Every copy of the book is out. */
        NO_COPY_AVAILABLE,
        /** The member's points do not cover the rent. */
        INSUFFICIENT_POINTS,
        /** A participant did not answer before the step's deadline. */
        TIMED_OUT
    }
}
