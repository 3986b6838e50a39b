package dev.bookrental.rental.card;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

import dev.bookrental.rental.api.RentalEvent;
import dev.bookrental.rental.api.RentalEvent.BookRented;
import dev.bookrental.rental.api.RentalEvent.BookReturned;
import dev.bookrental.rental.api.RentalEvent.LateFeeSettled;
import dev.bookrental.rental.api.RentalEvent.LateFeeUnpaid;
import dev.bookrental.rental.api.RentalEvent.LoanOverdue;
import dev.bookrental.rental.api.RentalEvent.RentRejected;
import dev.bookrental.rental.api.RentalEvent.RentRequested;
import dev.bookrental.rental.api.RentalEvent.RejectionReason;

/**
 * A member's rental card, the event-sourced aggregate of the rental service: its state is what
 * the events of its stream {@code rental-card-{memberId}} say, applied in order. Plain Java, so
 * the library's rules are tested without Spring or a database.
 *
 * <p>Every decision is a method that checks the rules against the current state and returns the
 * events to append, without changing anything; {@link #apply(RentalEvent)} is the only way the
 * state moves, for a new event and for a replayed one alike.
 *
 * <p>Suspension is not stored but follows from the facts: a card is {@link CardStatus#SUSPENDED}
 * while a loan is overdue or a late fee is owed, and active again as soon as neither is true.
 *
 * @param pending rents asked for whose saga has not ended: they count against the limits
 * @param fees    late fees of returned books that member has not (yet) charged
 * @param version the version of the last event applied, 0 for an empty stream; the expected
 *                version of the next append
 */
public record RentalCard(String memberId, List<PendingRent> pending, List<Loan> loans, List<Fee> fees, int version) {

    public static final String STREAM_PREFIX = "rental-card-";

    public RentalCard {
        pending = List.copyOf(pending);
        loans = List.copyOf(loans);
        fees = List.copyOf(fees);
    }

    /** The card of a member who never rented: active, nothing out, nothing owed. */
    public static RentalCard open(String memberId) {
        return new RentalCard(memberId, List.of(), List.of(), List.of(), 0);
    }

    public static String streamOf(String memberId) {
        return STREAM_PREFIX + memberId;
    }

    public CardStatus status() {
        return loans.stream().anyMatch(Loan::overdue) || !fees.isEmpty() ? CardStatus.SUSPENDED : CardStatus.ACTIVE;
    }

    /** Late fees owed, in points. */
    public int outstandingFees() {
        return fees.stream().mapToInt(Fee::amount).sum();
    }

    /** How many more books the member may ask for now: the limit less what is out or being rented. */
    public int loansLeft(CardRules rules) {
        return Math.max(0, rules.maxLoans() - loans.size() - pending.size());
    }

    public Optional<Loan> loan(String rentalId) {
        return find(loans, loan -> loan.rentalId().equals(rentalId));
    }

    public Optional<PendingRent> pendingRent(String rentalId) {
        return find(pending, rent -> rent.rentalId().equals(rentalId));
    }

    // --- decisions: each checks the rules and returns the events to append -------------------

    /**
     * A member asks to rent a book.
     *
     * @throws RentRefusedException when the card is suspended, the limit is reached, or the book is
     *                              already out (or being rented) on this card
     */
    public RentRequested requestRent(String rentalId, long bookId, CardRules rules) {
        if (status() == CardStatus.SUSPENDED) {
            throw new RentRefusedException(RentRefusedException.Reason.CARD_SUSPENDED, bookId);
        }
        if (loansLeft(rules) == 0) {
            throw new RentRefusedException(RentRefusedException.Reason.LOAN_LIMIT_REACHED, bookId);
        }
        if (loans.stream().anyMatch(loan -> loan.bookId() == bookId) || pending.stream().anyMatch(rent -> rent.bookId() == bookId)) {
            throw new RentRefusedException(RentRefusedException.Reason.ALREADY_RENTED, bookId);
        }
        return new RentRequested(rentalId, memberId, bookId);
    }

    /** The saga got a copy and the rent: the loan starts now and lasts the loan period. */
    public BookRented rent(String rentalId, long copyId, int pointsCharged, Instant now, CardRules rules) {
        PendingRent rent = pendingRent(rentalId).orElseThrow(() -> new IllegalStateException("No rent " + rentalId + " pending on " + memberId));
        return new BookRented(rentalId, memberId, rent.bookId(), copyId, pointsCharged, now.plus(rules.loanPeriod()));
    }

    /** The saga ended without a loan. */
    public RentRejected reject(String rentalId, RejectionReason reason) {
        PendingRent rent = pendingRent(rentalId).orElseThrow(() -> new IllegalStateException("No rent " + rentalId + " pending on " + memberId));
        return new RentRejected(rentalId, memberId, rent.bookId(), reason);
    }

