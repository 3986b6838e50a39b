package dev.bookrental.platform.messaging;

import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.function.Consumer;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Idempotent consumer: applies a message at most once per consumer, whatever the number of
 * deliveries. The message id is recorded in the same database transaction as the handler's effect;
 * a delivery whose id is already recorded is skipped. The listener container commits the Kafka
 * offset only after that transaction, so a crash in between redelivers, and the copy is skipped.
 *
 * <pre>{@code
 * @KafkaListener(topics = "member.events")
 * void on(ConsumerRecord<String, String> record) {
 *     idempotent.handle("rental.member-standing", record, MemberEvent.class, message -> switch (message.payload()) {
 *         case MemberSuspended suspended -> standings.suspend(suspended.memberId());
 *         case MemberReinstated reinstated -> standings.reinstate(reinstated.memberId());
 *     });
 * }
 * }</pre>
 */
public class IdempotentConsumer {

    private static final Logger log = LoggerFactory.getLogger(IdempotentConsumer.class);

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final JsonMapper json;

    public IdempotentConsumer(JdbcClient jdbc, TransactionTemplate transactions, JsonMapper json) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.json = json;
    }

    /**
     * Reads the envelope of {@code record} and applies {@code handler} to it once.
     *
     * @param consumerName names the effect, e.g. {@code "rental.member-standing"}; two handlers of
     *                     one message need two names
     * @param payloadType  the record, or the sealed family whose member the {@code message-type}
     *                     header names
     * @return true when applied now, false when it had been applied before (a redelivery)
     * @throws PoisonMessageException when the envelope or payload cannot be read (never retried)
     */
    public <T> boolean handle(String consumerName, ConsumerRecord<String, String> record, Class<T> payloadType,
            Consumer<Message<T>> handler) {
        Message<T> message = read(record, payloadType);
        Boolean applied = transactions.execute(status -> {
            int recorded = jdbc.sql("""
                    INSERT INTO processed_message (consumer_name, message_id) VALUES (:consumer, :id)
                    ON CONFLICT DO NOTHING
                    """)
                    .param("consumer", consumerName)
                    .param("id", message.id())
                    .update();
            if (recorded == 0) {
                return false;
            }
            handler.accept(message);
            return true;
        });
        // One line per message, in the trace the message carried: the central logs find every
        // service a flow went through by its trace id (docs/patterns/central-logs.md).
        if (Boolean.TRUE.equals(applied)) {
            log.info("{} applied {} {} from {}", consumerName, message.type(), message.id(), record.topic());
        } else {
            log.info("{} skipped {} {} from {}: applied before", consumerName, message.type(), message.id(), record.topic());
        }
        return Boolean.TRUE.equals(applied);
    }

    /** Whether {@code consumerName} has applied the message {@code messageId}. */
    public boolean hasProcessed(String consumerName, UUID messageId) {
        return jdbc.sql("SELECT count(*) FROM processed_message WHERE consumer_name = :consumer AND message_id = :id")
                .param("consumer", consumerName).param("id", messageId)
                .query(Long.class).single() > 0;
    }

    <T> Message<T> read(ConsumerRecord<String, String> record, Class<T> payloadType) {
        UUID id = parseId(header(record, Message.ID));
        String type = header(record, Message.TYPE);
        if (type == null) {
            type = MessageTypes.nameOf(payloadType);
        }
        String version = header(record, Message.SCHEMA_VERSION);
        if (record.value() == null) {
            throw new PoisonMessageException("Message " + id + " has no payload");
        }
        try {
            Object payload = json.readValue(record.value(), MessageTypes.resolve(payloadType, type));
            return new Message<>(id, type, version == null ? 1 : Integer.parseInt(version), record.key(),
                    payloadType.cast(payload));
        } catch (JacksonException | NumberFormatException | ClassCastException e) {
            throw new PoisonMessageException("Unreadable message " + id + " of type " + type + ": " + e.getMessage(), e);
        }
    }

    private static UUID parseId(String value) {
        if (value == null) {
            throw new PoisonMessageException("Message without a " + Message.ID + " header");
        }
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            throw new PoisonMessageException("Malformed " + Message.ID + " header: " + value, e);
        }
    }

    private static String header(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
