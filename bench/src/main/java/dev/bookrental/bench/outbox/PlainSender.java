package dev.bookrental.bench.outbox;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.springframework.kafka.core.KafkaTemplate;
import tools.jackson.databind.json.JsonMapper;

import dev.bookrental.book.api.BookEvent.BookAdded;
import dev.bookrental.platform.messaging.Message;
import dev.bookrental.platform.messaging.MessageTypes;

/**
 * The way without an outbox: the record sent straight from the sender's thread with the relay's
 * own {@link KafkaTemplate} (acks=all, idempotence), the same envelope headers the relay writes
 * and the service's JSON mapper. Asynchronous, as a service would send after its commit; a failed
 * acknowledgement reaches the tally.
 */
final class PlainSender implements Sender {

    private final KafkaTemplate<String, String> kafka;
    private final JsonMapper json;
    private final String topic;

    PlainSender(KafkaTemplate<String, String> kafka, JsonMapper json, String topic) {
        this.kafka = kafka;
        this.json = json;
        this.topic = topic;
    }

    @Override
    public String way() {
        return "plain";
    }

    @Override
    public void send(BookAdded event, long createdNanos, RoundTally tally) {
        UUID id = UUID.randomUUID();
        RecordHeaders headers = new RecordHeaders();
        headers.add(Message.ID, utf8(id.toString()));
        headers.add(Message.TYPE, utf8(MessageTypes.nameOf(event.getClass())));
        headers.add(Message.SCHEMA_VERSION, utf8(Integer.toString(MessageTypes.schemaVersionOf(event.getClass()))));
        tally.expect(id, createdNanos);
        kafka.send(new ProducerRecord<>(topic, null, Sender.key(event), json.writeValueAsString(event), headers))
                .whenComplete((result, failure) -> {
                    if (failure != null) {
                        tally.failed(failure);
                    }
                });
    }

    @Override
    public void flush() {
        kafka.flush();
    }

    private static byte[] utf8(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }
}
