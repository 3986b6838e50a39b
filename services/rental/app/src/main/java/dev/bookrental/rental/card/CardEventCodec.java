package dev.bookrental.rental.card;

import java.util.UUID;

import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

import dev.bookrental.platform.messaging.MessageTypes;
import dev.bookrental.platform.messaging.PoisonMessageException;
import dev.bookrental.rental.api.RentalEvent;
import dev.bookrental.rental.eventstore.NewEvent;
import dev.bookrental.rental.eventstore.RecordedEvent;

/**
 * Turns card events into the store's rows and back: the type is the record's stable name (the
 * same {@code message-type} the outbox publishes it under), the payload its JSON.
 */
@Component
class CardEventCodec {

    private final JsonMapper json;

    CardEventCodec(JsonMapper json) {
        this.json = json;
    }

    NewEvent encode(RentalEvent event, EventMetadata metadata) {
        return new NewEvent(UUID.randomUUID(), MessageTypes.nameOf(event.getClass()),
                MessageTypes.schemaVersionOf(event.getClass()), json.writeValueAsString(event), json.writeValueAsString(metadata));
    }

    /** @throws IllegalStateException for a type this code does not know: a fact is never skipped */
    RentalEvent decode(RecordedEvent recorded) {
        Class<?> type;
        try {
            type = MessageTypes.resolve(RentalEvent.class, recorded.type());
        } catch (PoisonMessageException e) {
            throw new IllegalStateException("Unknown event type " + recorded.type() + " in stream " + recorded.streamId()
                    + " at version " + recorded.version(), e);
        }
        return (RentalEvent) json.readValue(recorded.payload(), type);
    }
}
