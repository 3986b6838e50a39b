package dev.bookrental.rental.saga;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

import dev.bookrental.book.api.BookReply;
import dev.bookrental.book.api.BookReply.CopyReleased;
import dev.bookrental.book.api.BookReply.CopyReserved;
import dev.bookrental.book.api.BookReply.CopyUnavailable;
import dev.bookrental.member.api.MemberReply;
import dev.bookrental.member.api.MemberReply.PointsChargeRejected;
import dev.bookrental.member.api.MemberReply.PointsCharged;
import dev.bookrental.member.api.MemberReply.PointsRefunded;
import dev.bookrental.platform.messaging.MessagingAutoConfiguration;
import dev.bookrental.platform.messaging.Outbox;
import dev.bookrental.platform.messaging.TraceContext;
import dev.bookrental.platform.testsupport.MigratedPostgres;
import dev.bookrental.rental.api.RentalEvent.RejectionReason;
import dev.bookrental.rental.card.EventMetadata;
import dev.bookrental.rental.card.RentalCard;
import dev.bookrental.rental.card.RentalCards;
import dev.bookrental.rental.card.RentalProperties;
import dev.bookrental.rental.card.TestProperties;

/**
 * The orchestrator against a real PostgreSQL (rental's migrations and the outbox): each reply moves
 * the saga by one step, sends the next command or compensation through the outbox and ends with
 * the card's event; duplicates and late replies change nothing; deadlines compensate, and
 * compensations are sent again until acknowledged.
 */
class RentSagaTests {

    @RegisterExtension
    static final MigratedPostgres database = new MigratedPostgres("classpath:db/migration", MessagingAutoConfiguration.MIGRATIONS);

    private static final RentalProperties PROPERTIES = TestProperties.of(5, 0);
    private static final EventMetadata METADATA = EventMetadata.causedBy("test", "correlation", null);

    private static JdbcClient jdbc;
    private static TransactionTemplate transactions;
    private static RentalCards cards;
    private static Rentals rentals;
    private static final MovableClock clock = new MovableClock(Instant.parse("2026-11-26T10:00:00Z"));
    private static final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private static RentSaga saga;

    private String member;

    @BeforeAll
    static void useDatabase() {
        jdbc = database.jdbc();
        transactions = new TransactionTemplate(new JdbcTransactionManager(database.dataSource()));
        JsonMapper json = JsonMapper.builder().build();
        Outbox outbox = new Outbox(jdbc, json, TraceContext.NONE);
        cards = RentalCards.create(jdbc, json, outbox, PROPERTIES);
        rentals = new Rentals(jdbc);
        saga = new RentSaga(rentals, cards, outbox, PROPERTIES, clock, new SagaMetrics(meters, clock));
    }

    @BeforeEach
    void newMember() {
        member = "member-" + UUID.randomUUID();
    }

    @Test
    void happyPathReservesChargesAndRents() {
        Rental rental = start(7);
        assertThat(commands(rental)).containsExactly("ReserveCopy");

        reply(new CopyReserved(id(rental), 7, 70));
        assertThat(rentals.find(rental.rentalId()).orElseThrow().step()).isEqualTo(Rental.Step.CHARGE_POINTS);
        assertThat(commands(rental)).containsExactly("ReserveCopy", "ChargePoints");

        reply(new PointsCharged(id(rental), member, 10, 90));

        Rental rented = rentals.find(rental.rentalId()).orElseThrow();
        assertThat(rented.status()).isEqualTo(Rental.Status.RENTED);
        assertThat(rented.copyId()).isEqualTo(70);
        assertThat(rented.dueAt()).isEqualTo(clock.instant().plus(PROPERTIES.loanPeriod()));
        assertThat(card().loans()).extracting(RentalCard.Loan::copyId).containsExactly(70L);
        assertThat(card().pending()).isEmpty();
        assertThat(facts()).containsExactly("RentRequested", "BookRented");
    }

    @Test
    void noCopyRejectsAtOnceWithNothingToCompensate() {
        Rental rental = start(7);

        reply(new CopyUnavailable(id(rental), 7));

        assertRejected(rental, RejectionReason.NO_COPY_AVAILABLE);
        assertThat(commands(rental)).containsExactly("ReserveCopy");
    }

