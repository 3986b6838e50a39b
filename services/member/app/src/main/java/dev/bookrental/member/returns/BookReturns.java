package dev.bookrental.member.returns;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import dev.bookrental.member.points.LateFees;
import dev.bookrental.platform.messaging.IdempotentConsumer;
import dev.bookrental.rental.api.RentalEvent;
import dev.bookrental.rental.api.RentalEvent.BookReturned;
import dev.bookrental.rental.api.RentalTopics;

/**
 * Choreography: member's reaction to rental's {@link BookReturned}, charging its late fee
 * ({@link LateFees}), once per message id and once per rental. The other facts of the rental
 * cards do not concern member: they are read, recorded as processed and left alone.
 */
@Component
class BookReturns {

    static final String CONSUMER = "member.book-returns";

    private final IdempotentConsumer idempotent;
    private final LateFees lateFees;

    BookReturns(IdempotentConsumer idempotent, LateFees lateFees) {
        this.idempotent = idempotent;
        this.lateFees = lateFees;
    }

    // A new group starts at the first fact, not the latest: no return is skipped.
    @KafkaListener(topics = RentalTopics.EVENTS, groupId = "member", properties = "auto.offset.reset=earliest")
    void on(ConsumerRecord<String, String> record) {
        idempotent.handle(CONSUMER, record, RentalEvent.class, message -> {
            if (message.payload() instanceof BookReturned returned && returned.lateFee() > 0) {
                lateFees.charge(returned.rentalId(), returned.memberId(), returned.lateFee());
            }
        });
    }
}
