package dev.bookrental.member.rent;

import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.bookrental.member.api.MemberCommand.ChargePoints;
import dev.bookrental.member.api.MemberCommand.RefundPoints;
import dev.bookrental.member.api.MemberReply;
import dev.bookrental.member.api.MemberReply.PointsCharged;
import dev.bookrental.member.api.MemberReply.PointsChargeRejected;
import dev.bookrental.member.api.MemberReply.PointsRefunded;
import dev.bookrental.member.points.Balance;
import dev.bookrental.member.points.PointsLedger;
import dev.bookrental.member.rent.RentCharge.State;
import dev.bookrental.platform.messaging.Outbox;
import dev.bookrental.rental.api.RentalTopics;

/**
 * Saga participant: member's step of rental's rent saga, charging the rent and, as its
 * compensation, giving it back. Each rental's charge is decided once and stored
 * ({@link RentChargeRepository}); a command that comes again (rental re-sends until it has an
 * answer) is answered the same way and changes nothing. A refund is never refused: before the
 * charge it leaves a tombstone that refuses the charge when it comes. The decision, the ledger
 * movement and the reply (outbox, keyed by rental id) commit together.
 */
@Service
class RentCharges {

    static final String RENT = "RENT ";
    static final String RENT_REFUND = "RENT_REFUND ";

    private final RentChargeRepository charges;
    private final PointsLedger ledger;
    private final Outbox outbox;

    RentCharges(RentChargeRepository charges, PointsLedger ledger, Outbox outbox) {
        this.charges = charges;
        this.ledger = ledger;
        this.outbox = outbox;
    }

    /** Charges the rent if the balance covers it: {@link PointsCharged}, else {@link PointsChargeRejected}. */
    @Transactional
    MemberReply charge(ChargePoints command) {
        // The member's row first, then the rental's: one member's decisions are taken one at a time.
        Optional<Balance> member = ledger.lock(command.memberId());
        MemberReply reply = charges.findForUpdate(command.rentalId())
                .map(decided -> decided.answerToCharge(command.amount()))
                .orElseGet(() -> decide(command, member));
        return send(reply);
    }

    /** Gives back what was charged for the rental, if anything: always {@link PointsRefunded}. */
    @Transactional
    PointsRefunded refund(RefundPoints command) {
        Optional<Balance> member = ledger.lock(command.memberId());
        PointsRefunded reply = charges.findForUpdate(command.rentalId())
                .map(decided -> decided.state() == State.CHARGED ? giveBack(decided) : decided.answerToRefund())
                .orElseGet(() -> tombstone(command, member));
        return send(reply);
    }

    private MemberReply decide(ChargePoints command, Optional<Balance> member) {
        Optional<Balance> charged = member.isPresent() && command.amount() > 0
                ? ledger.move(command.memberId(), -command.amount(), RENT + command.rentalId())
                : Optional.empty();
        RentCharge decision = charged
                .map(after -> new RentCharge(command.rentalId(), command.memberId(), command.amount(), after.points(),
                        State.CHARGED))
                .orElseGet(() -> new RentCharge(command.rentalId(), command.memberId(), command.amount(),
                        member.map(Balance::points).orElse(0), State.REJECTED));
        charges.insert(decision);
        return decision.answerToCharge(command.amount());
    }

    private PointsRefunded giveBack(RentCharge charged) {
        Balance after = ledger.giveBack(charged.memberId(), charged.amount(), RENT_REFUND + charged.rentalId())
                .orElseThrow(() -> new IllegalStateException("Member " + charged.memberId() + " of charged rental "
                        + charged.rentalId() + " no longer exists"));
        charges.markRefunded(charged.rentalId(), after.points());
        return new PointsRefunded(charged.rentalId(), charged.memberId(), charged.amount());
    }

    private PointsRefunded tombstone(RefundPoints command, Optional<Balance> member) {
        RentCharge nothingCharged = new RentCharge(command.rentalId(), command.memberId(), 0,
                member.map(Balance::points).orElse(0), State.REFUNDED);
        charges.insert(nothingCharged);
        return nothingCharged.answerToRefund();
    }

    private <R extends MemberReply> R send(R reply) {
        // Every MemberReply is a record (the sealed family permits records only).
        outbox.enqueue(RentalTopics.SAGA_REPLIES, reply.rentalId(), (Record) reply);
        return reply;
    }
}
