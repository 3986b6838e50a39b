package dev.bookrental.book.copy;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Positive;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import dev.bookrental.platform.openapi.BearerTokenOpenApi;

/** Copies of a title: librarians add them; anyone may see which are available (see {@code BookAccess}). */
@RestController
@RequestMapping("/api/books/{bookId}/copies")
@Tag(name = "copies")
class CopyController {

    private final CopyService copies;

    CopyController(CopyService copies) {
        this.copies = copies;
    }

    @GetMapping
    @Operation(summary = "The copies of a title and their state")
    @ApiResponse(responseCode = "200", description = "Every copy of the title, by id")
    @ApiResponse(responseCode = "404", description = "No book has this id: book-not-found")
    List<Copy> list(@PathVariable @Positive long bookId) {
        return copies.of(bookId);
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(operationId = "addCopies", summary = "Add copies of a title (librarians only); no body adds one")
    @SecurityRequirement(name = BearerTokenOpenApi.SCHEME)
    @ApiResponse(responseCode = "201", description = "The copies added")
    @ApiResponse(responseCode = "403", description = "The token is not a librarian's: forbidden")
    @ApiResponse(responseCode = "404", description = "No book has this id: book-not-found")
    List<Copy> add(@PathVariable @Positive long bookId, @Valid @RequestBody(required = false) AddCopiesRequest request) {
        return copies.add(bookId, request == null ? 1 : request.countOrOne());
    }
}
