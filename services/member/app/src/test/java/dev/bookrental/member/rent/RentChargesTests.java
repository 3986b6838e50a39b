package dev.bookrental.member.rent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import dev.bookrental.member.MemberServiceTest;
import dev.bookrental.member.api.MemberCommand;
import dev.bookrental.member.api.MemberCommand.ChargePoints;
import dev.bookrental.member.api.MemberCommand.RefundPoints;
import dev.bookrental.member.api.MemberReply;
import dev.bookrental.member.api.MemberReply.PointsCharged;
import dev.bookrental.member.api.MemberReply.PointsChargeRejected;
import dev.bookrental.member.api.MemberReply.PointsRefunded;
import dev.bookrental.member.api.MemberTopics;
import dev.bookrental.member.points.PointsLedger;

/**
 * Member as a participant of the rent saga: commands in on {@code member.commands}, replies out on
 * {@code rental.saga-replies}, through a real broker into a real database.
 */
class RentChargesTests extends MemberServiceTest {

    private static final Duration ANSWERED = Duration.ofSeconds(30);
    private static final int RENT = 10;

    @Autowired
    private RentCharges charges;

    @Test
    void chargesTheRentWhenTheBalanceCoversIt() {
        String member = newMember(100);
        String rental = newRental();

        send(new ChargePoints(rental, member, RENT));

        assertThat(awaitReplies(rental, 1)).containsExactly(new PointsCharged(rental, member, RENT, 90));
        assertThat(points(member)).isEqualTo(90);
        assertThat(movements(member)).containsExactly(new Movement(100, "TOP_UP", 100), new Movement(-RENT, "RENT " + rental, 90));
    }

    @Test
    void refusesAChargeTheBalanceDoesNotCoverAndChargesNothing() {
        String member = newMember(RENT - 1);
        String rental = newRental();

        send(new ChargePoints(rental, member, RENT));

        assertThat(awaitReplies(rental, 1)).containsExactly(new PointsChargeRejected(rental, member, RENT, RENT - 1));
        assertThat(points(member)).isEqualTo(RENT - 1);
        assertThat(movements(member)).containsExactly(new Movement(RENT - 1, "TOP_UP", RENT - 1));
    }

    @Test
    void refusesAChargeForAnUnknownMember() {
        String unknown = "no-such-" + UUID.randomUUID();
        String rental = newRental();

        send(new ChargePoints(rental, unknown, RENT));

        assertThat(awaitReplies(rental, 1)).containsExactly(new PointsChargeRejected(rental, unknown, RENT, 0));
    }

    @Test
    void refusesANegativeAmountInsteadOfCreditingIt() {
        String member = newMember(100);
        String rental = newRental();

        send(new ChargePoints(rental, member, -RENT));

        assertThat(awaitReplies(rental, 1)).containsExactly(new PointsChargeRejected(rental, member, -RENT, 100));
        assertThat(points(member)).isEqualTo(100);
    }

    @Test
    void answersARepeatedChargeTheSameWayAndChargesOnce() {
        String member = newMember(100);
        String rental = newRental();

        send(new ChargePoints(rental, member, RENT));
        send(new ChargePoints(rental, member, RENT)); // re-sent by rental: a new message id

        PointsCharged charged = new PointsCharged(rental, member, RENT, 90);
        assertThat(awaitReplies(rental, 2)).containsExactly(charged, charged);
        assertThat(points(member)).isEqualTo(90);
        assertThat(movements(member)).filteredOn(movement -> movement.reason().startsWith("RENT")).hasSize(1);
    }

    @Test
    void repeatsARefusalEvenWhenTheBalanceCoversTheRentSince() {
        String member = newMember(5);
        String rental = newRental();
        send(new ChargePoints(rental, member, RENT));
        awaitReplies(rental, 1);
        addPoints(member, 100);

        send(new ChargePoints(rental, member, RENT));

        PointsChargeRejected rejected = new PointsChargeRejected(rental, member, RENT, 5);
        assertThat(awaitReplies(rental, 2)).containsExactly(rejected, rejected);
        assertThat(points(member)).isEqualTo(105);
    }

