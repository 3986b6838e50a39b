package dev.bookrental.rental.card;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.bookrental.rental.api.RentalEvent.BookRented;
import dev.bookrental.rental.api.RentalEvent.BookReturned;
import dev.bookrental.rental.api.RentalEvent.LateFeeSettled;
import dev.bookrental.rental.api.RentalEvent.LateFeeUnpaid;
import dev.bookrental.rental.api.RentalEvent.LoanOverdue;
import dev.bookrental.rental.api.RentalEvent.RentRejected;
import dev.bookrental.rental.api.RentalEvent.RentRequested;
import dev.bookrental.rental.api.RentalEvent.RejectionReason;
import dev.bookrental.rental.card.RentalCard.CardStatus;

/** The card's rules and its evolution, without Spring or a database. */
class RentalCardTests {

    private static final CardRules RULES = new CardRules(5, Duration.ofDays(14), 5);
    private static final Instant NOW = Instant.parse("2026-11-26T10:00:00Z");
    private static final String MEMBER = "member-1";

    @Test
    void aMemberWhoNeverRentedHasAnOpenEmptyCard() {
        RentalCard card = RentalCard.open(MEMBER);

        assertThat(card.status()).isEqualTo(CardStatus.ACTIVE);
        assertThat(card.loansLeft(RULES)).isEqualTo(5);
        assertThat(card.version()).isZero();
        assertThat(RentalCard.streamOf(MEMBER)).isEqualTo("rental-card-member-1");
    }

    @Test
    void aRequestedRentIsPendingUntilTheSagaRentsIt() {
        RentalCard card = RentalCard.open(MEMBER);
        RentRequested requested = card.requestRent("r1", 7, RULES);
        card = card.apply(requested);

        assertThat(card.pending()).containsExactly(new RentalCard.PendingRent("r1", 7));
        assertThat(card.loansLeft(RULES)).isEqualTo(4);

        BookRented rented = card.rent("r1", 70, 10, NOW, RULES);
        card = card.apply(rented);

        assertThat(rented.dueAt()).isEqualTo(NOW.plus(Duration.ofDays(14)));
        assertThat(card.pending()).isEmpty();
        assertThat(card.loans()).containsExactly(new RentalCard.Loan("r1", 7, 70, NOW.plus(Duration.ofDays(14)), false));
        assertThat(card.version()).isEqualTo(2);
    }

    @Test
    void aRejectedRentLeavesNothingOnTheCard() {
        RentalCard card = RentalCard.open(MEMBER).apply(new RentRequested("r1", MEMBER, 7));

        RentRejected rejected = card.reject("r1", RejectionReason.NO_COPY_AVAILABLE);
        card = card.apply(rejected);

        assertThat(rejected.bookId()).isEqualTo(7);
        assertThat(card.pending()).isEmpty();
        assertThat(card.loans()).isEmpty();
        assertThat(card.loansLeft(RULES)).isEqualTo(5);
    }

    @Test
    void atMostFiveBooksAreOutOrBeingRented() {
        RentalCard card = RentalCard.open(MEMBER);
        for (int book = 1; book <= 3; book++) {
            card = rented(card, "r" + book, book);
        }
        card = card.apply(card.requestRent("r4", 4, RULES)).apply(card.requestRent("r5", 5, RULES));

        RentalCard full = card;
        assertThatThrownBy(() -> full.requestRent("r6", 6, RULES))
                .isInstanceOfSatisfying(RentRefusedException.class,
                        e -> assertThat(e.reason()).isEqualTo(RentRefusedException.Reason.LOAN_LIMIT_REACHED));
    }

    @Test
    void theSameBookIsNeverOutTwiceNorAskedForTwice() {
        RentalCard out = rented(RentalCard.open(MEMBER), "r1", 7);
        RentalCard asked = RentalCard.open(MEMBER).apply(new RentRequested("r1", MEMBER, 7));

        for (RentalCard card : List.of(out, asked)) {
            assertThatThrownBy(() -> card.requestRent("r2", 7, RULES))
                    .isInstanceOfSatisfying(RentRefusedException.class,
                            e -> assertThat(e.reason()).isEqualTo(RentRefusedException.Reason.ALREADY_RENTED));
        }
        assertThat(out.requestRent("r2", 8, RULES).bookId()).isEqualTo(8);
    }

