package dev.bookrental.book.catalog;

import java.util.Map;

import org.springframework.http.HttpStatus;

import dev.bookrental.platform.web.ProblemException;

/** No book has the id asked for: a 404 problem. */
public class BookNotFoundException extends ProblemException {

    public BookNotFoundException(long id) {
        super(HttpStatus.NOT_FOUND, "book-not-found", "Book not found", "No book has id " + id + ".", Map.of("bookId", id));
    }
}
