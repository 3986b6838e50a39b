package dev.bookrental.bff.web.book;

import java.util.List;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.service.annotation.GetExchange;
import org.springframework.web.service.annotation.HttpExchange;

/** Book's part of a book's detail, through the gateway (group {@value BookDetailCalls#BOOK}): the title and its copies. */
@HttpExchange(accept = MediaType.APPLICATION_JSON_VALUE)
interface BookSource {

    @GetExchange("/api/books/{bookId}")
    Book book(@PathVariable long bookId);

    @GetExchange("/api/books/{bookId}/copies")
    List<Copy> copies(@PathVariable long bookId);

    /** A title of the catalog, as book answers it. */
    record Book(long id, String isbn, String title, List<String> authors, String publisher, Integer publishedYear) {
    }

    /** @param status AVAILABLE, RESERVED or RENTED */
    record Copy(long id, String status) {
    }
}
