package dev.bookrental.rental.saga;

import java.time.Instant;
import java.util.UUID;

import dev.bookrental.rental.api.RentalEvent.RejectionReason;

/**
 * One rental: the state of its rent saga and what its owner sees of it.
 *
 * @param step           what the saga waits for; {@link Step#DONE} once it ended
 * @param rejection      why it ended without a loan (set as soon as the saga gives up)
 * @param releasePending compensation ReleaseCopy sent and not yet acknowledged
 * @param refundPending  compensation RefundPoints sent and not yet acknowledged
 * @param deadline       when the step waited on times out, or the compensations are sent again
 * @param attempts       how often the compensations have been sent
 */
public record Rental(UUID rentalId, String memberId, long bookId, Status status, Step step, RejectionReason rejection,
        Long copyId, Integer pointsCharged, boolean releasePending, boolean refundPending, Instant deadline, int attempts,
        Instant dueAt, boolean overdue, Instant returnedAt, Instant requestedAt) {

    public enum Status { PENDING, RENTED, REJECTED, RETURNED }

    /** The steps of the rent saga, in order, and the compensating state it may end in. */
    public enum Step { RESERVE_COPY, CHARGE_POINTS, COMPENSATE, DONE }

    static Rental requested(UUID rentalId, String memberId, long bookId, Instant now, Instant deadline) {
        return new Rental(rentalId, memberId, bookId, Status.PENDING, Step.RESERVE_COPY, null, null, null, false, false,
                deadline, 0, null, false, null, now);
    }

    Rental copyReserved(long copyId, Instant deadline) {
        return new Rental(rentalId, memberId, bookId, status, Step.CHARGE_POINTS, rejection, copyId, pointsCharged,
                releasePending, refundPending, deadline, attempts, dueAt, overdue, returnedAt, requestedAt);
    }

    Rental rented(int points, Instant dueAt) {
        return new Rental(rentalId, memberId, bookId, Status.RENTED, Step.DONE, null, copyId, points, false, false, null,
                attempts, dueAt, false, null, requestedAt);
    }

    /** Gives up: the compensations named are sent now and again at {@code nextSend} until acknowledged. */
    Rental compensating(RejectionReason reason, boolean release, boolean refund, Instant nextSend) {
        return new Rental(rentalId, memberId, bookId, status, Step.COMPENSATE, reason, copyId, pointsCharged, release, refund,
                nextSend, attempts + 1, dueAt, overdue, returnedAt, requestedAt);
    }

    /** The compensations were sent once more; the next time is {@code nextSend}. */
    Rental resent(Instant nextSend) {
        return new Rental(rentalId, memberId, bookId, status, step, rejection, copyId, pointsCharged, releasePending,
                refundPending, nextSend, attempts + 1, dueAt, overdue, returnedAt, requestedAt);
    }

    Rental released() {
        return new Rental(rentalId, memberId, bookId, status, step, rejection, copyId, pointsCharged, false, refundPending,
                deadline, attempts, dueAt, overdue, returnedAt, requestedAt);
    }

    Rental refunded() {
        return new Rental(rentalId, memberId, bookId, status, step, rejection, copyId, pointsCharged, releasePending, false,
                deadline, attempts, dueAt, overdue, returnedAt, requestedAt);
    }

    /** Every compensation acknowledged. */
    boolean compensated() {
        return step == Step.COMPENSATE && !releasePending && !refundPending;
    }

    Rental rejected(RejectionReason reason) {
        return new Rental(rentalId, memberId, bookId, Status.REJECTED, Step.DONE, reason, copyId, pointsCharged, false, false,
                null, attempts, dueAt, overdue, returnedAt, requestedAt);
    }

    Rental markedOverdue() {
        return new Rental(rentalId, memberId, bookId, status, step, rejection, copyId, pointsCharged, releasePending,
                refundPending, deadline, attempts, dueAt, true, returnedAt, requestedAt);
    }

    Rental returned(Instant at) {
        return new Rental(rentalId, memberId, bookId, Status.RETURNED, step, rejection, copyId, pointsCharged, releasePending,
                refundPending, deadline, attempts, dueAt, overdue, at, requestedAt);
    }
}
