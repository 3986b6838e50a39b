package dev.bookrental.member.api;

/** Facts the member service publishes on {@link MemberTopics#EVENTS}, keyed by member id. */
public sealed interface MemberEvent {

    String memberId();

    /** A profile was created for a new account, with the welcome bonus. */
    record MemberRegistered(String memberId, String username, int points) implements MemberEvent {
    }

    /** A member bought points. */
    record PointsToppedUp(String memberId, int amount, int balance) implements MemberEvent {
    }

    /**
     * The late fee of a returned rental was charged (choreography: it follows rental's
     * {@code BookReturned}, at once or after a top-up covered it).
     */
    record LateFeePaid(String memberId, String rentalId, int fee, int balance) implements MemberEvent {
    }

    /** The balance did not cover the late fee of a returned rental: it stays owed until a top-up covers it. */
    record LateFeeOutstanding(String memberId, String rentalId, int fee, int balance) implements MemberEvent {
    }
}
