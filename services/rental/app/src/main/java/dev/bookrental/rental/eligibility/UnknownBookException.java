package dev.bookrental.rental.eligibility;

import java.util.Map;

import org.springframework.http.HttpStatus;

import dev.bookrental.platform.web.ProblemException;

/** The book id names no book of the catalog. */
class UnknownBookException extends ProblemException {

    UnknownBookException(long bookId) {
        super(HttpStatus.NOT_FOUND, "book-not-found", "Book not found", "There is no book " + bookId + ".",
                Map.of("bookId", bookId));
    }
}
