package dev.bookrental.book.catalog;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

import dev.bookrental.platform.web.ProblemTypes;

/** No book has the id asked for: answered as a 404 problem. */
class BookNotFoundException extends ErrorResponseException {

    static final java.net.URI TYPE = ProblemTypes.of("book-not-found");

    BookNotFoundException(long id) {
        super(HttpStatus.NOT_FOUND, problem(id), null);
    }

    private static ProblemDetail problem(long id) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, "No book has id " + id + ".");
        problem.setType(TYPE);
        problem.setTitle("Book not found");
        problem.setProperty("bookId", id);
        return problem;
    }
}
