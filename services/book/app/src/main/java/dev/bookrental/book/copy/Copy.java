package dev.bookrental.book.copy;

/** A physical copy of a title and its state. */
public record Copy(long id, long bookId, Status status) {

    public enum Status {
        AVAILABLE, RESERVED, RENTED
    }
}
