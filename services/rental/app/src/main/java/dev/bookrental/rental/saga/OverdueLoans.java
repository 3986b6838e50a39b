package dev.bookrental.rental.saga;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import dev.bookrental.rental.card.CardConflicts;
import dev.bookrental.rental.card.EventMetadata;
import dev.bookrental.rental.card.RentalCard;
import dev.bookrental.rental.card.RentalCards;

/**
 * Overdue detection: every {@code rental.overdue-check} the loans past their due date are marked
 * on their card ({@code LoanOverdue}), which suspends it until the book is back and its fee paid.
 * One rental per transaction, locked with SKIP LOCKED: instances share the work.
 */
@Component
class OverdueLoans {

    private final Rentals rentals;
    private final RentalCards cards;
    private final CardConflicts conflicts;
    private final Clock clock;

    OverdueLoans(Rentals rentals, RentalCards cards, CardConflicts conflicts, Clock clock) {
        this.rentals = rentals;
        this.cards = cards;
        this.conflicts = conflicts;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${rental.overdue-check:10s}")
    void check() {
        boolean found;
        do {
            found = conflicts.inTransaction(this::markOne);
        } while (found);
    }

    /** Marks the longest overdue loan not yet marked; false when there is none. */
    private boolean markOne() {
        Instant now = clock.instant();
        List<Rental> overdue = rentals.lockNewlyOverdue(now, 1);
        if (overdue.isEmpty()) {
            return false;
        }
        Rental rental = overdue.getFirst();
        RentalCard card = cards.of(rental.memberId());
        cards.append(card, card.overdueAt(now).stream().filter(e -> e.rentalId().equals(rental.rentalId().toString())).toList(),
                EventMetadata.causedBy("job:overdue-loans", rental.rentalId().toString(), null));
        rentals.update(rental.markedOverdue());
        return true;
    }
}
