package dev.bookrental.member.points;

/** A member's balance after a movement. */
public record Balance(String memberId, int points) {
}
