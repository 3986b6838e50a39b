package dev.bookrental.member.profile;

/** A member's profile as the API shows it. */
public record Member(String id, String username, String displayName, int points) {
}
