package dev.bookrental.member.rent;

import dev.bookrental.member.api.MemberReply;
import dev.bookrental.member.api.MemberReply.PointsCharged;
import dev.bookrental.member.api.MemberReply.PointsChargeRejected;
import dev.bookrental.member.api.MemberReply.PointsRefunded;

/**
 * What member decided about one rental's rent, and so how it answers the saga's commands about it,
 * as often as they come.
 *
 * @param amount  points taken (CHARGED), asked for and refused (REJECTED), given back (REFUNDED; 0 when none had been taken)
 * @param balance the member's balance right after the last decision
 */
record RentCharge(String rentalId, String memberId, int amount, int balance, State state) {

    enum State {
        CHARGED, REJECTED, REFUNDED
    }

    /** The answer to a ChargePoints of this rental: what was decided; after a refund, a refusal. */
    MemberReply answerToCharge(int requested) {
        return switch (state) {
            case CHARGED -> new PointsCharged(rentalId, memberId, amount, balance);
            case REJECTED -> new PointsChargeRejected(rentalId, memberId, amount, balance);
            case REFUNDED -> new PointsChargeRejected(rentalId, memberId, requested, balance);
        };
    }

    /** The answer to a RefundPoints of this rental once nothing is charged any more. */
    PointsRefunded answerToRefund() {
        if (state == State.CHARGED) {
            throw new IllegalStateException("Rental " + rentalId + " is still charged: give the points back first");
        }
        return new PointsRefunded(rentalId, memberId, state == State.REFUNDED ? amount : 0);
    }
}
