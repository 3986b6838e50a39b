package dev.bookrental.bff.mobile.home;

import java.time.Instant;
import java.util.List;

/**
 * A phone's home screen in one answer. A part whose source did not answer in time is null (or, for
 * a loan's title, the title is null) and named in {@code unavailable}: {@code member}, {@code card},
 * {@code bestBooks}, {@code titles}.
 */
public record Home(Member member, Card card, List<BestBook> bestBooks, List<String> unavailable) {

    public record Member(String displayName, int points) {
    }

    /** @param status ACTIVE or SUSPENDED */
    public record Card(String status, int loansLeft, int outstandingFees, List<Loan> loans) {
    }

    /** A book out on the card; {@code title} is null when book did not answer in time. */
    public record Loan(String rentalId, long bookId, String title, Instant dueAt, boolean overdue) {
    }

    /** One of the most rented books (the read side's ranking); {@code rank} 1 is the most rented. */
    public record BestBook(int rank, long bookId, String title, int rentals) {
    }
}
