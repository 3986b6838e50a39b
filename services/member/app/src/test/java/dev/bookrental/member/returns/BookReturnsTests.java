package dev.bookrental.member.returns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import dev.bookrental.member.MemberServiceTest;
import dev.bookrental.member.api.MemberEvent;
import dev.bookrental.member.api.MemberEvent.LateFeeOutstanding;
import dev.bookrental.member.api.MemberEvent.LateFeePaid;
import dev.bookrental.platform.messaging.IdempotentConsumer;
import dev.bookrental.rental.api.RentalEvent;
import dev.bookrental.rental.api.RentalEvent.BookRented;
import dev.bookrental.rental.api.RentalEvent.BookReturned;
import dev.bookrental.rental.api.RentalEvent.LateFeeSettled;
import dev.bookrental.rental.api.RentalEvent.LateFeeUnpaid;
import dev.bookrental.rental.api.RentalEvent.LoanOverdue;
import dev.bookrental.rental.api.RentalEvent.RejectionReason;
import dev.bookrental.rental.api.RentalEvent.RentRejected;
import dev.bookrental.rental.api.RentalEvent.RentRequested;
import dev.bookrental.rental.api.RentalTopics;

/**
 * Member in the return choreography: rental's facts in on {@code rental.events}, the late fee's
 * outcome out on {@code member.events}, through a real broker into a real database.
 */
class BookReturnsTests extends MemberServiceTest {

    private static final Duration PUBLISHED = Duration.ofSeconds(30);
    private static final Instant DUE = Instant.parse("2026-11-01T10:00:00Z");

    @Autowired
    private IdempotentConsumer idempotent;

    @Test
    void chargesALateFeeTheBalanceCovers() {
        String member = newMember(100);
        String rental = newRental();

        publish(returned(rental, member, 15));

        assertThat(awaitEvents(member, 1)).containsExactly(new LateFeePaid(member, rental, 15, 85));
        assertThat(points(member)).isEqualTo(85);
        assertThat(movements(member)).containsExactly(new Movement(100, "TOP_UP", 100),
                new Movement(-15, "LATE_FEE " + rental, 85));
        assertThat(lateFeeState(rental)).isEqualTo("PAID");
    }

    @Test
    void recordsALateFeeTheBalanceDoesNotCoverAsOutstandingAndChargesNothing() {
        String member = newMember(20);
        String rental = newRental();

        publish(returned(rental, member, 30));

        assertThat(awaitEvents(member, 1)).containsExactly(new LateFeeOutstanding(member, rental, 30, 20));
        assertThat(points(member)).isEqualTo(20);
        assertThat(movements(member)).containsExactly(new Movement(20, "TOP_UP", 20));
        assertThat(lateFeeState(rental)).isEqualTo("OUTSTANDING");
    }

    @Test
    void recordsTheLateFeeOfAnUnknownMemberAsOutstanding() {
        String unknown = "no-such-" + UUID.randomUUID();
        String rental = newRental();

        publish(returned(rental, unknown, 10));

        assertThat(awaitEvents(unknown, 1)).containsExactly(new LateFeeOutstanding(unknown, rental, 10, 0));
    }

    @Test
    void chargesTheLateFeeOfARentalOnceWhateverTheNumberOfReturnsReported() {
        String member = newMember(100);
        String rental = newRental();
        String marker = newRental();

        publish(returned(rental, member, 15));
        publish(returned(rental, member, 15)); // the same return as a new message
        publish(returned(marker, member, 5)); // behind both on the member's partition

        assertThat(awaitEvents(member, 2)).containsExactly(new LateFeePaid(member, rental, 15, 85),
                new LateFeePaid(member, marker, 5, 80));
        assertThat(points(member)).isEqualTo(80);
    }

    @Test
    void aReturnWithoutLateFeeChangesNothing() {
        String member = newMember(100);
        String onTime = newRental();
        String marker = newRental();

        publish(returned(onTime, member, 0));
        publish(returned(marker, member, 5));

        assertThat(awaitEvents(member, 1)).containsExactly(new LateFeePaid(member, marker, 5, 95));
        assertThat(lateFeeRows(onTime)).isZero();
    }

    @Test
    void readsTheOtherFactsOfTheRentalCardAndLeavesThemAlone() {
        String member = newMember(100);
        String rental = newRental();
        List<RentalEvent> otherFacts = List.of(new RentRequested(rental, member, 7L),
                new BookRented(rental, member, 7L, 70L, 10, DUE),
                new RentRejected(newRental(), member, 7L, RejectionReason.INSUFFICIENT_POINTS),
                new LoanOverdue(rental, member, 7L, DUE),
                new LateFeeUnpaid(rental, member, 15),
                new LateFeeSettled(rental, member, 15));

        List<UUID> ids = otherFacts.stream().map(this::publish).toList();

        // Recorded as processed: read, applied (to nothing) and committed, none retried nor dead-lettered.
        await().atMost(PUBLISHED).until(() -> ids.stream().allMatch(id -> idempotent.hasProcessed(BookReturns.CONSUMER, id)));
        assertThat(messages.deadLetters(RentalTopics.EVENTS, member)).isEmpty();
        assertThat(messages.eventsOf(member)).isEmpty();
        assertThat(points(member)).isEqualTo(100);
    }

    /** Publishes the fact as rental does, keyed by member id, with a new message id. */
    private UUID publish(RentalEvent fact) {
        return messages.send(RentalTopics.EVENTS, fact.memberId(), (Record) fact);
    }

    private List<MemberEvent> awaitEvents(String member, int count) {
        await().atMost(PUBLISHED).untilAsserted(() -> assertThat(messages.eventsOf(member)).hasSizeGreaterThanOrEqualTo(count));
        return messages.eventsOf(member);
    }

    private String lateFeeState(String rental) {
        return jdbc.sql("SELECT state FROM late_fee WHERE rental_id = :id").param("id", rental).query(String.class).single();
    }

    private long lateFeeRows(String rental) {
        return jdbc.sql("SELECT count(*) FROM late_fee WHERE rental_id = :id").param("id", rental).query(Long.class).single();
    }

    private static BookReturned returned(String rental, String member, int lateFee) {
        return new BookReturned(rental, member, 7L, 70L, DUE.plus(Duration.ofDays(lateFee / 5)), lateFee / 5, lateFee);
    }

    private static String newRental() {
        return UUID.randomUUID().toString();
    }
}
