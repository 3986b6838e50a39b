package dev.bookrental.bff.mobile.remote;

import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.service.annotation.GetExchange;

/**
 * The book service's public catalog (group {@code book}, {@code lb://book}), for the titles of a
 * card's loans. It is public, so no token is sent.
 */
public interface BookApi {

    @GetExchange("/api/books/{id}")
    Book book(@PathVariable long id);

    /** The fields the home screen shows; others are ignored. */
    record Book(long id, String title) {
    }
}
