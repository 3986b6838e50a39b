package dev.bookrental.book.hold;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import dev.bookrental.platform.messaging.IdempotentConsumer;
import dev.bookrental.rental.api.RentalEvent;
import dev.bookrental.rental.api.RentalEvent.BookReturned;
import dev.bookrental.rental.api.RentalTopics;

/**
 * Choreography of the return: rental publishes {@link BookReturned} and book, reacting on its own,
 * puts the copy back on the shelf. The card's other events are read and ignored — they are rental's
 * business, and the saga's own steps reach book as commands.
 */
@Component
class BookReturns {

    static final String CONSUMER = "book.returns";

    private final IdempotentConsumer idempotent;
    private final CopyHolds holds;

    BookReturns(IdempotentConsumer idempotent, CopyHolds holds) {
        this.idempotent = idempotent;
        this.holds = holds;
    }

    // A new group starts at the first event, not the latest: no return is skipped.
    @KafkaListener(topics = RentalTopics.EVENTS, groupId = "book", properties = "auto.offset.reset=earliest")
    void on(ConsumerRecord<String, String> record) {
        idempotent.handle(CONSUMER, record, RentalEvent.class, message -> {
            if (message.payload() instanceof BookReturned returned) {
                holds.returned(returned);
            }
        });
    }
}
