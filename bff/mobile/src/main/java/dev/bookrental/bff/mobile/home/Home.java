package dev.bookrental.bff.mobile.home;

import java.time.Instant;
import java.util.List;

/**
 * A phone's home screen in one answer. A part whose source did not answer in time is null (or, for
 * a loan's title, the title is null) and named in {@code unavailable}: {@code member}, {@code card},
 * {@code catalog}, {@code titles}.
 *
 * <p>The catalog part is the first books of the catalog in book's own order (by title): book offers
 * no "newest first" order. The "5 best books" ranking comes with issue 7's read side
 * (rental-query's {@code GET /api/best-books?limit=5}) and will take this part's place.
 */
public record Home(Member member, Card card, Catalog catalog, List<String> unavailable) {

    public record Member(String displayName, int points) {
    }

    /** @param status ACTIVE or SUSPENDED */
    public record Card(String status, int loansLeft, int outstandingFees, List<Loan> loans) {
    }

    /** A book out on the card; {@code title} is null when book did not answer in time. */
    public record Loan(String rentalId, long bookId, String title, Instant dueAt, boolean overdue) {
    }

    public record Catalog(long totalBooks, List<Book> books) {
    }

    public record Book(long id, String title, List<String> authors) {
    }
}
