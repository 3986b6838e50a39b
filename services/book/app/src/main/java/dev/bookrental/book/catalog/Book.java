package dev.bookrental.book.catalog;

import java.util.List;

/** A title in the catalog, as the public API shows it. */
public record Book(long id, String isbn, String title, List<String> authors, String publisher, Integer publishedYear) {
}
