package dev.bookrental.query.ranking;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/best-books?limit=}: public, like the catalog it ranks. */
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
}
