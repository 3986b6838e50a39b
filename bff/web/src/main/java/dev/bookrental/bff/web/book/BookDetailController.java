package dev.bookrental.bff.web.book;

import jakarta.validation.constraints.Positive;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /bff/web/api/books/{bookId}}: a book's detail page as JSON, for anyone (a stranger gets
 * the public parts). Always 200 while the book exists or cannot be checked, even with parts missing
 * (marked in {@code parts}, {@code partial: true}); 404 problem when book says there is no such book.
 */
@RestController
class BookDetailController {

    private final BookDetails bookDetails;

    BookDetailController(BookDetails bookDetails) {
        this.bookDetails = bookDetails;
    }

    @GetMapping("/bff/web/api/books/{bookId}")
    BookDetail detail(@PathVariable @Positive long bookId) {
        return bookDetails.of(bookId);
    }
}
