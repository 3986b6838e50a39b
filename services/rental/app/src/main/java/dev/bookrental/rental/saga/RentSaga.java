package dev.bookrental.rental.saga;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import dev.bookrental.book.api.BookCommand.ReleaseCopy;
import dev.bookrental.book.api.BookCommand.ReserveCopy;
import dev.bookrental.book.api.BookReply;
import dev.bookrental.book.api.BookReply.CopyReleased;
import dev.bookrental.book.api.BookReply.CopyReserved;
import dev.bookrental.book.api.BookReply.CopyUnavailable;
import dev.bookrental.book.api.BookTopics;
import dev.bookrental.member.api.MemberCommand.ChargePoints;
import dev.bookrental.member.api.MemberCommand.RefundPoints;
import dev.bookrental.member.api.MemberReply;
import dev.bookrental.member.api.MemberReply.PointsChargeRejected;
import dev.bookrental.member.api.MemberReply.PointsCharged;
import dev.bookrental.member.api.MemberReply.PointsRefunded;
import dev.bookrental.member.api.MemberTopics;
import dev.bookrental.platform.messaging.Outbox;
import dev.bookrental.rental.api.RentalEvent.RejectionReason;
import dev.bookrental.rental.card.EventMetadata;
import dev.bookrental.rental.card.RentalCard;
import dev.bookrental.rental.card.RentalCards;
import dev.bookrental.rental.card.RentalProperties;

/**
 * The rent saga's orchestrator. Its steps, each with the compensation that undoes it:
 *
 * <pre>
 *   1. reserve a copy   (book)    ReserveCopy  → CopyReserved | CopyUnavailable   compensation: ReleaseCopy → CopyReleased
 *   2. charge the rent  (member)  ChargePoints → PointsCharged | PointsChargeRejected  compensation: RefundPoints → PointsRefunded
 *   3. confirm          (rental)  BookRented on the card: RENTED
 * </pre>
 *
 * A refusal ends the saga after compensating the steps done before it: no copy → REJECTED at once;
 * no points → the copy is released, then REJECTED. A step without a reply before its deadline is
 * compensated as if it had succeeded (the command may have been applied; its compensation is
 * harmless if not). Compensations are sent until acknowledged, with backoff, and never given up
 * ({@link #pastDeadline}): the saga is REJECTED only when every one of them is acknowledged.
 *
 * <p>Each method runs in one transaction with the saga's row locked: the row, the card's events
 * and the commands sent (outbox) commit together or not at all, so a crash at any moment repeats a
 * step at most, and participants answer a repeated command with their first answer. A reply that
 * does not fit the step the saga waits on (a duplicate, or one arriving after the deadline) changes
 * nothing.
 */
@Service
public class RentSaga {

    private static final Logger log = LoggerFactory.getLogger(RentSaga.class);

    private final Rentals rentals;
    private final RentalCards cards;
    private final Outbox outbox;
    private final RentalProperties properties;
    private final Clock clock;
    private final SagaMetrics metrics;

    RentSaga(Rentals rentals, RentalCards cards, Outbox outbox, RentalProperties properties, Clock clock,
            SagaMetrics metrics) {
        this.rentals = rentals;
        this.cards = cards;
        this.outbox = outbox;
        this.properties = properties;
        this.clock = clock;
        this.metrics = metrics;
    }

