package dev.bookrental.bff.mobile.remote;

import java.util.List;

import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.service.annotation.GetExchange;

/**
 * The read side's best-book ranking (group {@code rental-query}, {@code lb://rental-query}). It is
 * public, so no token is sent: the ranking does not depend on the caller.
 */
public interface RankingApi {

    /** The {@code limit} most rented books, most rented first. */
    @GetExchange("/api/best-books")
    List<RankedBook> bestBooks(@RequestParam int limit);

    /** @param rank 1 for the most rented */
    record RankedBook(int rank, long bookId, String title, int rentals) {
    }
}
