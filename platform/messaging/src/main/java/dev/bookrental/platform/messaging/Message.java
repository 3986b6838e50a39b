package dev.bookrental.platform.messaging;

import java.util.UUID;

/**
 * Message envelope: what a consumer receives, a payload record with the headers that every
 * Bookrental message carries.
 *
 * @param id            unique id of the message, the same on every delivery (header {@code message-id})
 * @param type          the stable name of the payload record (header {@code message-type})
 * @param schemaVersion version of the payload's schema (header {@code schema-version})
 * @param key           the Kafka key, the id of the aggregate the message is about
 * @param payload       the record from the owning service's api module
 */
public record Message<T>(UUID id, String type, int schemaVersion, String key, T payload) {

    /** Header of the unique message id (a UUID). */
    public static final String ID = "message-id";
    /** Header of the payload's type name, see {@link MessageTypes#nameOf(Class)}. */
    public static final String TYPE = "message-type";
    /** Header of the payload's schema version, see {@link SchemaVersion}. */
    public static final String SCHEMA_VERSION = "schema-version";
    /** Header of the W3C trace context. */
    public static final String TRACEPARENT = "traceparent";
}
