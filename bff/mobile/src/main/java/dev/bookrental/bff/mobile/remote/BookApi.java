package dev.bookrental.bff.mobile.remote;

import java.util.List;

import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.service.annotation.GetExchange;

/**
 * The book service's public catalog (group {@code book}, {@code lb://book}). It is public, so no
 * token is sent: the catalog part of an answer does not depend on the caller.
 */
public interface BookApi {

    /** A page of the catalog in book's order (by title). */
    @GetExchange("/api/books")
    Page books(@RequestParam int page, @RequestParam int size);

    @GetExchange("/api/books/{id}")
    Book book(@PathVariable long id);

    record Page(List<Book> content, long totalElements) {
    }

    record Book(long id, String title, List<String> authors) {
    }
}
