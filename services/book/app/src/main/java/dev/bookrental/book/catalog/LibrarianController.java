package dev.bookrental.book.catalog;

import java.net.URI;

import jakarta.validation.Valid;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import dev.bookrental.book.access.LibrarianAccess;

/** The catalog's write side, for librarians: add a title. */
@RestController
@RequestMapping("/api/books")
class LibrarianController {

    private final CatalogService catalog;

    LibrarianController(CatalogService catalog) {
        this.catalog = catalog;
    }

    @PostMapping
    ResponseEntity<Book> add(@RequestHeader(name = LibrarianAccess.ROLES_HEADER, required = false) String roles,
                             @Valid @RequestBody AddBookRequest request) {
        LibrarianAccess.require(roles);
        Book book = catalog.add(request);
        return ResponseEntity.created(URI.create("/api/books/" + book.id())).body(book);
    }
}
