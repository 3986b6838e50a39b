package dev.bookrental.book.catalog;

import java.net.URI;

import jakarta.validation.Valid;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import dev.bookrental.platform.openapi.BearerTokenOpenApi;

/** The catalog's write side, for librarians (see {@code BookAccess}): add a title. */
@RestController
@RequestMapping("/api/books")
@Tag(name = "catalog")
@SecurityRequirement(name = BearerTokenOpenApi.SCHEME)
class LibrarianController {

    private final CatalogService catalog;

    LibrarianController(CatalogService catalog) {
        this.catalog = catalog;
    }

    @PostMapping
    @Operation(summary = "Add a title (librarians only)")
    @ApiResponse(responseCode = "201", description = "Added; Location is the new book's URL")
    @ApiResponse(responseCode = "403", description = "The token is not a librarian's: forbidden")
    @ApiResponse(responseCode = "409", description = "A book with this ISBN is in the catalog already: isbn-already-in-catalog")
    ResponseEntity<Book> add(@Valid @RequestBody AddBookRequest request) {
        Book book = catalog.add(request);
        return ResponseEntity.created(URI.create("/api/books/" + book.id())).body(book);
    }
}
