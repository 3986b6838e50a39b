package dev.bookrental.book.hold;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import dev.bookrental.book.api.BookCommand.ReserveCopy;
import dev.bookrental.book.api.BookReply;
import dev.bookrental.book.api.BookReply.CopyReserved;
import dev.bookrental.book.api.BookReply.CopyUnavailable;

/**
 * Reservations at the same moment, as with several book instances (or listener threads) on the
 * command topic's partitions: the listener is called from many threads at once, each delivery in
 * its own transaction against the real PostgreSQL; the replies still leave through the outbox and
 * Kafka.
 */
class CopyRaceTests extends SagaParticipantTest {

    private static final int RACERS = 8;
    private static final int ROUNDS = 10;

    @Autowired RentSagaCommands commands;

    @Test
    void ofRentalsRacingForTheLastCopyExactlyOneGetsIt() throws Exception {
        for (int round = 0; round < ROUNDS; round++) {
            long book = newBook();
            long copy = addCopies(book, 1).getFirst();
            List<String> rentals = IntStream.range(0, RACERS).mapToObj(i -> newRentalId()).toList();

            assertThat(race(rentals.stream().map(rentalId -> deliver(new ReserveCopy(rentalId, book))).toList())).isEmpty();

            List<BookReply> replies = rentals.stream().map(rentalId -> awaitReplies(rentalId, 1).getFirst()).toList();
            assertThat(replies).filteredOn(CopyReserved.class::isInstance).as("round %d", round)
                    .singleElement().extracting(reply -> ((CopyReserved) reply).copyId()).isEqualTo(copy);
            assertThat(replies).filteredOn(CopyUnavailable.class::isInstance).hasSize(RACERS - 1);
            assertThat(status(copy)).isEqualTo("RENTED");
            assertThat(heldCopies(book)).containsExactly(copy);
        }
    }

    @Test
    void racingRentalsShareTheFreeCopiesOneEachWithNoneLeftIdle() throws Exception {
        long book = newBook();
        List<Long> copies = addCopies(book, 3);
        List<String> rentals = IntStream.range(0, RACERS).mapToObj(i -> newRentalId()).toList();

        assertThat(race(rentals.stream().map(rentalId -> deliver(new ReserveCopy(rentalId, book))).toList())).isEmpty();

        List<BookReply> replies = rentals.stream().map(rentalId -> awaitReplies(rentalId, 1).getFirst()).toList();
        assertThat(replies).filteredOn(CopyReserved.class::isInstance)
                .extracting(reply -> ((CopyReserved) reply).copyId()).containsExactlyInAnyOrderElementsOf(copies);
        assertThat(statuses(book)).containsOnly("RENTED");
        assertThat(heldCopies(book)).containsExactlyInAnyOrderElementsOf(copies);
    }

    @Test
    void oneRentalDeliveredManyTimesAtOnceIsDecidedOnceAndTakesOneCopy() throws Exception {
        long book = newBook();
        addCopies(book, 2);
        String rentalId = newRentalId();
        ReserveCopy reserve = new ReserveCopy(rentalId, book);

        assertThat(race(IntStream.range(0, RACERS).mapToObj(i -> deliver(reserve)).toList())).isEmpty();

        List<BookReply> replies = awaitReplies(rentalId, RACERS);
        assertThat(replies).hasSize(RACERS).allSatisfy(reply -> assertThat(reply).isEqualTo(replies.getFirst()));
        long copy = ((CopyReserved) replies.getFirst()).copyId();
        assertThat(heldCopies(book)).containsExactly(copy);
        assertThat(statuses(book)).containsExactlyInAnyOrder("RENTED", "AVAILABLE");
    }

    private Callable<Void> deliver(ReserveCopy command) {
        return () -> {
            commands.on(rental.delivery(UUID.randomUUID(), command));
            return null;
        };
    }

    /** Runs the deliveries at the same moment; returns the exceptions of those that failed. */
    private static List<Exception> race(List<Callable<Void>> deliveries) throws InterruptedException {
        CyclicBarrier start = new CyclicBarrier(deliveries.size());
        List<Future<Void>> results = new ArrayList<>();
        try (ExecutorService threads = Executors.newFixedThreadPool(deliveries.size())) {
            for (Callable<Void> delivery : deliveries) {
                results.add(threads.submit(() -> {
                    start.await();
                    return delivery.call();
                }));
            }
        }
        List<Exception> failures = new ArrayList<>();
        for (Future<Void> result : results) {
            try {
                result.get();
            } catch (ExecutionException e) {
                failures.add((Exception) e.getCause());
            }
        }
        return failures;
    }

    private List<Long> heldCopies(long bookId) {
        return jdbc.sql("SELECT copy_id FROM copy_hold WHERE book_id = :bookId AND state = 'HELD' ORDER BY copy_id")
                .param("bookId", bookId).query(Long.class).list();
    }
}
