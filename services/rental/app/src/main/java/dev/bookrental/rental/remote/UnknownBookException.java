package dev.bookrental.rental.remote;

import java.util.Map;

import org.springframework.http.HttpStatus;

import dev.bookrental.platform.web.ProblemException;

/** The book id names no book of the catalog. */
public class UnknownBookException extends ProblemException {

    public UnknownBookException(long bookId) {
        super(HttpStatus.NOT_FOUND, "book-not-found", "Book not found", "There is no book " + bookId + ".",
                Map.of("bookId", bookId));
    }
}
