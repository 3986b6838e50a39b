package dev.bookrental.query.ranking;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Positive;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/best-books?limit=} and {@code GET /api/best-books/{bookId}} (one book's place):
 * public, like the catalog they rank.
 */
@RestController
@Tag(name = "best books")
class BestBooksController {

    static final int MAX_LIMIT = 50;

    private final BestBooks bestBooks;

    BestBooksController(BestBooks bestBooks) {
        this.bestBooks = bestBooks;
    }

    @GetMapping("/api/best-books")
    @Operation(summary = "The most rented books, most rented first (ties: by title, then id)")
    @ApiResponse(responseCode = "200", description = "The ranking, from the read side (eventually consistent)")
    List<BestBooks.RankedBook> bestBooks(@RequestParam(defaultValue = "10") @Min(1) @Max(MAX_LIMIT)
            @Parameter(description = "How many books, 1 to 50") int limit) {
        return bestBooks.top(limit);
    }

    @GetMapping("/api/best-books/{bookId}")
    @Operation(summary = "Where one book stands in the ranking (rank null: never rented, so not ranked)")
    @ApiResponse(responseCode = "200", description = "The book's rank and rentals, from the read side (eventually consistent)")
    BookRank rankOf(@PathVariable @Positive @Parameter(description = "The book's id", example = "1") long bookId) {
        return bestBooks.rankOf(bookId)
                .map(ranked -> new BookRank(bookId, ranked.rank(), ranked.rentals()))
                .orElseGet(() -> new BookRank(bookId, null, 0));
    }

    /**
     * One book's place. A book never rented (or not yet known to the read side) is not ranked: 200
     * with {@code rank} null and no rentals rather than 404, because the read side cannot tell an
     * unknown book from one nobody has rented yet, and for a page both mean "not ranked".
     *
     * @param rank 1 for the most rented; null when not ranked
     */
    record BookRank(long bookId, Integer rank, int rentals) {
    }
}
