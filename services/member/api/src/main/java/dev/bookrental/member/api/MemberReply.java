package dev.bookrental.member.api;

/** Member's answers to {@link MemberCommand}s, on rental's saga-reply topic keyed by rental id. */
public sealed interface MemberReply {

    String rentalId();

    /** The rent was charged. */
    record PointsCharged(String rentalId, String memberId, int amount, int balance) implements MemberReply {
    }

    /** The balance does not cover the rent (or the rental was refunded before its charge arrived); nothing was charged. */
    record PointsChargeRejected(String rentalId, String memberId, int amount, int balance) implements MemberReply {
    }

    /** Nothing is charged for the rental any more: {@code amount} points went back ({@code 0} if none had been charged). */
    record PointsRefunded(String rentalId, String memberId, int amount) implements MemberReply {
    }
}
