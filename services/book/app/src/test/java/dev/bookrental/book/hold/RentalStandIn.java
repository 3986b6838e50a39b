package dev.bookrental.book.hold;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.springframework.kafka.annotation.KafkaListener;
import tools.jackson.databind.json.JsonMapper;

import dev.bookrental.book.api.BookCommand;
import dev.bookrental.book.api.BookReply;
import dev.bookrental.book.api.BookTopics;
import dev.bookrental.platform.messaging.Message;
import dev.bookrental.platform.messaging.MessageTypes;
import dev.bookrental.platform.messaging.MessagingKafkaClients;
import dev.bookrental.rental.api.RentalEvent;
import dev.bookrental.rental.api.RentalTopics;

/**
 * Plays rental's part on the real broker: sends saga commands and card events in the envelope that
 * rental's outbox relay gives them, and keeps every saga reply and dead letter that arrives.
 */
class RentalStandIn {

    private final MessagingKafkaClients kafka;
    private final JsonMapper json;
    private final List<ConsumerRecord<String, String>> received = new CopyOnWriteArrayList<>();

    RentalStandIn(MessagingKafkaClients kafka, JsonMapper json) {
        this.kafka = kafka;
        this.json = json;
    }

    @KafkaListener(topics = {RentalTopics.SAGA_REPLIES, SagaInfrastructure.COMMANDS_DLT, SagaInfrastructure.EVENTS_DLT},
            groupId = "book-test-rental")
    void on(ConsumerRecord<String, String> record) {
        received.add(record);
    }

    /** Sends the command with a new message id (as rental does when it sends a command again). */
    UUID send(BookCommand command) {
        return send(UUID.randomUUID(), command);
    }

    UUID send(UUID messageId, BookCommand command) {
        send(record(BookTopics.COMMANDS, messageId, command.rentalId(), (Record) command));
        return messageId;
    }

    /** Publishes a card event keyed by member id, as rental does. */
    UUID publish(RentalEvent event) {
        UUID messageId = UUID.randomUUID();
        send(record(RentalTopics.EVENTS, messageId, event.memberId(), (Record) event));
        return messageId;
    }

    private void send(ProducerRecord<String, String> record) {
        kafka.template().send(record).join();
    }

    /** The record as the idempotent consumer receives it, for tests that call a listener directly. */
    ConsumerRecord<String, String> delivery(UUID messageId, BookCommand command) {
        ProducerRecord<String, String> sent = record(BookTopics.COMMANDS, messageId, command.rentalId(), (Record) command);
        ConsumerRecord<String, String> delivery = new ConsumerRecord<>(sent.topic(), 0, 0L, sent.key(), sent.value());
        sent.headers().forEach(header -> delivery.headers().add(header));
        return delivery;
    }

    /** The replies to one rental so far, in the order they arrived (one partition per key). */
    List<BookReply> repliesTo(String rentalId) {
        return received.stream()
                .filter(record -> record.topic().equals(RentalTopics.SAGA_REPLIES) && rentalId.equals(record.key()))
                .map(record -> (BookReply) json.readValue(record.value(),
                        MessageTypes.resolve(BookReply.class, header(record, Message.TYPE))))
                .toList();
    }

    Optional<ConsumerRecord<String, String>> deadLetter(UUID messageId) {
        return received.stream()
                .filter(record -> record.topic().endsWith(".DLT") && messageId.toString().equals(header(record, Message.ID)))
                .findFirst();
    }

    static String header(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private ProducerRecord<String, String> record(String topic, UUID messageId, String key, Record payload) {
        ProducerRecord<String, String> record = new ProducerRecord<>(topic, key, json.writeValueAsString(payload));
        record.headers().add(Message.ID, messageId.toString().getBytes(StandardCharsets.UTF_8));
        record.headers().add(Message.TYPE, MessageTypes.nameOf(payload.getClass()).getBytes(StandardCharsets.UTF_8));
        record.headers().add(Message.SCHEMA_VERSION,
                Integer.toString(MessageTypes.schemaVersionOf(payload.getClass())).getBytes(StandardCharsets.UTF_8));
        return record;
    }
}
