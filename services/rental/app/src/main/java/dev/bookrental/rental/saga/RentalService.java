package dev.bookrental.rental.saga;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.stereotype.Service;

import dev.bookrental.platform.messaging.TraceContext;
import dev.bookrental.rental.api.RentalEvent.BookReturned;
import dev.bookrental.rental.card.CardConflicts;
import dev.bookrental.rental.card.EventMetadata;
import dev.bookrental.rental.card.RentRefusedException;
import dev.bookrental.rental.card.RentalCard;
import dev.bookrental.rental.card.RentalCards;
import dev.bookrental.rental.card.RentalProperties;
import dev.bookrental.rental.remote.BookCatalog;
import dev.bookrental.rental.remote.RemoteCalls;

/**
 * What members do with rentals: ask to rent a book (the card decides, the saga does the rest), see
 * a rental, bring a book back. Only ever their own rentals: another member's is "not found".
 */
@Service
public class RentalService {

    private final RentalCards cards;
    private final Rentals rentals;
    private final RentSaga saga;
    private final CardConflicts conflicts;
    private final BookCatalog catalog;
    private final RentalProperties properties;
    private final TraceContext trace;
    private final Clock clock;

    RentalService(RentalCards cards, Rentals rentals, RentSaga saga, CardConflicts conflicts, BookCatalog catalog,
            RentalProperties properties, TraceContext trace, Clock clock) {
        this.cards = cards;
        this.rentals = rentals;
        this.saga = saga;
        this.conflicts = conflicts;
        this.catalog = catalog;
        this.properties = properties;
        this.trace = trace;
        this.clock = clock;
    }

    /**
     * The card checks its rules and records the request; the saga starts in the same transaction.
     *
     * @throws UnknownBookProblem       when the catalog has no such book (nothing is recorded)
     * @throws RentNotAllowedProblem    when the card's rules refuse (nothing is recorded)
     */
    public Rental request(String memberId, long bookId) {
        RemoteCalls.requireBook(catalog, bookId);
        UUID rentalId = UUID.randomUUID();
        EventMetadata metadata = EventMetadata.causedBy("http:POST /api/rentals", rentalId.toString(), trace.currentTraceparent());
        try {
            return conflicts.inTransaction(() -> {
                RentalCard card = cards.of(memberId);
                cards.append(card, List.of(card.requestRent(rentalId.toString(), bookId, properties.cardRules())), metadata);
                return saga.start(rentalId, memberId, bookId);
            });
        } catch (RentRefusedException e) {
            throw new RentNotAllowedProblem(e);
        }
    }

    /** The member's own rental. */
    public Rental find(String memberId, UUID rentalId) {
        return rentals.find(rentalId).filter(rental -> rental.memberId().equals(memberId))
                .orElseThrow(() -> new RentalNotFoundProblem(rentalId));
    }

    /**
     * The member brings the copy back: {@code BookReturned} (with the late fee, if any) on the card;
     * book frees the copy and member charges the fee when they read it (choreography).
     */
    public Rental returnBook(String memberId, UUID rentalId) {
        EventMetadata metadata = EventMetadata.causedBy("http:POST /api/rentals/" + rentalId + "/return", rentalId.toString(),
                trace.currentTraceparent());
        return conflicts.inTransaction(() -> {
            Rental rental = rentals.lock(rentalId).filter(r -> r.memberId().equals(memberId))
                    .orElseThrow(() -> new RentalNotFoundProblem(rentalId));
            if (rental.status() != Rental.Status.RENTED) {
                throw new RentalNotOutProblem(rental);
            }
            Instant now = clock.instant();
            RentalCard card = cards.of(memberId);
            BookReturned returned = card.returnBook(rentalId.toString(), now, properties.cardRules());
            cards.append(card, List.of(returned), metadata);
            Rental back = rental.returned(now);
            rentals.update(back);
            return back;
        });
    }
}
