package dev.bookrental.book.hold;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.util.List;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.transaction.IllegalTransactionStateException;

import dev.bookrental.book.api.BookCommand.ReleaseCopy;
import dev.bookrental.book.api.BookCommand.ReserveCopy;
import dev.bookrental.book.api.BookReply.CopyReleased;
import dev.bookrental.book.api.BookReply.CopyReserved;
import dev.bookrental.book.api.BookReply.CopyUnavailable;
import dev.bookrental.book.api.BookTopics;

/** Book's saga steps through a real Kafka: every answer, and that none is ever applied twice. */
class RentSagaCommandsTests extends SagaParticipantTest {

    @Autowired CopyHolds holds;

    @Test
    void reservesAFreeCopyMarksItRentedAndAnswersWithIt() {
        long book = newBook();
        List<Long> copies = addCopies(book, 2);
        String rentalId = newRentalId();

        rental.send(new ReserveCopy(rentalId, book));

        assertThat(awaitReplies(rentalId, 1)).containsExactly(new CopyReserved(rentalId, book, copies.getFirst()));
        assertThat(statuses(book)).containsExactly("RENTED", "AVAILABLE");
        assertThat(holdState(rentalId)).isEqualTo("HELD");
    }

    @Test
    void refusesWhenEveryCopyIsOut() {
        long book = newBook();
        long copy = addCopies(book, 1).getFirst();
        String first = newRentalId();
        String second = newRentalId();
        rental.send(new ReserveCopy(first, book));
        awaitReplies(first, 1);

        rental.send(new ReserveCopy(second, book));

        assertThat(awaitReplies(second, 1)).containsExactly(new CopyUnavailable(second, book));
        assertThat(holdState(second)).isEqualTo("REFUSED");
        assertThat(status(copy)).isEqualTo("RENTED");
        assertThat(holdState(first)).isEqualTo("HELD");
    }

    @Test
    void refusesABookThatDoesNotExist() {
        long unknown = newBook() + 1_000;
        String rentalId = newRentalId();

        rental.send(new ReserveCopy(rentalId, unknown));

        assertThat(awaitReplies(rentalId, 1)).containsExactly(new CopyUnavailable(rentalId, unknown));
        assertThat(holdState(rentalId)).isEqualTo("REFUSED");
    }

    @Test
    void aReserveSentAgainGetsTheSameCopyAndTakesNoOther() {
        long book = newBook();
        List<Long> copies = addCopies(book, 2);
        String rentalId = newRentalId();

        rental.send(new ReserveCopy(rentalId, book));
        rental.send(new ReserveCopy(rentalId, book));

        CopyReserved reserved = new CopyReserved(rentalId, book, copies.getFirst());
        assertThat(awaitReplies(rentalId, 2)).containsExactly(reserved, reserved);
        assertThat(statuses(book)).containsExactly("RENTED", "AVAILABLE");
    }

    @Test
    void aRefusalSentAgainStaysARefusalAfterACopyCameIn() {
        long book = newBook();
        String rentalId = newRentalId();
        rental.send(new ReserveCopy(rentalId, book));
        awaitReplies(rentalId, 1);
        long copy = addCopies(book, 1).getFirst();

        rental.send(new ReserveCopy(rentalId, book));

        CopyUnavailable unavailable = new CopyUnavailable(rentalId, book);
        assertThat(awaitReplies(rentalId, 2)).containsExactly(unavailable, unavailable);
        assertThat(status(copy)).isEqualTo("AVAILABLE");
    }

    @Test
    void releaseGivesTheHeldCopyBack() {
        long book = newBook();
        long copy = addCopies(book, 1).getFirst();
        String rentalId = newRentalId();
        rental.send(new ReserveCopy(rentalId, book));

        rental.send(new ReleaseCopy(rentalId));

        assertThat(awaitReplies(rentalId, 2)).containsExactly(new CopyReserved(rentalId, book, copy), new CopyReleased(rentalId));
        assertThat(status(copy)).isEqualTo("AVAILABLE");
        assertThat(holdState(rentalId)).isEqualTo("RELEASED");
    }

