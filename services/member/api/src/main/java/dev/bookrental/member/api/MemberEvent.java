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
}