    @Test
    void anOverdueLoanSuspendsTheCardAndASuspendedCardRentsNothing() {
        RentalCard card = rented(RentalCard.open(MEMBER), "r1", 7);
        Instant due = card.loans().getFirst().dueAt();

        assertThat(card.overdueAt(due)).isEmpty();
        List<LoanOverdue> overdue = card.overdueAt(due.plusSeconds(1));
        assertThat(overdue).containsExactly(new LoanOverdue("r1", MEMBER, 7, due));

        RentalCard suspended = card.applyAll(overdue);
        assertThat(suspended.status()).isEqualTo(CardStatus.SUSPENDED);
        assertThat(suspended.overdueAt(due.plusSeconds(60))).as("marked once").isEmpty();
        assertThatThrownBy(() -> suspended.requestRent("r2", 8, RULES))
                .isInstanceOfSatisfying(RentRefusedException.class,
                        e -> assertThat(e.reason()).isEqualTo(RentRefusedException.Reason.CARD_SUSPENDED));
    }

    @Test
    void aLateReturnOwesFivePointsPerDayBegunAndTheFeeHoldsTheCardUntilSettled() {
        RentalCard card = rented(RentalCard.open(MEMBER), "r1", 7);
        Instant due = card.loans().getFirst().dueAt();
        card = card.applyAll(card.overdueAt(due.plusSeconds(1)));

        BookReturned returned = card.returnBook("r1", due.plus(Duration.ofDays(2)).plusSeconds(1), RULES);
        assertThat(returned.overdueDays()).isEqualTo(3);
        assertThat(returned.lateFee()).isEqualTo(15);
        assertThat(returned.copyId()).isEqualTo(70);

        card = card.apply(returned);
        assertThat(card.loans()).isEmpty();
        assertThat(card.outstandingFees()).isEqualTo(15);
        assertThat(card.status()).as("the fee is owed until member charges it").isEqualTo(CardStatus.SUSPENDED);

        LateFeeUnpaid unpaid = card.feeUnpaid("r1", 15).orElseThrow();
        card = card.apply(unpaid);
        assertThat(card.feeUnpaid("r1", 15)).as("recorded once").isEmpty();
        assertThat(card.status()).isEqualTo(CardStatus.SUSPENDED);

        LateFeeSettled settled = card.feeSettled("r1", 15).orElseThrow();
        card = card.apply(settled);
        assertThat(card.status()).isEqualTo(CardStatus.ACTIVE);
        assertThat(card.outstandingFees()).isZero();
        assertThat(card.feeSettled("r1", 15)).as("a repeated payment changes nothing").isEmpty();
    }

    @Test
    void anOnTimeReturnOwesNothingAndLeavesTheCardActive() {
        RentalCard card = rented(RentalCard.open(MEMBER), "r1", 7);

        BookReturned returned = card.returnBook("r1", card.loans().getFirst().dueAt(), RULES);

        assertThat(returned.overdueDays()).isZero();
        assertThat(returned.lateFee()).isZero();
        assertThat(card.apply(returned).status()).isEqualTo(CardStatus.ACTIVE);
    }

    @Test
    void onlyABookOutOnTheCardCanComeBack() {
        RentalCard card = rented(RentalCard.open(MEMBER), "r1", 7);
        RentalCard back = card.apply(card.returnBook("r1", NOW, RULES));

        assertThatIllegalArgumentException().isThrownBy(() -> back.returnBook("r1", NOW, RULES));
        assertThatIllegalArgumentException().isThrownBy(() -> card.returnBook("unknown", NOW, RULES));
    }

    @Test
    void countsEveryDayBegunAfterTheDueDate() {
        Instant due = NOW;
        assertThat(RentalCard.overdueDays(due, due.minusSeconds(1))).isZero();
        assertThat(RentalCard.overdueDays(due, due)).isZero();
        assertThat(RentalCard.overdueDays(due, due.plusMillis(1))).isEqualTo(1);
        assertThat(RentalCard.overdueDays(due, due.plus(Duration.ofDays(1)))).isEqualTo(1);
        assertThat(RentalCard.overdueDays(due, due.plus(Duration.ofDays(1)).plusSeconds(1))).isEqualTo(2);
    }

    @Test
    void anEventOfAnotherMembersCardIsRefused() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> RentalCard.open(MEMBER).apply(new RentRequested("r1", "member-2", 7)));
    }

    private static RentalCard rented(RentalCard card, String rentalId, long bookId) {
        RentalCard requested = card.apply(card.requestRent(rentalId, bookId, RULES));
        return requested.apply(requested.rent(rentalId, bookId * 10, 10, NOW, RULES));
    }
}
