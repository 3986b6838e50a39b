package dev.bookrental.rental.card;

/** The card's rules refuse a rent; nothing was appended. */
public class RentRefusedException extends RuntimeException {

    private final Reason reason;
    private final long bookId;

    public RentRefusedException(Reason reason, long bookId) {
        super("Rent of book " + bookId + " refused: " + reason);
        this.reason = reason;
        this.bookId = bookId;
    }

    public Reason reason() {
        return reason;
    }

    public long bookId() {
        return bookId;
    }

    public enum Reason {
        /** An overdue loan or an unpaid late fee holds the card. */
        CARD_SUSPENDED,
        /** As many books are out (or being rented) as the rules allow. */
        LOAN_LIMIT_REACHED,
        /** This book is already out, or being rented, on this card. */
        ALREADY_RENTED
    }
}
