package dev.bookrental.book.hold;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.bookrental.book.api.BookCommand.ReserveCopy;
import dev.bookrental.book.api.BookReply.CopyReserved;
import dev.bookrental.book.api.BookReply.CopyUnavailable;
import dev.bookrental.book.hold.CopyHold.State;
import dev.bookrental.platform.messaging.PoisonMessageException;
import dev.bookrental.rental.api.RentalEvent.BookReturned;

/** The rules of a hold, with no database and no broker. */
class CopyHoldTests {

    private static final String RENTAL = "6f1c1f44-5d8e-4b8a-9a53-2f0d8f7c1a10";
    private static final ReserveCopy RESERVE = new ReserveCopy(RENTAL, 7);

    @Test
    void aHeldOrReturnedCopyIsAnsweredAsReserved() {
        assertThat(CopyHold.held(7, 70).answer(RESERVE)).isEqualTo(new CopyReserved(RENTAL, 7, 70));
        assertThat(CopyHold.held(7, 70).returned(returnOf(70)).answer(RESERVE)).isEqualTo(new CopyReserved(RENTAL, 7, 70));
    }

    @Test
    void aRefusedOrReleasedRentalIsAnsweredUnavailable() {
        assertThat(CopyHold.refused(7).answer(RESERVE)).isEqualTo(new CopyUnavailable(RENTAL, 7));
        assertThat(CopyHold.TOMBSTONE.answer(RESERVE)).isEqualTo(new CopyUnavailable(RENTAL, 7));
        assertThat(CopyHold.held(7, 70).released().answer(RESERVE)).isEqualTo(new CopyUnavailable(RENTAL, 7));
    }

    @Test
    void onlyAHeldCopyIsOut() {
        assertThat(CopyHold.held(7, 70).holdsACopy()).isTrue();
        assertThat(CopyHold.refused(7).holdsACopy()).isFalse();
        assertThat(CopyHold.held(7, 70).released().holdsACopy()).isFalse();
        assertThat(CopyHold.held(7, 70).returned(returnOf(70)).holdsACopy()).isFalse();
    }

    @Test
    void releaseEndsEveryHoldButAReturnedOne() {
        assertThat(CopyHold.held(7, 70).released()).isEqualTo(new CopyHold(7L, 70L, State.RELEASED));
        assertThat(CopyHold.refused(7).released()).isEqualTo(new CopyHold(7L, null, State.RELEASED));
        assertThat(CopyHold.TOMBSTONE.released()).isEqualTo(CopyHold.TOMBSTONE);
        CopyHold returned = CopyHold.held(7, 70).returned(returnOf(70));
        assertThat(returned.released()).isEqualTo(returned);
    }

    @Test
    void aReturnComesBackOnceAndOnlyForTheHeldCopy() {
        CopyHold returned = CopyHold.held(7, 70).returned(returnOf(70));

        assertThat(returned).isEqualTo(new CopyHold(7L, 70L, State.RETURNED));
        assertThat(returned.returned(returnOf(70))).isEqualTo(returned);
        assertThatThrownBy(() -> CopyHold.held(7, 70).returned(returnOf(71))).isInstanceOf(PoisonMessageException.class);
        assertThatThrownBy(() -> CopyHold.refused(7).returned(returnOf(70))).isInstanceOf(PoisonMessageException.class);
        assertThatThrownBy(() -> CopyHold.held(7, 70).released().returned(returnOf(70)))
                .isInstanceOf(PoisonMessageException.class).hasMessageContaining(RENTAL);
    }

    @Test
    void aRentalIdIsAUuidOrThePoisonOfItsMessage() {
        assertThat(CopyHold.rentalId(RENTAL)).isEqualTo(UUID.fromString(RENTAL));
        assertThatThrownBy(() -> CopyHold.rentalId("rental-7")).isInstanceOf(PoisonMessageException.class)
                .hasMessageContaining("rental-7");
        assertThatThrownBy(() -> CopyHold.rentalId(null)).isInstanceOf(PoisonMessageException.class);
    }

    private static BookReturned returnOf(long copyId) {
        return new BookReturned(RENTAL, "member-1", 7, copyId, Instant.parse("2026-11-27T10:00:00Z"), 0, 0);
    }
}
