package dev.bookrental.book.copy;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

import dev.bookrental.platform.web.ProblemTypes;

/** Copies were asked for a book id the catalog does not have: a 404 problem. */
class NoSuchBookException extends ErrorResponseException {

    NoSuchBookException(long bookId) {
        super(HttpStatus.NOT_FOUND, problem(bookId), null);
    }

    private static ProblemDetail problem(long bookId) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, "No book has id " + bookId + ".");
        problem.setType(ProblemTypes.of("book-not-found"));
        problem.setTitle("Book not found");
        problem.setProperty("bookId", bookId);
        return problem;
    }
}
