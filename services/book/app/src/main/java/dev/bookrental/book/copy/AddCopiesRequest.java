package dev.bookrental.book.copy;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

/** How many copies of a title a librarian adds (one when the body is empty). */
record AddCopiesRequest(@Min(1) @Max(50) Integer count) {

    int countOrOne() {
        return count == null ? 1 : count;
    }
}
