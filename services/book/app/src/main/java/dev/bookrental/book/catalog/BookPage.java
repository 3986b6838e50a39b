package dev.bookrental.book.catalog;

import java.util.List;

/** One page of a catalog search. */
public record BookPage(List<Book> content, int page, int size, long totalElements, long totalPages) {

    static BookPage of(List<Book> content, int page, int size, long totalElements) {
        return new BookPage(content, page, size, totalElements, (totalElements + size - 1) / size);
    }
}
