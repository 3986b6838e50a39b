package dev.bookrental.book.api;

/**
 * What the rent saga (rental) asks of book, on {@link BookTopics#COMMANDS} keyed by rental id, so
 * that the commands of one rental are handled in the order they were sent. Book answers each on
 * rental's saga-reply topic with a {@link BookReply}, also when it has answered the same rental
 * before (a command can be sent again): the answer is decided once per rental and repeated.
 */
public sealed interface BookCommand {

    String rentalId();

    /** Hold an available copy of the book for this rental: {@link BookReply.CopyReserved} or {@link BookReply.CopyUnavailable}. */
    record ReserveCopy(String rentalId, long bookId) implements BookCommand {
    }

    /**
     * Compensation: give back the copy held for this rental, if any: always {@link BookReply.CopyReleased}.
     * After it a {@code ReserveCopy} of the same rental is refused, so a command that arrives late
     * cannot hold a copy for a rental that has given up.
     */
    record ReleaseCopy(String rentalId) implements BookCommand {
    }
}
