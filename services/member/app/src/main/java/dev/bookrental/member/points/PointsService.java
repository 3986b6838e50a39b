package dev.bookrental.member.points;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.bookrental.member.api.MemberEvent.PointsToppedUp;
import dev.bookrental.member.api.MemberTopics;
import dev.bookrental.member.profile.MemberNotFoundException;
import dev.bookrental.member.profile.MemberRepository;
import dev.bookrental.platform.messaging.Outbox;

/**
 * Buying points: the movement, the balance and the published fact commit together, with the
 * payment of the late fees the new balance covers ({@link LateFees#payOutstanding}).
 */
@Service
class PointsService {

    private final PointsLedger ledger;
    private final MemberRepository members;
    private final Outbox outbox;
    private final LateFees lateFees;

    PointsService(PointsLedger ledger, MemberRepository members, Outbox outbox, LateFees lateFees) {
        this.ledger = ledger;
        this.members = members;
        this.outbox = outbox;
        this.lateFees = lateFees;
    }

    /** Adds the points and pays what they cover of the member's late fees; the balance after both. */
    @Transactional
    Balance topUp(String memberId, int amount) {
        if (members.findById(memberId).isEmpty()) {
            throw new MemberNotFoundException(memberId);
        }
        Balance balance = ledger.move(memberId, amount, "TOP_UP")
                .orElseThrow(() -> new BalanceLimitExceededException(PointsLedger.MAX_BALANCE));
        outbox.enqueue(MemberTopics.EVENTS, memberId, new PointsToppedUp(memberId, amount, balance.points()));
        return lateFees.payOutstanding(balance);
    }
}