    /** The loans due before {@code now} not yet known to be overdue. */
    public List<LoanOverdue> overdueAt(Instant now) {
        return loans.stream().filter(loan -> !loan.overdue() && loan.dueAt().isBefore(now))
                .map(loan -> new LoanOverdue(loan.rentalId(), memberId, loan.bookId(), loan.dueAt()))
                .toList();
    }

    /**
     * The member brings a copy back: every day begun after the due date costs the late fee per day.
     *
     * @throws IllegalArgumentException when the rental is not out on this card (never was, or is back)
     */
    public BookReturned returnBook(String rentalId, Instant now, CardRules rules) {
        Loan loan = loan(rentalId).orElseThrow(() -> new IllegalArgumentException("Rental " + rentalId + " is not out on this card"));
        int overdueDays = overdueDays(loan.dueAt(), now);
        return new BookReturned(rentalId, memberId, loan.bookId(), loan.copyId(), now, overdueDays,
                Math.multiplyExact(overdueDays, rules.lateFeePerDay()));
    }

    /** Member could not charge a late fee: empty when the fee is not owed here (settled, or never owed). */
    public Optional<LateFeeUnpaid> feeUnpaid(String rentalId, int fee) {
        return fee(rentalId).filter(owed -> !owed.unpaid()).map(owed -> new LateFeeUnpaid(rentalId, memberId, fee));
    }

    /** Member charged a late fee: empty when it is not owed here any more (already settled). */
    public Optional<LateFeeSettled> feeSettled(String rentalId, int fee) {
        return fee(rentalId).map(owed -> new LateFeeSettled(rentalId, memberId, fee));
    }

    // --- evolution ---------------------------------------------------------------------------

    /** The card after {@code event}, the next of its stream. */
    public RentalCard apply(RentalEvent event) {
        if (!event.memberId().equals(memberId)) {
            throw new IllegalArgumentException("Event of member " + event.memberId() + " applied to the card of " + memberId);
        }
        List<PendingRent> pending = new ArrayList<>(this.pending);
        List<Loan> loans = new ArrayList<>(this.loans);
        List<Fee> fees = new ArrayList<>(this.fees);
        switch (event) {
            case RentRequested e -> pending.add(new PendingRent(e.rentalId(), e.bookId()));
            case BookRented e -> {
                pending.removeIf(rent -> rent.rentalId().equals(e.rentalId()));
                loans.add(new Loan(e.rentalId(), e.bookId(), e.copyId(), e.dueAt(), false));
            }
            case RentRejected e -> pending.removeIf(rent -> rent.rentalId().equals(e.rentalId()));
            case LoanOverdue e -> loans.replaceAll(loan -> loan.rentalId().equals(e.rentalId()) ? loan.markedOverdue() : loan);
            case BookReturned e -> {
                loans.removeIf(loan -> loan.rentalId().equals(e.rentalId()));
                if (e.lateFee() > 0) {
                    fees.add(new Fee(e.rentalId(), e.lateFee(), false));
                }
            }
            case LateFeeUnpaid e -> fees.replaceAll(fee -> fee.rentalId().equals(e.rentalId()) ? new Fee(fee.rentalId(), fee.amount(), true) : fee);
            case LateFeeSettled e -> fees.removeIf(fee -> fee.rentalId().equals(e.rentalId()));
        }
        return new RentalCard(memberId, pending, loans, fees, version + 1);
    }

    /** The card after the events, in order. */
    public RentalCard applyAll(List<? extends RentalEvent> events) {
        RentalCard card = this;
        for (RentalEvent event : events) {
            card = card.apply(event);
        }
        return card;
    }

    static int overdueDays(Instant dueAt, Instant returnedAt) {
        if (!returnedAt.isAfter(dueAt)) {
            return 0;
        }
        Duration late = Duration.between(dueAt, returnedAt);
        long days = late.toDays() + (late.equals(Duration.ofDays(late.toDays())) ? 0 : 1);
        return Math.toIntExact(days);
    }

    private Optional<Fee> fee(String rentalId) {
        return find(fees, fee -> fee.rentalId().equals(rentalId));
    }

    private static <T> Optional<T> find(List<T> items, Predicate<T> match) {
        return items.stream().filter(match).findFirst();
    }

    public enum CardStatus { ACTIVE, SUSPENDED }

    /** A rent asked for, its saga still running. */
    public record PendingRent(String rentalId, long bookId) {
    }

    /** A copy out on the card, to be back by {@code dueAt}. */
    public record Loan(String rentalId, long bookId, long copyId, Instant dueAt, boolean overdue) {

        Loan markedOverdue() {
            return new Loan(rentalId, bookId, copyId, dueAt, true);
        }
    }

    /** A late fee owed; {@code unpaid} once member said the balance did not cover it. */
    public record Fee(String rentalId, int amount, boolean unpaid) {
    }
}