    /** Starts the saga of a rent the card has just accepted ({@code RentRequested} appended in this transaction). */
    @Transactional(propagation = Propagation.MANDATORY)
    public Rental start(UUID rentalId, String memberId, long bookId) {
        Instant now = clock.instant();
        Rental rental = Rental.requested(rentalId, memberId, bookId, now, now.plus(properties.saga().stepTimeout()));
        rentals.insert(rental);
        send(rental, new ReserveCopy(rentalId.toString(), bookId));
        metrics.started();
        return rental;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void on(BookReply reply, EventMetadata metadata) {
        Rental rental = locked(reply.rentalId());
        if (rental == null) {
            return;
        }
        switch (reply) {
            case CopyReserved reserved when rental.step() == Rental.Step.RESERVE_COPY -> {
                Rental charging = rental.copyReserved(reserved.copyId(), deadline());
                rentals.update(charging);
                send(charging, new ChargePoints(reply.rentalId(), rental.memberId(), properties.rentPrice()));
            }
            case CopyUnavailable unavailable when rental.step() == Rental.Step.RESERVE_COPY ->
                    reject(rental, RejectionReason.NO_COPY_AVAILABLE, metadata);
            case CopyReleased released when rental.step() == Rental.Step.COMPENSATE && rental.releasePending() ->
                    compensationAcknowledged(rental.released(), metadata);
            default -> ignored(rental, reply);
        }
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void on(MemberReply reply, EventMetadata metadata) {
        Rental rental = locked(reply.rentalId());
        if (rental == null) {
            return;
        }
        switch (reply) {
            case PointsCharged charged when rental.step() == Rental.Step.CHARGE_POINTS -> confirm(rental, charged.amount(), metadata);
            case PointsChargeRejected rejected when rental.step() == Rental.Step.CHARGE_POINTS ->
                    compensate(rental, RejectionReason.INSUFFICIENT_POINTS, true, false);
            case PointsRefunded refunded when rental.step() == Rental.Step.COMPENSATE && rental.refundPending() ->
                    compensationAcknowledged(rental.refunded(), metadata);
            default -> ignored(rental, reply);
        }
    }

    /**
     * One rental whose deadline passed: a step waited on too long is given up and compensated; due
     * compensations are sent again, each time after twice the pause, up to the longest pause.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void pastDeadline(Rental rental) {
        switch (rental.step()) {
            case RESERVE_COPY -> compensate(rental, RejectionReason.TIMED_OUT, true, false);
            case CHARGE_POINTS -> compensate(rental, RejectionReason.TIMED_OUT, true, true);
            case COMPENSATE -> {
                Rental resent = rental.resent(nextSend(rental.attempts() + 1));
                rentals.update(resent);
                sendCompensations(resent);
                log.info("Compensations of rental {} sent again (attempt {}): release={} refund={}", rental.rentalId(),
                        resent.attempts(), rental.releasePending(), rental.refundPending());
            }
            case DONE -> throw new IllegalStateException("Rental " + rental.rentalId() + " has no deadline");
        }
    }

    private void confirm(Rental rental, int pointsCharged, EventMetadata metadata) {
        RentalCard card = cards.of(rental.memberId());
        var rented = card.rent(rental.rentalId().toString(), rental.copyId(), pointsCharged, clock.instant(),
                properties.cardRules());
        cards.append(card, List.of(rented), metadata);
        rentals.update(rental.rented(pointsCharged, rented.dueAt()));
        metrics.ended(rental, null);
    }

    private void compensate(Rental rental, RejectionReason reason, boolean release, boolean refund) {
        Rental compensating = rental.compensating(reason, release, refund, nextSend(1));
        rentals.update(compensating);
        sendCompensations(compensating);
    }

    private void compensationAcknowledged(Rental rental, EventMetadata metadata) {
        if (rental.compensated()) {
            reject(rental, rental.rejection(), metadata);
        } else {
            rentals.update(rental);
        }
    }

    private void reject(Rental rental, RejectionReason reason, EventMetadata metadata) {
        RentalCard card = cards.of(rental.memberId());
        cards.append(card, List.of(card.reject(rental.rentalId().toString(), reason)), metadata);
        rentals.update(rental.rejected(reason));
        metrics.ended(rental, reason);
    }

    private void sendCompensations(Rental rental) {
        String rentalId = rental.rentalId().toString();
        if (rental.releasePending()) {
            send(rental, new ReleaseCopy(rentalId));
        }
        if (rental.refundPending()) {
            send(rental, new RefundPoints(rentalId, rental.memberId()));
        }
    }

    private void send(Rental rental, Record command) {
        String topic = command instanceof ReserveCopy || command instanceof ReleaseCopy ? BookTopics.COMMANDS : MemberTopics.COMMANDS;
        outbox.enqueue(topic, rental.rentalId().toString(), command);
    }

    private Rental locked(String rentalId) {
        UUID id;
        try {
            id = UUID.fromString(rentalId);
        } catch (IllegalArgumentException e) {
            log.warn("Reply for a rental id that is not one: {}", rentalId);
            return null;
        }
        Rental rental = rentals.lock(id).orElse(null);
        if (rental == null) {
            log.warn("Reply for unknown rental {}", rentalId);
        }
        return rental;
    }

    private void ignored(Rental rental, Object reply) {
        log.info("Rental {} at step {} ignores {} (duplicate or late)", rental.rentalId(), rental.step(),
                reply.getClass().getSimpleName());
    }

    private Instant deadline() {
        return clock.instant().plus(properties.saga().stepTimeout());
    }

    /** When the compensations sent for the {@code attempt}-th time are sent again if not acknowledged. */
    private Instant nextSend(int attempt) {
        RentalProperties.Saga saga = properties.saga();
        Duration pause = saga.retryFirst().multipliedBy(1L << Math.min(attempt - 1, 20));
        return clock.instant().plus(pause.compareTo(saga.retryMax()) > 0 ? saga.retryMax() : pause);
    }
}
