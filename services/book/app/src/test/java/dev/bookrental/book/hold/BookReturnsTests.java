package dev.bookrental.book.hold;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.support.KafkaHeaders;

import dev.bookrental.book.api.BookCommand.ReserveCopy;
import dev.bookrental.book.api.BookReply.CopyReserved;
import dev.bookrental.rental.api.RentalEvent.BookRented;
import dev.bookrental.rental.api.RentalEvent.BookReturned;
import dev.bookrental.rental.api.RentalEvent.LateFeeSettled;
import dev.bookrental.rental.api.RentalEvent.LateFeeUnpaid;
import dev.bookrental.rental.api.RentalEvent.LoanOverdue;
import dev.bookrental.rental.api.RentalEvent.RentRejected;
import dev.bookrental.rental.api.RentalEvent.RentRequested;
import dev.bookrental.rental.api.RentalEvent.RejectionReason;
import dev.bookrental.rental.api.RentalTopics;

/** The return, choreographed: rental's BookReturned on rental.events puts the copy back, once. */
class BookReturnsTests extends SagaParticipantTest {

    private static final String MEMBER = "member-1";
    private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.SECONDS);

    @Test
    void aReturnedCopyIsAvailableAgain() {
        long book = newBook();
        long copy = addCopies(book, 1).getFirst();
        String rentalId = newRentalId();
        rent(rentalId, book);

        UUID returned = rental.publish(new BookReturned(rentalId, MEMBER, book, copy, NOW, 0, 0));

        awaitApplied(returned);
        assertThat(status(copy)).isEqualTo("AVAILABLE");
        assertThat(holdState(rentalId)).isEqualTo("RETURNED");
    }

    @Test
    void aReturnPublishedAgainDoesNotFreeTheCopyOnItsNextLoan() {
        long book = newBook();
        long copy = addCopies(book, 1).getFirst();
        String first = newRentalId();
        String next = newRentalId();
        rent(first, book);
        BookReturned returned = new BookReturned(first, MEMBER, book, copy, NOW, 2, 10);
        awaitApplied(rental.publish(returned));
        rent(next, book);
        assertThat(holdState(next)).isEqualTo("HELD");

        UUID again = rental.publish(returned);

        awaitApplied(again);
        assertThat(status(copy)).isEqualTo("RENTED");
        assertThat(holdState(next)).isEqualTo("HELD");
        assertThat(holdState(first)).isEqualTo("RETURNED");
    }

    @Test
    void theCardsOtherEventsAreReadAndChangeNothing() {
        long book = newBook();
        long copy = addCopies(book, 1).getFirst();
        String rentalId = newRentalId();
        rent(rentalId, book);

        List<UUID> others = List.of(
                rental.publish(new RentRequested(rentalId, MEMBER, book)),
                rental.publish(new BookRented(rentalId, MEMBER, book, copy, 10, NOW.plus(14, ChronoUnit.DAYS))),
                rental.publish(new LoanOverdue(rentalId, MEMBER, book, NOW)),
                rental.publish(new LateFeeUnpaid(rentalId, MEMBER, 5)),
                rental.publish(new LateFeeSettled(rentalId, MEMBER, 5)),
                rental.publish(new RentRejected(newRentalId(), MEMBER, book, RejectionReason.NO_COPY_AVAILABLE)));

        // Applied means handled without an error: a failure rolls back the processed id with the effect.
        others.forEach(this::awaitApplied);
        assertThat(status(copy)).isEqualTo("RENTED");
        assertThat(holdState(rentalId)).isEqualTo("HELD");
    }

    @Test
    void aReturnOfACopyBookNeverLentGoesToTheDeadLetterTopic() {
        long book = newBook();
        long copy = addCopies(book, 1).getFirst();
        String rentalId = newRentalId();

        UUID returned = rental.publish(new BookReturned(rentalId, MEMBER, book, copy, NOW, 0, 0));

        ConsumerRecord<String, String> deadLetter = await().atMost(ANSWERED)
                .until(() -> rental.deadLetter(returned), found -> found.isPresent()).orElseThrow();
        assertThat(RentalStandIn.header(deadLetter, KafkaHeaders.DLT_ORIGINAL_TOPIC)).isEqualTo(RentalTopics.EVENTS);
        assertThat(RentalStandIn.header(deadLetter, KafkaHeaders.DLT_EXCEPTION_MESSAGE)).contains("never held a copy");
        assertThat(status(copy)).isEqualTo("AVAILABLE");
        assertThat(holdState(rentalId)).isNull();
    }

    /** Reserves a copy of the book for the rental through the saga's command, as the saga does before a loan. */
    private void rent(String rentalId, long bookId) {
        rental.send(new ReserveCopy(rentalId, bookId));
        assertThat(awaitReplies(rentalId, 1).getFirst()).isInstanceOf(CopyReserved.class);
    }

    private void awaitApplied(UUID messageId) {
        await().atMost(ANSWERED).until(() -> idempotent.hasProcessed(BookReturns.CONSUMER, messageId));
    }
}