    @Test
    void appliesACommandDeliveredTwiceOnce() {
        String member = newMember(100);
        String rental = newRental();
        UUID id = UUID.randomUUID();

        messages.send(id, MemberTopics.COMMANDS, rental, new ChargePoints(rental, member, RENT));
        messages.send(id, MemberTopics.COMMANDS, rental, new ChargePoints(rental, member, RENT));
        send(new RefundPoints(rental, member)); // behind both on the rental's partition

        // The refund's reply comes after the answer to every earlier command of the rental: one charge only.
        assertThat(awaitReplies(rental, 2)).containsExactly(new PointsCharged(rental, member, RENT, 90),
                new PointsRefunded(rental, member, RENT));
        assertThat(sentReplies(rental)).isEqualTo(2);
    }

    @Test
    void refundGivesTheChargedPointsBackAndTheLedgerShowsBoth() {
        String member = newMember(100);
        String rental = newRental();

        send(new ChargePoints(rental, member, RENT));
        send(new RefundPoints(rental, member));

        assertThat(awaitReplies(rental, 2)).containsExactly(new PointsCharged(rental, member, RENT, 90),
                new PointsRefunded(rental, member, RENT));
        assertThat(points(member)).isEqualTo(100);
        assertThat(movements(member)).containsExactly(new Movement(100, "TOP_UP", 100),
                new Movement(-RENT, "RENT " + rental, 90), new Movement(RENT, "RENT_REFUND " + rental, 100));
    }

    @Test
    void refundTwiceGivesThePointsBackOnceAndAnswersTheSame() {
        String member = newMember(100);
        String rental = newRental();

        send(new ChargePoints(rental, member, RENT));
        send(new RefundPoints(rental, member));
        send(new RefundPoints(rental, member));

        PointsRefunded refunded = new PointsRefunded(rental, member, RENT);
        assertThat(awaitReplies(rental, 3)).containsExactly(new PointsCharged(rental, member, RENT, 90), refunded, refunded);
        assertThat(points(member)).isEqualTo(100);
        assertThat(movements(member)).filteredOn(movement -> movement.reason().equals("RENT_REFUND " + rental)).hasSize(1);
    }

    @Test
    void refundBeforeTheChargeLeavesATombstoneThatRefusesTheCharge() {
        String member = newMember(100);
        String rental = newRental();

        send(new RefundPoints(rental, member));
        send(new ChargePoints(rental, member, RENT));
        send(new RefundPoints(rental, member));

        PointsRefunded nothing = new PointsRefunded(rental, member, 0);
        assertThat(awaitReplies(rental, 3)).containsExactly(nothing, new PointsChargeRejected(rental, member, RENT, 100),
                nothing);
        assertThat(points(member)).isEqualTo(100);
        assertThat(movements(member)).containsExactly(new Movement(100, "TOP_UP", 100));
    }

    @Test
    void refundOfARefusedChargeGivesNothingBack() {
        String member = newMember(5);
        String rental = newRental();

        send(new ChargePoints(rental, member, RENT));
        send(new RefundPoints(rental, member));

        assertThat(awaitReplies(rental, 2)).containsExactly(new PointsChargeRejected(rental, member, RENT, 5),
                new PointsRefunded(rental, member, 0));
        assertThat(points(member)).isEqualTo(5);
    }

    @Test
    void refundOfAnUnknownMemberIsAcknowledged() {
        String unknown = "no-such-" + UUID.randomUUID();
        String rental = newRental();

        send(new RefundPoints(rental, unknown));

        assertThat(awaitReplies(rental, 1)).containsExactly(new PointsRefunded(rental, unknown, 0));
    }

