package dev.bookrental.bff.web.book;

import java.util.List;
import java.util.Map;

/**
 * A book's detail page in one answer, composed from four services (API composition): the title
 * (book), its copies (book), its place in the best-book ranking (rental-query) and whether the
 * caller may rent it now (rental). Each part's outcome is in {@code parts}; a part that could not be
 * had is null. {@code partial} is true when a part is missing because its source failed or did not
 * answer in time. An answer without a part that is not the caller's to have is complete, and not
 * partial: a stranger's eligibility (SIGN_IN_REQUIRED), a librarian's (NOT_APPLICABLE).
 *
 * @param parts by part name ({@value #BOOK}, {@value #COPIES}, {@value #RANK}, {@value #ELIGIBILITY}):
 *              how each went
 */
public record BookDetail(long bookId, Book book, Copies copies, Rank rank, Eligibility eligibility,
                         Map<String, Part> parts, boolean partial) {

    public static final String BOOK = "book";
    public static final String COPIES = "copies";
    public static final String RANK = "rank";
    public static final String ELIGIBILITY = "eligibility";

    public record Book(String isbn, String title, List<String> authors, String publisher, Integer publishedYear) {
    }

    /** @param available copies on the shelf now, which a rent could get */
    public record Copies(int total, int available) {
    }

    /** @param rank 1 for the most rented book; null when the book has never been rented (not ranked) */
    public record Rank(Integer rank, int rentals) {
    }

    /** @param reasons rental's reasons against renting now; empty when {@code eligible} */
    public record Eligibility(boolean eligible, List<String> reasons) {
    }

    /** @param reason why the part is missing, for people; null when OK */
    public record Part(Status status, String reason) {

        static final Part OK = new Part(Status.OK, null);
    }

    public enum Status {
        /** The source answered in time. */
        OK,
        /** The source failed, or did not answer within the call timeout: the part is missing. */
        UNAVAILABLE,
        /** The part is about the caller's own card: only a signed-in member gets it. */
        SIGN_IN_REQUIRED,
        /** The source knows no such book (or, for eligibility, no such member yet). */
        NOT_FOUND,
        /**
         * The part does not apply to this caller, and nothing failed: eligibility is about a member's
         * rental card, and a signed-in person without the MEMBER role (a librarian) has none. Also what
         * a source's 403 means: the caller's token does not carry the role the part needs.
         */
        NOT_APPLICABLE
    }
}
