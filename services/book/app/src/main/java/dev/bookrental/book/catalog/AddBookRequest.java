package dev.bookrental.book.catalog;

import java.util.List;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import io.swagger.v3.oas.annotations.media.Schema;

/** What a librarian sends to add a title. Unknown fields are rejected (400). */
public record AddBookRequest(
        @NotNull @ValidIsbn
        @Schema(description = "ISBN-10 or ISBN-13 with a valid check digit; hyphens and spaces are ignored",
                example = "978-0-441-56959-5") String isbn,
        @NotBlank @Size(max = 300) String title,
        @NotNull @Size(min = 1, max = 20) List<@NotBlank @Size(max = 200) String> authors,
        @Size(max = 200) String publisher,
        @Min(-3000) @Max(2100) Integer publishedYear) {
}
