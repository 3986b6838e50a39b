package dev.bookrental.platform.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.UUID;

import dev.bookrental.platform.messaging.MessagingTestApplication.Projection;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The idempotent consumer, fed by a real Kafka and recording into a real PostgreSQL. */
class IdempotentConsumerTests extends MessagingSliceTest {

    private static final Duration APPLIED = Duration.ofSeconds(15);

    @Autowired MessagingTestApplication.Sender sender;
    @Autowired IdempotentConsumer idempotent;
    @Autowired JdbcClient jdbc;

    @Test
    void redeliveredMessageIsAppliedOnce() {
        UUID id = UUID.randomUUID();
        send(id, "BookReserved", 1, "book-10", "{\"bookId\":\"book-10\",\"memberId\":\"member-10\"}");
        send(id, "BookReserved", 1, "book-10", "{\"bookId\":\"book-10\",\"memberId\":\"member-10\"}");
        UUID marker = UUID.randomUUID();
        send(marker, "BookReserved", 1, "book-10", "{\"bookId\":\"book-10\",\"memberId\":\"member-11\"}");

        await().atMost(APPLIED).until(() -> effects(marker) == 1);

        assertThat(effects(id)).isEqualTo(1);
        assertThat(idempotent.hasProcessed(Projection.CONSUMER, id)).isTrue();
    }

    @Test
    void picksTheRecordOfASealedFamilyByMessageTypeWithItsSchemaVersion() {
        UUID id = UUID.randomUUID();
        send(id, "BookReturned", 2, "book-11", "{\"bookId\":\"book-11\",\"condition\":\"good\"}");

        await().atMost(APPLIED).until(() -> effects(id) == 1);

        assertThat(jdbc.sql("SELECT message_type || '/' || schema_version FROM applied_effect WHERE message_id = ?")
                .param(id).query(String.class).single()).isEqualTo("BookReturned/2");
    }

    private void send(UUID id, String type, int schemaVersion, String key, String payload) {
        sender.send(id, type, schemaVersion, key, payload);
    }

    private long effects(UUID id) {
        return sender.effects(id);
    }
}
