package dev.bookrental.book.copy;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Positive;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import dev.bookrental.book.access.LibrarianAccess;

/** Copies of a title: librarians add them; anyone may see which are available. */
@RestController
@RequestMapping("/api/books/{bookId}/copies")
class CopyController {

    private final CopyService copies;

    CopyController(CopyService copies) {
        this.copies = copies;
    }

    @GetMapping
    List<Copy> list(@PathVariable @Positive long bookId) {
        return copies.of(bookId);
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    List<Copy> add(@PathVariable @Positive long bookId,
                   @RequestHeader(name = LibrarianAccess.ROLES_HEADER, required = false) String roles,
                   @Valid @RequestBody(required = false) AddCopiesRequest request) {
        LibrarianAccess.require(roles);
        return copies.add(bookId, request == null ? 1 : request.countOrOne());
    }
}
