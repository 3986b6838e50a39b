package dev.bookrental.member.points;

import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import dev.bookrental.member.api.MemberEvent.LateFeeOutstanding;
import dev.bookrental.member.api.MemberEvent.LateFeePaid;
import dev.bookrental.member.api.MemberTopics;
import dev.bookrental.platform.messaging.Outbox;

/**
 * Member's part of the return choreography: the late fee of a returned rental is charged when the
 * balance covers it ({@link LateFeePaid}), else it stays owed ({@link LateFeeOutstanding}) until a
 * top-up covers it. Each rental's fee is recorded once ({@link LateFeeRepository}); the record, the
 * ledger movement and the published fact commit together.
 */
@Service
public class LateFees {

    static final String LATE_FEE = "LATE_FEE ";

    private final LateFeeRepository fees;
    private final PointsLedger ledger;
    private final Outbox outbox;

    LateFees(LateFeeRepository fees, PointsLedger ledger, Outbox outbox) {
        this.fees = fees;
        this.ledger = ledger;
        this.outbox = outbox;
    }

    /** Charges the late fee of a returned rental, or records it as owed; once per rental. */
    @Transactional
    public void charge(String rentalId, String memberId, int fee) {
        if (fee <= 0) {
            throw new IllegalArgumentException("A late fee is positive: " + fee);
        }
        // Locked first, so that a top-up committing meanwhile either comes before (and this charge
        // sees its points) or after (and sees this fee outstanding): no fee is left owed unseen.
        Optional<Balance> member = ledger.lock(memberId);
        if (fees.exists(rentalId)) {
            return;
        }
        LateFee lateFee = new LateFee(rentalId, memberId, fee);
        Optional<Balance> paid = member.isPresent() ? ledger.move(memberId, -fee, LATE_FEE + rentalId) : Optional.empty();
        if (paid.isPresent()) {
            fees.insertPaid(lateFee);
            outbox.enqueue(MemberTopics.EVENTS, memberId, new LateFeePaid(memberId, rentalId, fee, paid.get().points()));
        } else {
            fees.insertOutstanding(lateFee);
            outbox.enqueue(MemberTopics.EVENTS, memberId,
                    new LateFeeOutstanding(memberId, rentalId, fee, member.map(Balance::points).orElse(0)));
        }
    }

    /**
     * Pays the member's outstanding fees from {@code balance}, oldest first, each one whole, and stops
     * at the first the balance does not cover (a newer fee is never paid before an older one).
     * Runs in the transaction that added the points, which holds the member's row.
     *
     * @return the balance after the fees paid
     */
    @Transactional(propagation = Propagation.MANDATORY)
    Balance payOutstanding(Balance balance) {
        Balance after = balance;
        for (LateFee owed : fees.outstandingForUpdate(balance.memberId())) {
            Optional<Balance> paid = ledger.move(owed.memberId(), -owed.fee(), LATE_FEE + owed.rentalId());
            if (paid.isEmpty()) {
                break;
            }
            after = paid.get();
            fees.markPaid(owed.rentalId());
            outbox.enqueue(MemberTopics.EVENTS, owed.memberId(),
                    new LateFeePaid(owed.memberId(), owed.rentalId(), owed.fee(), after.points()));
        }
        return after;
    }
}
