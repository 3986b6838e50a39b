package dev.bookrental.bff.web.book;

import java.util.List;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.service.annotation.GetExchange;
import org.springframework.web.service.annotation.HttpExchange;

/**
 * The four sources of a book's detail page, all behind the gateway (group {@code book-detail},
 * config/bff-web.yml): book answers the title and its copies, rental-query the book's place in the
 * ranking, rental whether the caller may rent it. Unlike {@code GatewayApi} this group has no
 * interceptor adding the session's token: the public reads go without one, and the caller's token
 * is passed explicitly to the one call that needs it, so the calls can run on other threads than the
 * request's (see {@link SessionAccessToken}).
 */
@HttpExchange(accept = MediaType.APPLICATION_JSON_VALUE)
interface BookDetailSources {

    @GetExchange("/api/books/{bookId}")
    Book book(@PathVariable long bookId);

    @GetExchange("/api/books/{bookId}/copies")
    List<Copy> copies(@PathVariable long bookId);

    @GetExchange("/api/best-books/{bookId}")
    Rank rank(@PathVariable long bookId);

    @GetExchange("/api/rental-card/eligibility")
    Verdict eligibility(@RequestHeader(HttpHeaders.AUTHORIZATION) String bearerToken, @RequestParam long bookId);

    /** A title of the catalog, as book answers it. */
    record Book(long id, String isbn, String title, List<String> authors, String publisher, Integer publishedYear) {
    }

    /** @param status AVAILABLE, RESERVED or RENTED */
    record Copy(long id, String status) {
    }

    /** @param rank null when the book has never been rented */
    record Rank(Integer rank, int rentals) {
    }

    /** @param reasons rental's reasons against renting now (CARD_SUSPENDED, NO_COPY_AVAILABLE, ...) */
    record Verdict(boolean eligible, List<String> reasons) {
    }
}
