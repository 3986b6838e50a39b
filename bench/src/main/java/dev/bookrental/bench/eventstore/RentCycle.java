package dev.bookrental.bench.eventstore;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import dev.bookrental.rental.api.RentalEvent;
import dev.bookrental.rental.card.CardRules;
import dev.bookrental.rental.card.RentalCard;

/**
 * The life of a member on a rental card, as the benchmark writes it: asks for a book, gets it,
 * brings it back a day late and pays the late fee, then the next book — four events a cycle,
 * {@code RentRequested → BookRented → BookReturned → LateFeeSettled}. Each event is decided by the
 * real {@link RentalCard} from its current state, so that the payloads, and the states snapshots
 * hold, are the ones the service stores.
 *
 * <p>Deterministic: the same card gets the same next event (rental ids are derived from the
 * member and the cycle), so a card can be grown in memory to what the store must give back.
 */
final class RentCycle {

    static final int EVENTS_PER_CYCLE = 4;
    /** When the first book of every card is rented; each cycle starts 16 days after the previous one. */
    private static final Instant FIRST_RENT = Instant.parse("2026-01-05T10:00:00Z");
    private static final Duration LATE = Duration.ofDays(1);
    private static final int BOOKS = 500;

    private final CardRules rules;
    private final int rentPrice;

    /** @throws IllegalArgumentException when returning late would cost nothing: the cycle needs its fee */
    RentCycle(CardRules rules, int rentPrice) {
        if (rules.lateFeePerDay() <= 0) {
            throw new IllegalArgumentException("A cycle pays a late fee; the late fee per day is " + rules.lateFeePerDay());
        }
        this.rules = rules;
        this.rentPrice = rentPrice;
    }

    /** The card's next event: settle the fee owed, else bring the book back, else get the book asked for, else ask for one. */
    RentalEvent next(RentalCard card) {
        if (!card.fees().isEmpty()) {
            RentalCard.Fee fee = card.fees().getFirst();
            return card.feeSettled(fee.rentalId(), fee.amount()).orElseThrow();
        }
        if (!card.loans().isEmpty()) {
            RentalCard.Loan loan = card.loans().getFirst();
            return card.returnBook(loan.rentalId(), loan.dueAt().plus(LATE), rules);
        }
        int cycle = cycle(card);
        if (!card.pending().isEmpty()) {
            RentalCard.PendingRent rent = card.pending().getFirst();
            return card.rent(rent.rentalId(), rent.bookId() * 100 + 1, rentPrice,
                    FIRST_RENT.plus(rules.loanPeriod().plus(LATE).plusDays(1).multipliedBy(cycle)), rules);
        }
        return card.requestRent(rentalId(card), cycle % BOOKS + 1, rules);
    }

    /** The rental the card's next event belongs to: the saga's correlation id. */
    String rentalId(RentalCard card) {
        return UUID.nameUUIDFromBytes((card.memberId() + "/" + cycle(card)).getBytes(StandardCharsets.UTF_8)).toString();
    }

    /** The card after {@code events} more events, in memory. */
    RentalCard grow(RentalCard card, int events) {
        RentalCard grown = card;
        for (int i = 0; i < events; i++) {
            grown = grown.apply(next(grown));
        }
        return grown;
    }

    private static int cycle(RentalCard card) {
        return card.version() / EVENTS_PER_CYCLE;
    }
}
