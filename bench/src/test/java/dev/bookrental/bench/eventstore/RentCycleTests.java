package dev.bookrental.bench.eventstore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.bookrental.rental.api.RentalEvent;
import dev.bookrental.rental.api.RentalEvent.BookRented;
import dev.bookrental.rental.api.RentalEvent.BookReturned;
import dev.bookrental.rental.api.RentalEvent.LateFeeSettled;
import dev.bookrental.rental.api.RentalEvent.RentRequested;
import dev.bookrental.rental.card.CardRules;
import dev.bookrental.rental.card.RentalCard;
import dev.bookrental.rental.card.RentalCard.CardStatus;

class RentCycleTests {

    private static final CardRules RULES = new CardRules(5, Duration.ofDays(14), 5);
    private final RentCycle cycle = new RentCycle(RULES, 10);

    @Test
    void aCycleRentsABookReturnsItADayLateAndPaysTheFee() {
        RentalCard card = RentalCard.open("member-1");
        List<RentalEvent> events = new ArrayList<>();
        for (int i = 0; i < RentCycle.EVENTS_PER_CYCLE; i++) {
            RentalEvent event = cycle.next(card);
            events.add(event);
            card = card.apply(event);
        }

        assertThat(events).extracting(event -> event.getClass().getSimpleName())
                .containsExactly("RentRequested", "BookRented", "BookReturned", "LateFeeSettled");
        RentRequested requested = (RentRequested) events.get(0);
        BookRented rented = (BookRented) events.get(1);
        BookReturned returned = (BookReturned) events.get(2);
        assertThat(rented.rentalId()).isEqualTo(requested.rentalId());
        assertThat(rented.pointsCharged()).isEqualTo(10);
        assertThat(returned.returnedAt()).isEqualTo(rented.dueAt().plus(Duration.ofDays(1)));
        assertThat(returned.overdueDays()).isEqualTo(1);
        assertThat(returned.lateFee()).isEqualTo(5);
        assertThat(((LateFeeSettled) events.get(3)).fee()).isEqualTo(5);
        assertThat(card.version()).isEqualTo(4);
        assertThat(card.status()).isEqualTo(CardStatus.ACTIVE);
        assertThat(card.loans()).isEmpty();
        assertThat(card.pending()).isEmpty();
        assertThat(card.fees()).isEmpty();
    }

    @Test
    void everyEventOfACycleBelongsToTheCyclesRentalAndTheNextCycleToAnother() {
        RentalCard card = RentalCard.open("member-1");
        String first = cycle.rentalId(card);
        for (int i = 0; i < RentCycle.EVENTS_PER_CYCLE; i++) {
            assertThat(cycle.rentalId(card)).isEqualTo(first);
            card = card.apply(cycle.next(card));
        }

        RentRequested next = (RentRequested) cycle.next(card);

        assertThat(next.rentalId()).isEqualTo(cycle.rentalId(card)).isNotEqualTo(first);
        assertThat(next.bookId()).isEqualTo(2);
    }

    @Test
    void growsTheSameCardFromTheSameStartAndAnotherForAnotherMember() {
        RentalCard grown = cycle.grow(RentalCard.open("member-1"), 10_002);

        assertThat(grown.version()).isEqualTo(10_002);
        assertThat(grown).isEqualTo(cycle.grow(RentalCard.open("member-1"), 10_002));
        assertThat(grown.loans()).singleElement().satisfies(loan -> assertThat(loan.overdue()).isFalse());
        assertThat(cycle.rentalId(grown)).isNotEqualTo(cycle.rentalId(cycle.grow(RentalCard.open("member-2"), 10_002)));
    }

    @Test
    void needsALateFeeToPay() {
        assertThatThrownBy(() -> new RentCycle(new CardRules(5, Duration.ofDays(14), 0), 10))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("late fee");
    }
}
