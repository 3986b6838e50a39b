package dev.bookrental.book.hold;

import java.util.UUID;

import dev.bookrental.book.api.BookCommand.ReserveCopy;
import dev.bookrental.book.api.BookReply;
import dev.bookrental.book.api.BookReply.CopyReserved;
import dev.bookrental.book.api.BookReply.CopyUnavailable;
import dev.bookrental.platform.messaging.PoisonMessageException;
import dev.bookrental.rental.api.RentalEvent.BookReturned;

/**
 * The decision book took for one rental of the rent saga, and what became of it: plain Java, the
 * rules of every answer and transition in one place. Stored as a {@code copy_hold} row.
 *
 * @param bookId the book asked for; null for a tombstone (released before any reservation)
 * @param copyId the copy held; null when none was
 */
record CopyHold(Long bookId, Long copyId, State state) {

    enum State {
        /** The copy is out for this rental (copy status RENTED). */
        HELD,
        /** No copy was free, or no such book: answered {@code CopyUnavailable}. */
        REFUSED,
        /** The saga gave up (compensation); a copy it held is available again. */
        RELEASED,
        /** The member brought the copy back; it is available again. */
        RETURNED
    }

    /** A {@code ReleaseCopy} that came before any {@code ReserveCopy}: later reservations are refused. */
    static final CopyHold TOMBSTONE = new CopyHold(null, null, State.RELEASED);

    static CopyHold held(long bookId, long copyId) {
        return new CopyHold(bookId, copyId, State.HELD);
    }

    static CopyHold refused(long bookId) {
        return new CopyHold(bookId, null, State.REFUSED);
    }

    /**
     * Reads a rental id of the saga. Rental ids are UUIDs; anything else is a bug of the sender
     * that no retry can fix, so the message goes to the dead-letter topic.
     */
    static UUID rentalId(String value) {
        if (value == null) {
            throw new PoisonMessageException("A rent-saga message without a rental id");
        }
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            throw new PoisonMessageException("Rental id is not a UUID: " + value, e);
        }
    }

    /**
     * The answer to a {@code ReserveCopy} of this rental, the first or a repeated one: the copy
     * that was reserved (also after its return, a stale repetition changes nothing), or
     * {@code CopyUnavailable} when none was or the rental has been released since.
     */
    BookReply answer(ReserveCopy command) {
        return switch (state) {
            case HELD, RETURNED -> new CopyReserved(command.rentalId(), bookId, copyId);
            case REFUSED, RELEASED -> new CopyUnavailable(command.rentalId(), command.bookId());
        };
    }

    /** Whether this rental has a copy out. */
    boolean holdsACopy() {
        return state == State.HELD;
    }

    /** After a {@code ReleaseCopy}: nothing is held any more; a copy already returned stays returned. */
    CopyHold released() {
        return state == State.RETURNED ? this : new CopyHold(bookId, copyId, State.RELEASED);
    }

    /**
     * After the member brought the copy back. Only a held (or already returned) copy can come
     * back; a return of anything else contradicts book's records and no retry can change that.
     */
    CopyHold returned(BookReturned event) {
        if ((state != State.HELD && state != State.RETURNED) || copyId != event.copyId()) {
            throw new PoisonMessageException("Rental " + event.rentalId() + " returned copy " + event.copyId()
                    + " but book's hold for it is " + this);
        }
        return new CopyHold(bookId, copyId, State.RETURNED);
    }
}
