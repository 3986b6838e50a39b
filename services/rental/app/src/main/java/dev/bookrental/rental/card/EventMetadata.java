package dev.bookrental.rental.card;

import java.util.UUID;

/**
 * What the store keeps beside each event to explain it: the saga or request it belongs to
 * ({@code correlationId}: the rental id, or the member id for card-wide work), the message or
 * request that caused it ({@code causationId}) and the W3C trace it was written in.
 */
public record EventMetadata(String correlationId, String causationId, String traceparent) {

    /** Caused by a consumed message. */
    public static EventMetadata causedBy(UUID messageId, String correlationId, String traceparent) {
        return new EventMetadata(correlationId, "message:" + messageId, traceparent);
    }

    /** Caused by an HTTP request or a scheduled job, named by {@code cause}. */
    public static EventMetadata causedBy(String cause, String correlationId, String traceparent) {
        return new EventMetadata(correlationId, cause, traceparent);
    }
}
