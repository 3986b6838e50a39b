package dev.bookrental.member.points;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import dev.bookrental.member.MemberServiceTest;
import dev.bookrental.member.api.MemberEvent;
import dev.bookrental.member.api.MemberEvent.LateFeeOutstanding;
import dev.bookrental.member.api.MemberEvent.LateFeePaid;
import dev.bookrental.member.api.MemberEvent.PointsToppedUp;

/** A top-up pays the member's outstanding late fees in its own transaction, oldest first. */
class TopUpPaysLateFeesTests extends MemberServiceTest {

    private static final Duration PUBLISHED = Duration.ofSeconds(30);

    @Autowired
    private PointsService points;
    @Autowired
    private LateFees lateFees;
    @Autowired
    private PlatformTransactionManager transactions;

    @Test
    void paysAnOutstandingFeeOnceATopUpCoversIt() {
        String member = newMember(20);
        String rental = newRental();
        lateFees.charge(rental, member, 30);

        assertThat(points.topUp(member, 5)).isEqualTo(new Balance(member, 25));
        assertThat(points.topUp(member, 10)).isEqualTo(new Balance(member, 5));

        assertThat(awaitEvents(member, 4)).containsExactly(new LateFeeOutstanding(member, rental, 30, 20),
                new PointsToppedUp(member, 5, 25), new PointsToppedUp(member, 10, 35), new LateFeePaid(member, rental, 30, 5));
        assertThat(movements(member)).extracting(Movement::reason)
                .containsExactly("TOP_UP", "TOP_UP", "TOP_UP", "LATE_FEE " + rental);
    }

    @Test
    void paysTheOldestFeeFirstAndNeverANewerOneBeforeIt() {
        String member = newMember(0);
        String older = newRental();
        String newer = newRental();
        lateFees.charge(older, member, 30);
        lateFees.charge(newer, member, 10);

        // 25 would cover the newer fee, but not the older one: nothing is paid.
        assertThat(points.topUp(member, 25)).isEqualTo(new Balance(member, 25));
        assertThat(points.topUp(member, 20)).isEqualTo(new Balance(member, 5));

        assertThat(awaitEvents(member, 6)).containsExactly(new LateFeeOutstanding(member, older, 30, 0),
                new LateFeeOutstanding(member, newer, 10, 0), new PointsToppedUp(member, 25, 25),
                new PointsToppedUp(member, 20, 45), new LateFeePaid(member, older, 30, 15), new LateFeePaid(member, newer, 10, 5));
    }

    @Test
    void aFeePaidAtTheReturnIsNotPaidAgainByATopUp() {
        String member = newMember(40);
        String paidAtOnce = newRental();
        lateFees.charge(paidAtOnce, member, 10);

        assertThat(points.topUp(member, 5)).isEqualTo(new Balance(member, 35));

        assertThat(movements(member)).extracting(Movement::reason).containsExactly("TOP_UP", "LATE_FEE " + paidAtOnce, "TOP_UP");
    }

    @Test
    void aTopUpWaitingForAFeeBeingRecordedAsOutstandingPaysIt() throws Exception {
        String member = newMember(10);
        String rental = newRental();
        CountDownLatch recorded = new CountDownLatch(1);
        CountDownLatch commit = new CountDownLatch(1);
        try (ExecutorService threads = Executors.newFixedThreadPool(2)) {
            Future<?> returnCharged = threads.submit(() -> new TransactionTemplate(transactions).executeWithoutResult(status -> {
                lateFees.charge(rental, member, 30); // outstanding, not yet committed
                recorded.countDown();
                awaitOrFail(commit);
            }));
            awaitOrFail(recorded);

            Future<Balance> topUp = threads.submit(() -> points.topUp(member, 50));
            // The top-up must wait for the member's row, held by the return's transaction...
            await().atMost(PUBLISHED).until(this::aTransactionWaitsForALock);
            commit.countDown();
            returnCharged.get(30, TimeUnit.SECONDS);

            // ...and so sees the fee when it goes on: nothing it covers stays owed.
            assertThat(topUp.get(30, TimeUnit.SECONDS)).isEqualTo(new Balance(member, 30));
        }
        assertThat(jdbc.sql("SELECT state FROM late_fee WHERE rental_id = :id").param("id", rental).query(String.class).single())
                .isEqualTo("PAID");
    }

    private boolean aTransactionWaitsForALock() {
        return jdbc.sql("SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock'").query(Long.class).single() > 0;
    }

    private List<MemberEvent> awaitEvents(String member, int count) {
        await().atMost(PUBLISHED).untilAsserted(() -> assertThat(messages.eventsOf(member)).hasSizeGreaterThanOrEqualTo(count));
        return messages.eventsOf(member);
    }

    private static void awaitOrFail(CountDownLatch latch) {
        try {
            assertThat(latch.await(30, TimeUnit.SECONDS)).isTrue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String newRental() {
        return UUID.randomUUID().toString();
    }
}