    @Test
    void noPointsReleasesTheCopyAndRejectsOnceItIsReleased() {
        Rental rental = start(7);
        reply(new CopyReserved(id(rental), 7, 70));

        reply(new PointsChargeRejected(id(rental), member, 10, 3));

        assertThat(rentals.find(rental.rentalId()).orElseThrow().status()).as("pending until compensated").isEqualTo(Rental.Status.PENDING);
        assertThat(commands(rental)).containsExactly("ReserveCopy", "ChargePoints", "ReleaseCopy");

        reply(new CopyReleased(id(rental)));

        assertRejected(rental, RejectionReason.INSUFFICIENT_POINTS);
    }

    @Test
    void duplicateAndLateRepliesChangeNothing() {
        Rental rental = start(7);
        reply(new CopyReserved(id(rental), 7, 70));
        reply(new CopyReserved(id(rental), 7, 71)); // the same answer again, or a different copy: too late either way
        reply(new PointsCharged(id(rental), member, 10, 90));
        reply(new PointsCharged(id(rental), member, 10, 80));
        reply(new PointsChargeRejected(id(rental), member, 10, 0));

        Rental rented = rentals.find(rental.rentalId()).orElseThrow();
        assertThat(rented.status()).isEqualTo(Rental.Status.RENTED);
        assertThat(rented.copyId()).isEqualTo(70);
        assertThat(commands(rental)).containsExactly("ReserveCopy", "ChargePoints");
        assertThat(facts()).containsExactly("RentRequested", "BookRented");
    }

    @Test
    void aStepWithoutReplyIsCompensatedAfterItsDeadlineAndCompensationsAreSentUntilAcknowledged() {
        Rental rental = start(7);
        reply(new CopyReserved(id(rental), 7, 70));

        passDeadlines(PROPERTIES.saga().stepTimeout()); // member never answers the charge
        assertThat(commands(rental)).containsExactly("ReserveCopy", "ChargePoints", "ReleaseCopy", "RefundPoints");

        passDeadlines(Duration.ofSeconds(1)); // nobody acknowledges: sent again after 1 s, then 2 s, then 4 s
        passDeadlines(Duration.ofSeconds(2));
        passDeadlines(Duration.ofSeconds(1));
        assertThat(commands(rental)).as("4 s not yet over").hasSize(2 + 2 * 3);
        passDeadlines(Duration.ofSeconds(3));
        assertThat(commands(rental)).hasSize(2 + 2 * 4);

        reply(new PointsCharged(id(rental), member, 10, 90)); // late: the refund covers it
        reply(new CopyReleased(id(rental)));
        assertThat(rentals.find(rental.rentalId()).orElseThrow().status()).isEqualTo(Rental.Status.PENDING);
        reply(new PointsRefunded(id(rental), member, 10));

        assertRejected(rental, RejectionReason.TIMED_OUT);
        passDeadlines(Duration.ofMinutes(5));
        assertThat(commands(rental)).as("nothing more once acknowledged").hasSize(2 + 2 * 4);
    }

    @Test
    void theBackoffStopsGrowingAtItsMaximum() {
        Rental rental = start(7);
        passDeadlines(PROPERTIES.saga().stepTimeout());
        for (int i = 0; i < 8; i++) {
            passDeadlines(PROPERTIES.saga().retryMax());
        }

        Rental compensating = rentals.find(rental.rentalId()).orElseThrow();
        assertThat(compensating.attempts()).isEqualTo(9);
        assertThat(compensating.deadline()).isEqualTo(clock.instant().plus(PROPERTIES.saga().retryMax()));
    }

