package dev.bookrental.rental.eventstore;

import java.util.Objects;
import java.util.UUID;

/**
 * An event to append: its id (unique across the store, so a retried append cannot store it twice),
 * type, schema version, and JSON payload and metadata.
 */
public record NewEvent(UUID eventId, String type, int schemaVersion, String payload, String metadata) {

    public NewEvent {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(payload, "payload");
        Objects.requireNonNull(metadata, "metadata");
        if (schemaVersion < 1) {
            throw new IllegalArgumentException("schemaVersion must be at least 1");
        }
    }
}
