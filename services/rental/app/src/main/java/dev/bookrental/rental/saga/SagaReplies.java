package dev.bookrental.rental.saga;

import java.nio.charset.StandardCharsets;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import dev.bookrental.book.api.BookReply;
import dev.bookrental.member.api.MemberReply;
import dev.bookrental.platform.messaging.IdempotentConsumer;
import dev.bookrental.platform.messaging.Message;
import dev.bookrental.platform.messaging.MessageTypes;
import dev.bookrental.platform.messaging.PoisonMessageException;
import dev.bookrental.platform.messaging.TraceContext;
import dev.bookrental.rental.api.RentalTopics;
import dev.bookrental.rental.card.CardConflicts;
import dev.bookrental.rental.card.EventMetadata;

/**
 * The participants' replies to the rent saga, on {@link RentalTopics#SAGA_REPLIES}: book's and
 * member's families share the topic, told apart by the {@code message-type} header. Each reply is
 * applied once (idempotent consumer), in the transaction that moves the saga on.
 */
@Component
class SagaReplies {

    private static final String CONSUMER = "rental.saga-replies";

    private final IdempotentConsumer idempotent;
    private final RentSaga saga;
    private final CardConflicts conflicts;
    private final TraceContext trace;

    SagaReplies(IdempotentConsumer idempotent, RentSaga saga, CardConflicts conflicts, TraceContext trace) {
        this.idempotent = idempotent;
        this.saga = saga;
        this.conflicts = conflicts;
        this.trace = trace;
    }

    @KafkaListener(topics = RentalTopics.SAGA_REPLIES, groupId = "rental", properties = "auto.offset.reset=earliest")
    void on(ConsumerRecord<String, String> record) {
        if (isBookReply(record)) {
            conflicts.retried(() -> idempotent.handle(CONSUMER, record, BookReply.class,
                    message -> saga.on(message.payload(), metadata(message, message.payload().rentalId()))));
        } else {
            conflicts.retried(() -> idempotent.handle(CONSUMER, record, MemberReply.class,
                    message -> saga.on(message.payload(), metadata(message, message.payload().rentalId()))));
        }
    }

    private static boolean isBookReply(ConsumerRecord<String, String> record) {
        Header type = record.headers().lastHeader(Message.TYPE);
        if (type == null) {
            return false; // member's family then rejects it as poison, with the reason
        }
        try {
            MessageTypes.resolve(BookReply.class, new String(type.value(), StandardCharsets.UTF_8));
            return true;
        } catch (PoisonMessageException notOfBook) {
            return false;
        }
    }

    private EventMetadata metadata(Message<?> message, String correlationId) {
        return EventMetadata.causedBy(message.id(), correlationId, trace.currentTraceparent());
    }
}
