package dev.bookrental.platform.messaging;

import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import tools.jackson.databind.json.JsonMapper;

/**
 * Transactional outbox: a message is stored in the same database transaction as the state change
 * it announces, and the {@link OutboxRelay} publishes it after the commit. A rolled-back change
 * sends nothing; a committed one is sent even if the process dies right after the commit.
 */
public class Outbox {

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final TraceContext traceContext;

    public Outbox(JdbcClient jdbc, JsonMapper json, TraceContext traceContext) {
        this.jdbc = jdbc;
        this.json = json;
        this.traceContext = traceContext;
    }

    /**
     * Stores {@code payload} for publication to {@code topic}; call it inside the
     * {@code @Transactional} method that changes the state.
     *
     * @param key the id of the aggregate, so that its messages stay in order on one partition
     * @return the id of the message, sent as the {@code message-id} header
     * @throws IllegalStateException outside a transaction, where the message could be stored
     *                               without the change or the change without the message
     */
    public UUID enqueue(String topic, String key, Record payload) {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("Outbox.enqueue must run inside the transaction of the state change "
                    + "(a @Transactional method); no transaction is active for a message to " + topic);
        }
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                INSERT INTO outbox_message (id, topic, message_key, message_type, schema_version, payload, traceparent)
                VALUES (:id, :topic, :key, :type, :version, CAST(:payload AS jsonb), :traceparent)
                """)
                .param("id", id)
                .param("topic", topic)
                .param("key", key)
                .param("type", MessageTypes.nameOf(payload.getClass()))
                .param("version", MessageTypes.schemaVersionOf(payload.getClass()))
                .param("payload", json.writeValueAsString(payload))
                .param("traceparent", traceContext.currentTraceparent())
                .update();
        return id;
    }
}
