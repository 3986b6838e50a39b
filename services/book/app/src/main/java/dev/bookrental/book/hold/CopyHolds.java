package dev.bookrental.book.hold;

import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import dev.bookrental.book.api.BookCommand.ReleaseCopy;
import dev.bookrental.book.api.BookCommand.ReserveCopy;
import dev.bookrental.book.api.BookReply;
import dev.bookrental.book.api.BookReply.CopyReleased;
import dev.bookrental.platform.messaging.PoisonMessageException;
import dev.bookrental.rental.api.RentalEvent.BookReturned;

/**
 * Semantic idempotence of book's saga steps: each rental is decided once — its {@code copy_hold}
 * row is written before anything else, so a concurrent handler of the same rental waits for it —
 * and every later command or event of that rental is answered from that row, locked while it is
 * read. Each method joins the transaction of the idempotent consumer that called it
 * ({@link Propagation#MANDATORY}), so the copy, the hold, the processed message id and the outbox
 * reply commit together or not at all.
 */
@Service
class CopyHolds {

    private final CopyHoldRepository holds;

    CopyHolds(CopyHoldRepository holds) {
        this.holds = holds;
    }

    /** Takes a free copy of the book for the rental, or answers as the rental was decided before. */
    @Transactional(propagation = Propagation.MANDATORY)
    BookReply reserve(ReserveCopy command) {
        UUID rentalId = CopyHold.rentalId(command.rentalId());
        CopyHold refused = CopyHold.refused(command.bookId());
        if (!holds.insertIfAbsent(rentalId, refused)) {
            return decided(rentalId).answer(command);
        }
        CopyHold decision = holds.takeAvailableCopy(command.bookId())
                .map(copyId -> CopyHold.held(command.bookId(), copyId))
                .orElse(refused);
        if (decision.holdsACopy()) {
            holds.update(rentalId, decision);
        }
        return decision.answer(command);
    }

    /** Compensation: gives back the copy held for the rental, if any; always succeeds. */
    @Transactional(propagation = Propagation.MANDATORY)
    BookReply release(ReleaseCopy command) {
        UUID rentalId = CopyHold.rentalId(command.rentalId());
        if (!holds.insertIfAbsent(rentalId, CopyHold.TOMBSTONE)) {
            CopyHold hold = decided(rentalId);
            change(rentalId, hold, hold.released());
        }
        return new CopyReleased(command.rentalId());
    }

    /**
     * The member brought the copy back: it is available again, once however often the fact arrives.
     * A return that contradicts book's records (no hold, another copy, a released rental) cannot be
     * applied by any retry, so it goes straight to the dead-letter topic, where it shows.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    void returned(BookReturned event) {
        UUID rentalId = CopyHold.rentalId(event.rentalId());
        CopyHold hold = holds.lock(rentalId).orElseThrow(() -> new PoisonMessageException(
                "Rental " + event.rentalId() + " returned copy " + event.copyId() + " but book never held a copy for it"));
        change(rentalId, hold, hold.returned(event));
    }

    /** The hold of a rental whose row exists (the insert found it). */
    private CopyHold decided(UUID rentalId) {
        return holds.lock(rentalId).orElseThrow(() -> new IllegalStateException("No hold for rental " + rentalId));
    }

    private void change(UUID rentalId, CopyHold before, CopyHold after) {
        if (before.holdsACopy() && !after.holdsACopy()) {
            holds.putBack(before.copyId());
        }
        if (!after.equals(before)) {
            holds.update(rentalId, after);
        }
    }
}
