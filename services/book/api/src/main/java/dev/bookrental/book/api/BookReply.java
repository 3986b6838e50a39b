package dev.bookrental.book.api;

/** Book's answers to {@link BookCommand}s, on rental's saga-reply topic keyed by rental id. */
public sealed interface BookReply {

    String rentalId();

    /** A copy is held for the rental (status RENTED in book's catalog). */
    record CopyReserved(String rentalId, long bookId, long copyId) implements BookReply {
    }

    /** No copy of the book is available (or the rental was released before its reservation arrived). */
    record CopyUnavailable(String rentalId, long bookId) implements BookReply {
    }

    /** The rental holds no copy any more: the one it held, if any, is available again. */
    record CopyReleased(String rentalId) implements BookReply {
    }
}
