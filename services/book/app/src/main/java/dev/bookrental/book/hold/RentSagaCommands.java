package dev.bookrental.book.hold;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import dev.bookrental.book.api.BookCommand;
import dev.bookrental.book.api.BookCommand.ReleaseCopy;
import dev.bookrental.book.api.BookCommand.ReserveCopy;
import dev.bookrental.book.api.BookReply;
import dev.bookrental.book.api.BookTopics;
import dev.bookrental.platform.messaging.IdempotentConsumer;
import dev.bookrental.platform.messaging.Outbox;
import dev.bookrental.rental.api.RentalTopics;

/**
 * Saga participant: book's steps of the rent saga that rental orchestrates — reserve a copy, and
 * its compensation, release the copy. Each command is applied once per message id (idempotent
 * consumer) and answered on rental's saga-reply topic, keyed by rental id, through the outbox in the
 * same transaction; a command sent again with a new id gets the answer decided the first time
 * ({@link CopyHolds}).
 */
@Component
class RentSagaCommands {

    static final String CONSUMER = "book.rent-saga";

    private final IdempotentConsumer idempotent;
    private final CopyHolds holds;
    private final Outbox outbox;

    RentSagaCommands(IdempotentConsumer idempotent, CopyHolds holds, Outbox outbox) {
        this.idempotent = idempotent;
        this.holds = holds;
        this.outbox = outbox;
    }

    // A new group starts at the first command, not the latest: none sent before book joined is skipped.
    @KafkaListener(topics = BookTopics.COMMANDS, groupId = "book", properties = "auto.offset.reset=earliest")
    void on(ConsumerRecord<String, String> record) {
        idempotent.handle(CONSUMER, record, BookCommand.class, message -> {
            BookReply reply = switch (message.payload()) {
                case ReserveCopy reserve -> holds.reserve(reserve);
                case ReleaseCopy release -> holds.release(release);
            };
            // Every BookReply is a record (its permitted subtypes are), as the outbox requires.
            outbox.enqueue(RentalTopics.SAGA_REPLIES, reply.rentalId(), (Record) reply);
        });
    }
}