    @Test
    void releaseSentAgainIsAnsweredAgainAndDoesNotFreeTheCopyOfAnotherRental() {
        long book = newBook();
        long copy = addCopies(book, 1).getFirst();
        String released = newRentalId();
        String next = newRentalId();
        rental.send(new ReserveCopy(released, book));
        rental.send(new ReleaseCopy(released));
        awaitReplies(released, 2);
        rental.send(new ReserveCopy(next, book));
        assertThat(awaitReplies(next, 1)).containsExactly(new CopyReserved(next, book, copy));

        rental.send(new ReleaseCopy(released));

        assertThat(awaitReplies(released, 3)).containsExactly(new CopyReserved(released, book, copy),
                new CopyReleased(released), new CopyReleased(released));
        assertThat(status(copy)).isEqualTo("RENTED");
        assertThat(holdState(next)).isEqualTo("HELD");
        assertThat(holdState(released)).isEqualTo("RELEASED");
    }

    @Test
    void releaseBeforeReserveLeavesATombstoneThatRefusesTheLateReserve() {
        long book = newBook();
        long copy = addCopies(book, 1).getFirst();
        String rentalId = newRentalId();

        rental.send(new ReleaseCopy(rentalId));
        assertThat(awaitReplies(rentalId, 1)).containsExactly(new CopyReleased(rentalId));
        assertThat(holdState(rentalId)).isEqualTo("RELEASED");

        rental.send(new ReserveCopy(rentalId, book));

        assertThat(awaitReplies(rentalId, 2)).containsExactly(new CopyReleased(rentalId), new CopyUnavailable(rentalId, book));
        assertThat(status(copy)).isEqualTo("AVAILABLE");
        assertThat(holdState(rentalId)).isEqualTo("RELEASED");
    }

    @Test
    void aReserveSentAgainAfterTheReleaseIsRefused() {
        long book = newBook();
        long copy = addCopies(book, 1).getFirst();
        String rentalId = newRentalId();
        rental.send(new ReserveCopy(rentalId, book));
        rental.send(new ReleaseCopy(rentalId));

        rental.send(new ReserveCopy(rentalId, book));

        assertThat(awaitReplies(rentalId, 3)).containsExactly(new CopyReserved(rentalId, book, copy),
                new CopyReleased(rentalId), new CopyUnavailable(rentalId, book));
        assertThat(status(copy)).isEqualTo("AVAILABLE");
    }

    @Test
    void theSameMessageDeliveredTwiceIsAppliedAndAnsweredOnce() {
        long book = newBook();
        long copy = addCopies(book, 2).getFirst();
        String rentalId = newRentalId();
        UUID messageId = UUID.randomUUID();

        rental.send(messageId, new ReserveCopy(rentalId, book));
        rental.send(messageId, new ReserveCopy(rentalId, book));
        rental.send(new ReleaseCopy(rentalId)); // behind both on the rental's partition: when it is answered, they were handled

        assertThat(awaitReplies(rentalId, 2)).containsExactly(new CopyReserved(rentalId, book, copy), new CopyReleased(rentalId));
        assertThat(idempotent.hasProcessed(RentSagaCommands.CONSUMER, messageId)).isTrue();
        assertThat(statuses(book)).containsExactly("AVAILABLE", "AVAILABLE");
    }

    @Test
    void aStepRunsOnlyInTheTransactionOfTheConsumerThatRecordsItsMessage() {
        long book = newBook();
        long copy = addCopies(book, 1).getFirst();
        String rentalId = newRentalId();

        assertThatThrownBy(() -> holds.reserve(new ReserveCopy(rentalId, book))).isInstanceOf(IllegalTransactionStateException.class);

        assertThat(status(copy)).isEqualTo("AVAILABLE");
        assertThat(holdState(rentalId)).isNull();
    }

    @Test
    void aRentalIdThatIsNotAUuidGoesToTheDeadLetterTopicAndChangesNothing() {
        long book = newBook();
        long copy = addCopies(book, 1).getFirst();

        UUID messageId = rental.send(new ReserveCopy("rental-7", book));

        ConsumerRecord<String, String> deadLetter = await().atMost(ANSWERED).until(() -> rental.deadLetter(messageId),
                found -> found.isPresent()).orElseThrow();
        assertThat(RentalStandIn.header(deadLetter, KafkaHeaders.DLT_ORIGINAL_TOPIC)).isEqualTo(BookTopics.COMMANDS);
        assertThat(RentalStandIn.header(deadLetter, KafkaHeaders.DLT_EXCEPTION_MESSAGE)).contains("not a UUID");
        assertThat(status(copy)).isEqualTo("AVAILABLE");
        assertThat(rental.repliesTo("rental-7")).isEmpty();
    }
}
