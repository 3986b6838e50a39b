package dev.bookrental.book.catalog;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

import dev.bookrental.platform.web.ProblemTypes;

/** A title with this ISBN is already in the catalog: answered as a 409 problem. */
class IsbnAlreadyInCatalogException extends ErrorResponseException {

    IsbnAlreadyInCatalogException(Isbn isbn) {
        super(HttpStatus.CONFLICT, problem(isbn), null);
    }

    private static ProblemDetail problem(Isbn isbn) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT,
                "A book with ISBN " + isbn.value() + " is already in the catalog.");
        problem.setType(ProblemTypes.of("isbn-already-in-catalog"));
        problem.setTitle("ISBN already in catalog");
        problem.setProperty("isbn", isbn.value());
        return problem;
    }
}