    @Test
    void countsEachSagaOnceByOutcomeAndReasonWithTheTimeFromRequestToEnd() {
        double started = meters.counter(SagaMetrics.STARTED).count();
        long rented = ended("RENTED", SagaMetrics.NO_REASON);
        long noCopy = ended("REJECTED", "NO_COPY_AVAILABLE");
        double noCopySeconds = timer("REJECTED", "NO_COPY_AVAILABLE") == null ? 0
                : timer("REJECTED", "NO_COPY_AVAILABLE").totalTime(TimeUnit.SECONDS);

        Rental rental = start(7);
        clock.advance(Duration.ofSeconds(3));
        reply(new CopyUnavailable(id(rental), 7));
        reply(new CopyUnavailable(id(rental), 7)); // a duplicate ends nothing again
        Rental happy = start(8);
        reply(new CopyReserved(id(happy), 8, 80));
        reply(new PointsCharged(id(happy), member, 10, 90));
        try {
            transactions.executeWithoutResult(status -> {
                saga.start(UUID.randomUUID(), member, 9);
                throw new IllegalStateException("rolled back");
            });
        } catch (IllegalStateException rolledBack) {
            // a saga whose start did not commit was never started
        }

        assertThat(meters.counter(SagaMetrics.STARTED).count()).isEqualTo(started + 2);
        assertThat(ended("REJECTED", "NO_COPY_AVAILABLE")).isEqualTo(noCopy + 1);
        assertThat(timer("REJECTED", "NO_COPY_AVAILABLE").totalTime(TimeUnit.SECONDS))
                .isEqualTo(noCopySeconds + 3);
        assertThat(ended("RENTED", SagaMetrics.NO_REASON)).isEqualTo(rented + 1);
    }

    private static Timer timer(String outcome, String reason) {
        return meters.find(SagaMetrics.ENDED).tags("outcome", outcome, "reason", reason).timer();
    }

    private static long ended(String outcome, String reason) {
        Timer timer = timer(outcome, reason);
        return timer == null ? 0 : timer.count();
    }

    private Rental start(long bookId) {
        UUID rentalId = UUID.randomUUID();
        return transactions.execute(status -> {
            RentalCard card = cards.of(member);
            cards.append(card, List.of(card.requestRent(rentalId.toString(), bookId, PROPERTIES.cardRules())), METADATA);
            return saga.start(rentalId, member, bookId);
        });
    }

    private void reply(Record reply) {
        transactions.executeWithoutResult(status -> {
            switch (reply) {
                case BookReply book -> saga.on(book, METADATA);
                case MemberReply memberReply -> saga.on(memberReply, METADATA);
                default -> throw new IllegalArgumentException(reply.toString());
            }
        });
    }

    private void passDeadlines(Duration time) {
        clock.advance(time);
        transactions.executeWithoutResult(status -> rentals.lockPastDeadline(clock.instant(), 1000).stream()
                .filter(rental -> rental.memberId().equals(member)).forEach(saga::pastDeadline));
    }

    private void assertRejected(Rental rental, RejectionReason reason) {
        Rental rejected = rentals.find(rental.rentalId()).orElseThrow();
        assertThat(rejected.status()).isEqualTo(Rental.Status.REJECTED);
        assertThat(rejected.rejection()).isEqualTo(reason);
        assertThat(rejected.step()).isEqualTo(Rental.Step.DONE);
        assertThat(card().pending()).isEmpty();
        assertThat(card().loans()).isEmpty();
        assertThat(facts()).containsExactly("RentRequested", "RentRejected");
    }

    private RentalCard card() {
        return cards.of(member);
    }

    /** The commands queued for the participants about this rental, in order. */
    private List<String> commands(Rental rental) {
        return jdbc.sql("SELECT message_type FROM outbox_message WHERE message_key = :rental ORDER BY position")
                .param("rental", id(rental)).query(String.class).list();
    }

    /** The card's facts queued for rental.events, in order. */
    private List<String> facts() {
        return jdbc.sql("SELECT message_type FROM outbox_message WHERE message_key = :member ORDER BY position")
                .param("member", member).query(String.class).list();
    }

    private static String id(Rental rental) {
        return rental.rentalId().toString();
    }

    /** A clock the test moves on. */
    static final class MovableClock extends Clock {

        private Instant now;

        MovableClock(Instant start) {
            this.now = start;
        }

        void advance(Duration time) {
            now = now.plus(time);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneId.of("UTC");
        }

        @Override
        public Clock withZone(ZoneId zone) {
            throw new UnsupportedOperationException();
        }
    }
}
