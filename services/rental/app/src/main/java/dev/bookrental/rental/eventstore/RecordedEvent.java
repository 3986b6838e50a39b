package dev.bookrental.rental.eventstore;

import java.time.Instant;
import java.util.UUID;

/**
 * An event as the store holds it.
 *
 * @param position      global order of all events of the store, for readers that follow it
 * @param streamId      the stream, e.g. {@code rental-card-{memberId}}
 * @param version       1 for the stream's first event, then 2, 3 … without gaps
 * @param payload       JSON of the event record
 * @param metadata      JSON: causation, correlation and trace ids
 */
public record RecordedEvent(long position, UUID eventId, String streamId, int version, String type, int schemaVersion,
        String payload, String metadata, Instant recordedAt) {
}
