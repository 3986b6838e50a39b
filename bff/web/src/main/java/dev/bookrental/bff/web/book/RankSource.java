package dev.bookrental.bff.web.book;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.service.annotation.GetExchange;
import org.springframework.web.service.annotation.HttpExchange;

/** The read side's part of a book's detail, through the gateway (group {@value BookDetailCalls#RENTAL_QUERY}): its place in the ranking. */
@HttpExchange(accept = MediaType.APPLICATION_JSON_VALUE)
interface RankSource {

    @GetExchange("/api/best-books/{bookId}")
    Rank rank(@PathVariable long bookId);

    /** @param rank null when the book has never been rented */
    record Rank(Integer rank, int rentals) {
    }
}
