package dev.bookrental.book.catalog;

import java.util.List;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** What a librarian sends to add a title. Unknown fields are rejected (400). */
public record AddBookRequest(
        @NotNull @ValidIsbn String isbn,
        @NotBlank @Size(max = 300) String title,
        @NotEmpty @Size(max = 20) List<@NotBlank @Size(max = 200) String> authors,
        @Size(max = 200) String publisher,
        @Min(-3000) @Max(2100) Integer publishedYear) {
}
