package dev.bookrental.book.catalog;

import java.util.Map;

import org.springframework.http.HttpStatus;

import dev.bookrental.platform.web.ProblemException;

/** A title with this ISBN is already in the catalog: a 409 problem. */
class IsbnAlreadyInCatalogException extends ProblemException {

    IsbnAlreadyInCatalogException(Isbn isbn) {
        super(HttpStatus.CONFLICT, "isbn-already-in-catalog", "ISBN already in catalog",
                "A book with ISBN " + isbn.value() + " is already in the catalog.", Map.of("isbn", isbn.value()));
    }
}
