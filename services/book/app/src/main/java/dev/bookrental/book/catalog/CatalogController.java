package dev.bookrental.book.catalog;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The public catalog: search with paging, and one book by id. */
@RestController
@RequestMapping("/api/books")
@Tag(name = "catalog")
class CatalogController {

    static final int MAX_PAGE_SIZE = 100;

    private final CatalogRepository catalog;
    private final CatalogProperties properties;

    CatalogController(CatalogRepository catalog, CatalogProperties properties) {
        this.catalog = catalog;
        this.properties = properties;
    }

    @GetMapping
    @Operation(summary = "Search the catalog, a page at a time, ordered by title")
    BookPage search(@RequestParam(required = false) @Size(max = 200)
                    @Parameter(description = "Part of a title or an author's name, or an ISBN; none: every book") String q,
                    @RequestParam(defaultValue = "0") @Min(0) @Max(1_000_000) int page,
                    @RequestParam(required = false) @Min(1) @Max(MAX_PAGE_SIZE)
                    @Parameter(description = "Books per page; none: the catalog's default page size") Integer size) {
        return catalog.search(q, page, size == null ? properties.getDefaultPageSize() : size);
    }

    @GetMapping("/{id}")
    @Operation(summary = "One book by id")
    @ApiResponse(responseCode = "200", description = "The book")
    @ApiResponse(responseCode = "404", description = "No book has this id: book-not-found")
    Book byId(@PathVariable @Positive long id) {
        return catalog.findById(id).orElseThrow(() -> new BookNotFoundException(id));
    }
}
