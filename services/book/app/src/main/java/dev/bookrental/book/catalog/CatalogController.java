package dev.bookrental.book.catalog;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The public catalog: search with paging, and one book by id. */
@RestController
@RequestMapping("/api/books")
class CatalogController {

    static final int MAX_PAGE_SIZE = 100;

    private final CatalogRepository catalog;
    private final CatalogProperties properties;

    CatalogController(CatalogRepository catalog, CatalogProperties properties) {
        this.catalog = catalog;
        this.properties = properties;
    }

    @GetMapping
    BookPage search(@RequestParam(required = false) @Size(max = 200) String q,
                    @RequestParam(defaultValue = "0") @Min(0) @Max(1_000_000) int page,
                    @RequestParam(required = false) @Min(1) @Max(MAX_PAGE_SIZE) Integer size) {
        return catalog.search(q, page, size == null ? properties.getDefaultPageSize() : size);
    }

    @GetMapping("/{id}")
    Book byId(@PathVariable @Positive long id) {
        return catalog.findById(id).orElseThrow(() -> new BookNotFoundException(id));
    }
}
