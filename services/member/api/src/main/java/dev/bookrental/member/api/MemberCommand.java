package dev.bookrental.member.api;

/**
 * What the rent saga (rental) asks of member, on {@link MemberTopics#COMMANDS} keyed by rental id.
 * Member answers each on rental's saga-reply topic with a {@link MemberReply}, also when it has
 * answered the same rental before: the outcome is decided once per rental and repeated.
 */
public sealed interface MemberCommand {

    String rentalId();

    /** Charge the rent: {@link MemberReply.PointsCharged} or {@link MemberReply.PointsChargeRejected}. */
    record ChargePoints(String rentalId, String memberId, int amount) implements MemberCommand {
    }

    /**
     * Compensation: give back what was charged for this rental, if anything: always
     * {@link MemberReply.PointsRefunded}. After it a {@code ChargePoints} of the same rental is refused.
     */
    record RefundPoints(String rentalId, String memberId) implements MemberCommand {
    }
}
