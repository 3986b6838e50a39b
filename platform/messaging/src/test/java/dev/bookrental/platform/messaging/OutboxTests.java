package dev.bookrental.platform.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;

import dev.bookrental.platform.messaging.MessagingTestApplication.BookReserved;
import dev.bookrental.platform.messaging.MessagingTestApplication.Observer;
import dev.bookrental.platform.messaging.MessagingTestApplication.Reservations;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Transactional outbox and its relay, against a real PostgreSQL and Kafka. */
class OutboxTests extends MessagingSliceTest {

    private static final Duration PUBLISHED = Duration.ofSeconds(15);

    @Autowired Reservations reservations;
    @Autowired Outbox outbox;
    @Autowired OutboxRelay relay;
    @Autowired Observer observer;
    @Autowired JdbcClient jdbc;
    @Autowired JsonMapper json;
    @Autowired Tracer tracer;
    @Autowired MeterRegistry meters;
    @Autowired MessagingKafkaClients kafka;
    @Autowired TraceContext traceContext;
    @Autowired MessagingProperties properties;
    @Autowired PlatformTransactionManager transactionManager;

    @Test
    void committedMessageArrivesWithEnvelopeHeadersTraceAndJsonPayload() {
        Span request = tracer.nextSpan().name("reserve request").start();
        UUID id;
        try (Tracer.SpanInScope scope = tracer.withSpan(request)) {
            id = reservations.reserve("book-1", "member-1");
        } finally {
            request.end();
        }

        ConsumerRecord<String, String> record = awaitReceived(id);

        assertThat(record.key()).isEqualTo("book-1");
        assertThat(header(record, Message.TYPE)).isEqualTo("BookReserved");
        assertThat(header(record, Message.SCHEMA_VERSION)).isEqualTo("1");
        assertThat(header(record, Message.TRACEPARENT)).as("W3C trace context continues the request's trace")
                .startsWith("00-" + request.context().traceId() + "-");
        assertThat(observer.traceIds.get(id.toString())).as("the listener runs in the request's trace")
                .isEqualTo(request.context().traceId());
        assertThat(json.readValue(record.value(), BookReserved.class)).isEqualTo(new BookReserved("book-1", "member-1"));
        JsonNode payload = json.readTree(record.value());
        assertThat(payload.get("memberId").asString()).isEqualTo("member-1");
        await().atMost(PUBLISHED).until(() -> publishedAt(id) != null);
    }

    @Test
    void rolledBackTransactionSendsNothing() {
        assertThatThrownBy(() -> reservations.reserveThenFail("book-rolled-back", "member-2"))
                .isInstanceOf(IllegalStateException.class);
        UUID marker = reservations.reserve("book-after-rollback", "member-2");

        awaitReceived(marker);

        assertThat(jdbc.sql("SELECT count(*) FROM outbox_message WHERE message_key = 'book-rolled-back'")
                .query(Long.class).single()).isZero();
        assertThat(observer.received).extracting(ConsumerRecord::key).doesNotContain("book-rolled-back");
    }

    @Test
    void enqueueOutsideATransactionIsRejected() {
        assertThatThrownBy(() -> outbox.enqueue(TestInfrastructure.BOOK_EVENTS, "book-3",
                new BookReserved("book-3", "member-3")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("inside the transaction");
        assertThat(jdbc.sql("SELECT count(*) FROM outbox_message WHERE message_key = 'book-3'")
                .query(Long.class).single()).isZero();
    }

    @Test
    void messagesCommittedWhileNoRelayRunsArePublishedByTheNextRelay() {
        relay.stop();
        try {
            UUID first = reservations.reserve("book-4", "member-4");
            UUID second = reservations.reserve("book-4", "member-5");
            assertThat(publishedAt(first)).isNull();
            assertThat(meters.get("outbox.backlog").gauge().value()).isGreaterThanOrEqualTo(2);

            OutboxRelay restarted = new OutboxRelay(jdbc, new TransactionTemplate(transactionManager), kafka.template(),
                    traceContext, properties.outbox());
            restarted.start();
            try {
                await().atMost(PUBLISHED).until(() -> publishedAt(first) != null && publishedAt(second) != null);
                awaitReceived(second);
                assertThat(observer.received).filteredOn(r -> "book-4".equals(r.key()))
                        .extracting(r -> header(r, Message.ID))
                        .as("order per key").containsSubsequence(first.toString(), second.toString());
                assertThat(meters.get("outbox.backlog").gauge().value()).isZero();
            } finally {
                restarted.stop();
            }
        } finally {
            relay.start();
        }
    }

    @Test
    void pausedRelayKeepsMessagesInTheOutboxUntilResumed() {
        OutboxEndpoint endpoint = new OutboxEndpoint(relay, new OutboxBacklog(jdbc));
        assertThat(endpoint.relay("paused").relay()).isEqualTo(OutboxEndpoint.RelayState.PAUSED);
        try {
            UUID held = reservations.reserve("book-5", "member-6");
            Duration tenPolls = properties.outbox().pollInterval().multipliedBy(10);
            await().during(tenPolls).atMost(tenPolls.multipliedBy(2)).until(() -> publishedAt(held) == null);
            assertThat(endpoint.status().backlog()).isGreaterThanOrEqualTo(1);
            assertThat(observer.received).extracting(ConsumerRecord::key).doesNotContain("book-5");

            assertThat(endpoint.relay("running").relay()).isEqualTo(OutboxEndpoint.RelayState.RUNNING);
            awaitReceived(held);
            await().atMost(PUBLISHED).until(() -> publishedAt(held) != null);
        } finally {
            relay.resume();
        }
    }

    @Test
    void unknownRelayStateIsRefusedAndChangesNothing() {
        OutboxEndpoint endpoint = new OutboxEndpoint(relay, new OutboxBacklog(jdbc));

        assertThatThrownBy(() -> endpoint.relay("stopped"))
                .isInstanceOf(org.springframework.boot.actuate.endpoint.InvalidEndpointRequestException.class)
                .hasMessageContaining("relay");
        assertThat(relay.isPaused()).isFalse();
    }

    private ConsumerRecord<String, String> awaitReceived(UUID id) {
        return await().atMost(PUBLISHED).until(() -> observer.received.stream()
                .filter(r -> id.toString().equals(header(r, Message.ID))).findFirst().orElse(null),
                record -> record != null);
    }

    private Object publishedAt(UUID id) {
        return jdbc.sql("SELECT published_at FROM outbox_message WHERE id = ?").param(id)
                .query((rs, n) -> rs.getObject(1)).optional().orElse(null);
    }

    static String header(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
