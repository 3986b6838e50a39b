package dev.bookrental.platform.messaging;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** A service as small as can be that sends through the outbox and consumes idempotently. */
@SpringBootApplication
class MessagingTestApplication {

    /** The event family of a (pretend) api module. */
    sealed interface LibraryEvent permits BookReserved, BookReturned {
    }

    record BookReserved(String bookId, String memberId) implements LibraryEvent {
    }

    @SchemaVersion(2)
    record BookReturned(String bookId, String condition) implements LibraryEvent {
    }

    /** A state change that announces itself through the outbox. */
    @Component
    static class Reservations {

        private final JdbcClient jdbc;
        private final Outbox outbox;

        Reservations(JdbcClient jdbc, Outbox outbox) {
            this.jdbc = jdbc;
            this.outbox = outbox;
        }

        @Transactional
        public UUID reserve(String bookId, String memberId) {
            jdbc.sql("INSERT INTO reservation (book_id, member_id) VALUES (?, ?)").params(bookId, memberId).update();
            return outbox.enqueue(TestInfrastructure.BOOK_EVENTS, bookId, new BookReserved(bookId, memberId));
        }

        @Transactional
        public UUID reserveThenFail(String bookId, String memberId) {
            reserve(bookId, memberId);
            throw new IllegalStateException("the reservation is rejected after the message was enqueued");
        }
    }

    /**
     * Every record of the watched topics, as received, for the tests to look at, and the trace the
     * listener ran in, by message id.
     */
    @Component
    static class Observer {

        final List<ConsumerRecord<String, String>> received = new CopyOnWriteArrayList<>();
        final Map<String, String> traceIds = new ConcurrentHashMap<>();
        private final Tracer tracer;

        Observer(Tracer tracer) {
            this.tracer = tracer;
        }

        @KafkaListener(topics = {TestInfrastructure.BOOK_EVENTS, TestInfrastructure.MEMBER_EVENTS + ".DLT"},
                groupId = "test-observer")
        void on(ConsumerRecord<String, String> record) {
            Header id = record.headers().lastHeader(Message.ID);
            Span span = tracer.currentSpan();
            if (id != null && span != null) {
                traceIds.put(new String(id.value(), StandardCharsets.UTF_8), span.context().traceId());
            }
            received.add(record);
        }
    }

    /** A projection whose effect is one row per applied message; fails on demand. */
    @Component
    static class Projection {

        static final String CONSUMER = "test.projection";

        private final IdempotentConsumer idempotent;
        private final JdbcClient jdbc;
        private final Set<UUID> outage = ConcurrentHashMap.newKeySet();

        Projection(IdempotentConsumer idempotent, JdbcClient jdbc) {
            this.idempotent = idempotent;
            this.jdbc = jdbc;
        }

        void failWhileHandling(UUID messageId) {
            outage.add(messageId);
        }

        void recover(UUID messageId) {
            outage.remove(messageId);
        }

        @KafkaListener(topics = TestInfrastructure.MEMBER_EVENTS, groupId = "test-projection")
        void on(ConsumerRecord<String, String> record) {
            idempotent.handle(CONSUMER, record, LibraryEvent.class, message -> {
                String bookId = switch (message.payload()) {
                    case BookReserved reserved -> reserved.bookId();
                    case BookReturned returned -> returned.bookId();
                };
                jdbc.sql("INSERT INTO applied_effect (message_id, message_type, schema_version, book_id) VALUES (?, ?, ?, ?)")
                        .params(message.id(), message.type(), message.schemaVersion(), bookId).update();
                if (outage.contains(message.id())) {
                    throw new IllegalStateException("transient outage of a downstream dependency");
                }
            });
        }
    }

    /** Sends to member.events as another service's relay would, and counts the projection's effects. */
    @Component
    static class Sender {

        private final MessagingKafkaClients kafka;
        private final JdbcClient jdbc;

        Sender(MessagingKafkaClients kafka, JdbcClient jdbc) {
            this.kafka = kafka;
            this.jdbc = jdbc;
        }

        void send(UUID id, String type, int schemaVersion, String key, String payload) {
            ProducerRecord<String, String> record = new ProducerRecord<>(TestInfrastructure.MEMBER_EVENTS, key, payload);
            record.headers().add(Message.ID, id.toString().getBytes(StandardCharsets.UTF_8));
            record.headers().add(Message.TYPE, type.getBytes(StandardCharsets.UTF_8));
            record.headers().add(Message.SCHEMA_VERSION, Integer.toString(schemaVersion).getBytes(StandardCharsets.UTF_8));
            kafka.template().send(record).join();
        }

        long effects(UUID id) {
            return jdbc.sql("SELECT count(*) FROM applied_effect WHERE message_id = ?").param(id).query(Long.class).single();
        }
    }
}
