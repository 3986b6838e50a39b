package dev.bookrental.book.copy;

/** A physical copy of a title and its state. */
public record Copy(long id, long bookId, Status status) {

    public enum Status {
        /** On the shelf: the rent saga may reserve it. */
        AVAILABLE,
        /**
         * Not used by the rent saga: book hears of nothing between a reservation and the loan, so
         * the copy it reserves is RENTED at once (see {@code dev.bookrental.book.hold.CopyHold}).
         */
        RESERVED,
        /** Out for a rental, from the saga's reservation until its compensation or the return. */
        RENTED
    }
}