    @Test
    void refundIsNotRefusedByTheBalanceLimit() {
        String member = newMember(100);
        String rental = newRental();
        send(new ChargePoints(rental, member, RENT));
        awaitReplies(rental, 1);
        addPoints(member, PointsLedger.MAX_BALANCE - 90); // the balance is at its limit now

        send(new RefundPoints(rental, member));

        assertThat(awaitReplies(rental, 2)).last().isEqualTo(new PointsRefunded(rental, member, RENT));
        assertThat(points(member)).isEqualTo(PointsLedger.MAX_BALANCE + RENT);
    }

    @Test
    void deadLettersACommandWithoutMemberIdAndDecidesNothing() {
        String member = newMember(100);
        String rental = newRental();

        send(new ChargePoints(rental, null, RENT));

        await().atMost(ANSWERED).untilAsserted(() -> assertThat(messages.deadLetters(MemberTopics.COMMANDS, rental)).hasSize(1));
        send(new ChargePoints(rental, member, RENT));
        assertThat(awaitReplies(rental, 1)).containsExactly(new PointsCharged(rental, member, RENT, 90));
    }

    @Test
    void concurrentChargesForDifferentRentalsOfOneMemberNeverOverdraw() throws Exception {
        String member = newMember(55);
        List<Callable<MemberReply>> rentals = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            ChargePoints charge = new ChargePoints(newRental(), member, RENT);
            rentals.add(() -> charges.charge(charge));
        }

        List<MemberReply> replies = all(rentals);

        assertThat(replies).filteredOn(PointsCharged.class::isInstance).hasSize(5);
        assertThat(replies).filteredOn(PointsChargeRejected.class::isInstance).hasSize(15);
        assertThat(points(member)).isEqualTo(5);
        assertThat(movements(member)).extracting(Movement::balanceAfter).containsExactly(55, 45, 35, 25, 15, 5);
    }

    @Test
    void concurrentChargesOfOneRentalChargeOnceAndAnswerAlike() throws Exception {
        String member = newMember(100);
        ChargePoints charge = new ChargePoints(newRental(), member, RENT);
        List<Callable<MemberReply>> copies = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            copies.add(() -> charges.charge(charge));
        }

        List<MemberReply> replies = all(copies);

        assertThat(replies).containsOnly(new PointsCharged(charge.rentalId(), member, RENT, 90));
        assertThat(points(member)).isEqualTo(90);
    }

    /** Sends the command as rental does, keyed by its rental id, with a new message id. */
    private void send(MemberCommand command) {
        messages.send(MemberTopics.COMMANDS, command.rentalId(), (Record) command);
    }

    private List<MemberReply> awaitReplies(String rental, int count) {
        await().atMost(ANSWERED).untilAsserted(() -> assertThat(messages.repliesTo(rental)).hasSizeGreaterThanOrEqualTo(count));
        return messages.repliesTo(rental);
    }

    /** Replies written to the outbox for the rental, published or not. */
    private long sentReplies(String rental) {
        return jdbc.sql("SELECT count(*) FROM outbox_message WHERE message_key = :rental").param("rental", rental)
                .query(Long.class).single();
    }

    private static String newRental() {
        return UUID.randomUUID().toString();
    }

    /** Runs the tasks at once, as far as the threads allow, and waits for every answer. */
    private static List<MemberReply> all(List<Callable<MemberReply>> tasks) throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        try (ExecutorService threads = Executors.newFixedThreadPool(8)) {
            List<Future<MemberReply>> answers = new ArrayList<>();
            for (Callable<MemberReply> task : tasks) {
                answers.add(threads.submit(() -> {
                    start.await();
                    return task.call();
                }));
            }
            start.countDown();
            List<MemberReply> replies = new ArrayList<>();
            for (Future<MemberReply> answer : answers) {
                replies.add(answer.get());
            }
            return replies;
        }
    }
}
