package dev.bookrental.bench.eventstore;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.springframework.transaction.support.TransactionTemplate;

import dev.bookrental.rental.api.RentalEvent;
import dev.bookrental.rental.card.EventMetadata;
import dev.bookrental.rental.card.RentalCard;
import dev.bookrental.rental.card.RentalCards;

/**
 * Appends a card's next event ({@link RentCycle}) as the service does: one event per transaction of
 * its own through {@link RentalCards#append}, which stores it at the card's version, queues it in
 * the outbox and stores a snapshot every N events. The metadata is what a consumed saga reply
 * leaves: the rental as correlation, the message as causation, a W3C trace parent.
 */
final class CardAppender {

    private final RentalCards cards;
    private final TransactionTemplate transactions;
    private final RentCycle cycle;

    CardAppender(RentalCards cards, TransactionTemplate transactions, RentCycle cycle) {
        this.cards = cards;
        this.transactions = transactions;
        this.cycle = cycle;
    }

    /** Appends the card's next event in a transaction of its own and returns the card with it applied. */
    RentalCard appendNext(RentalCard card) {
        return transactions.execute(status -> appendInTransaction(card));
    }

    /** Appends the card's next {@code events} events, each in a transaction of its own. */
    RentalCard appendNext(RentalCard card, int events) {
        RentalCard grown = card;
        for (int i = 0; i < events; i++) {
            grown = appendNext(grown);
        }
        return grown;
    }

    private RentalCard appendInTransaction(RentalCard card) {
        RentalEvent event = cycle.next(card);
        EventMetadata metadata = EventMetadata.causedBy(UUID.randomUUID(), cycle.rentalId(card), traceparent());
        return cards.append(card, List.of(event), metadata);
    }

    private static String traceparent() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return "00-%016x%016x-%016x-01".formatted(random.nextLong(), random.nextLong(), random.nextLong());
    }
}
