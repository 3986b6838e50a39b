package dev.bookrental.book.api;

import java.util.List;

/**
 * Facts the book service publishes on {@link BookTopics#EVENTS}, keyed by book id. A sealed
 * family, so a consumer's {@code switch} over it is checked for completeness by the compiler.
 */
public sealed interface BookEvent {

    long bookId();

    /** A librarian added a title to the catalog. */
    record BookAdded(long bookId, String isbn, String title, List<String> authors, String publisher,
            Integer publishedYear) implements BookEvent {
    }

    /** A librarian added a physical copy of a title; it is available for rent. */
    record CopyAdded(long bookId, long copyId) implements BookEvent {
    }
}
