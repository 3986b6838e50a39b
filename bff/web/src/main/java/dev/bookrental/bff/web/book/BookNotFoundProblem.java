package dev.bookrental.bff.web.book;

import java.util.Map;

import org.springframework.http.HttpStatus;

import dev.bookrental.platform.web.ProblemException;

/** Book answered that it has no book of this id: the detail page has nothing to show (404, the type book uses too). */
public class BookNotFoundProblem extends ProblemException {

    BookNotFoundProblem(long bookId) {
        super(HttpStatus.NOT_FOUND, "book-not-found", "Book not found", "No book has the id " + bookId + ".",
                Map.of("bookId", bookId));
    }
}
