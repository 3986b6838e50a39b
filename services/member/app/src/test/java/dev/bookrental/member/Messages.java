package dev.bookrental.member;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.springframework.boot.test.context.TestComponent;
import org.springframework.kafka.annotation.KafkaListener;
import tools.jackson.databind.json.JsonMapper;

import dev.bookrental.member.api.MemberEvent;
import dev.bookrental.member.api.MemberReply;
import dev.bookrental.member.api.MemberTopics;
import dev.bookrental.platform.messaging.DeadLetter;
import dev.bookrental.platform.messaging.Message;
import dev.bookrental.platform.messaging.MessageTypes;
import dev.bookrental.platform.messaging.MessagingKafkaClients;
import dev.bookrental.rental.api.RentalTopics;

/**
 * The other services in member's tests: sends commands and facts in the platform's envelope, as
 * their outbox relays would, and keeps every reply and fact member publishes, and its dead letters.
 */
@TestComponent
public class Messages {

    private final MessagingKafkaClients kafka;
    private final JsonMapper json;
    private final List<ConsumerRecord<String, String>> received = new CopyOnWriteArrayList<>();

    Messages(MessagingKafkaClients kafka, JsonMapper json) {
        this.kafka = kafka;
        this.json = json;
    }

    /** Sends {@code payload} as a new message; returns its message id. */
    public UUID send(String topic, String key, Record payload) {
        UUID id = UUID.randomUUID();
        send(id, topic, key, payload);
        return id;
    }

    /** Sends {@code payload} with the given message id, e.g. once more as a redelivery would. */
    public void send(UUID id, String topic, String key, Record payload) {
        ProducerRecord<String, String> record = new ProducerRecord<>(topic, key, json.writeValueAsString(payload));
        record.headers().add(Message.ID, bytes(id.toString()));
        record.headers().add(Message.TYPE, bytes(MessageTypes.nameOf(payload.getClass())));
        record.headers().add(Message.SCHEMA_VERSION, bytes(Integer.toString(MessageTypes.schemaVersionOf(payload.getClass()))));
        kafka.template().send(record).join();
    }

    /** Member's replies about the rental received so far, in the order they were published. */
    public List<MemberReply> repliesTo(String rentalId) {
        return decoded(RentalTopics.SAGA_REPLIES, rentalId, MemberReply.class);
    }

    /** Member's facts about the member received so far, in the order they were published. */
    public List<MemberEvent> eventsOf(String memberId) {
        return decoded(MemberTopics.EVENTS, memberId, MemberEvent.class);
    }

    /** The raw payloads that member's listeners gave up on and sent to {@code <topic>.DLT}, with the key. */
    public List<String> deadLetters(String topic, String key) {
        return received.stream()
                .filter(record -> record.topic().equals(topic + DeadLetter.TOPIC_SUFFIX) && key.equals(record.key()))
                .map(ConsumerRecord::value)
                .toList();
    }

    @KafkaListener(topics = {RentalTopics.SAGA_REPLIES, MemberTopics.EVENTS,
            MemberTopics.COMMANDS + DeadLetter.TOPIC_SUFFIX, RentalTopics.EVENTS + DeadLetter.TOPIC_SUFFIX},
            groupId = "member-tests", properties = "auto.offset.reset=earliest")
    void on(ConsumerRecord<String, String> record) {
        received.add(record);
    }

    private <T> List<T> decoded(String topic, String key, Class<T> family) {
        return received.stream()
                .filter(record -> record.topic().equals(topic) && key.equals(record.key()))
                .map(record -> family.cast(json.readValue(record.value(), MessageTypes.resolve(family, type(record)))))
                .toList();
    }

    private static String type(ConsumerRecord<String, String> record) {
        Header header = record.headers().lastHeader(Message.TYPE);
        return new String(header.value(), StandardCharsets.UTF_8);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
